package ssmlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Vega-Lite specs of the report, as maps that Jackson writes: data rows inline, the
 * aggregation (mean over seeds, best seed) done by Vega-Lite transforms.
 */
final class VegaLite {
  static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
  private static final Map<String, Object> LENGTH_AXIS = o("field", "test_length",
      "type", "quantitative", "title", "test length", "scale", o("type", "log", "base", 2));
  private static final List<Integer> UNIT = List.of(0, 1);

  private VegaLite() {}

  /** How the lines of the accuracy charts combine the seeds, as every title says. */
  static final String AGGREGATION = "best seed at each length (max over seeds, as in"
      + " 'results table')";

  /**
   * Accuracy against test length for one task: a line per model configuration (the best seed at
   * each length) over a dot per seed, the training lengths shaded, one panel per layer count when
   * the sweep varies it, and a menu for the metric. Lines differ in colour, dash and point shape.
   */
  static Map<String, Object> accuracy(String task, List<ChartRow> rows) {
    List<ChartRow> mine = rows.stream().filter(r -> r.task().equals(task)).toList();
    Map<String, Object> lengthAxis = lengthAxis(mine.stream()
        .flatMap(r -> Stream.of(r.trainMin(), r.trainMax(), r.testLength()))
        .toList());
    Map<String, Object> color = o("field", "config", "type", "nominal", "title", "model",
        "scale", o("range", Palette.LINES));
    Map<String, Object> dash = o("field", "config", "type", "nominal", "title", "model",
        "scale", o("range", Palette.DASHES));
    Map<String, Object> shape = o("field", "config", "type", "nominal", "title", "model",
        "scale", o("range", Palette.SHAPES));
    Map<String, Object> y = o("field", "value", "type", "quantitative", "title", "accuracy",
        "scale", o("domain", UNIT));
    Map<String, Object> best = with(y, "aggregate", "max");
    List<Object> layers = List.of(
        o("mark", o("type", "rect", "color", "#999", "opacity", 0.2),
            "encoding", o("x", with(with(lengthAxis, "field", "train_min"), "aggregate", "min"),
                "x2", o("field", "train_max", "aggregate", "max"))),
        o("mark", o("type", "rule", "color", "#777", "strokeDash", List.of(4, 3)),
            "encoding", o("x", with(with(lengthAxis, "field", "train_max"), "aggregate", "max"))),
        o("mark", o("type", "point", "filled", true, "size", 18, "opacity", 0.45),
            "encoding", o("x", lengthAxis, "y", y,
                "color", color,
                "tooltip", List.of(o("field", "config", "type", "nominal", "title", "model"),
                    o("field", "seed", "type", "ordinal"),
                    o("field", "test_length", "type", "quantitative"),
                    o("field", "value", "type", "quantitative", "format", ".3f")))),
        o("mark", o("type", "line", "strokeWidth", 2),
            "encoding", o("x", lengthAxis, "y", best, "color", color, "strokeDash", dash)),
        o("mark", o("type", "point", "filled", true, "size", 50),
            "encoding", o("x", lengthAxis, "y", best, "color", color, "shape", shape,
                "tooltip", List.of(o("field", "config", "type", "nominal", "title", "model"),
                    o("field", "test_length", "type", "quantitative"),
                    o("field", "value", "aggregate", "max", "type", "quantitative",
                        "format", ".3f", "title", "best seed")))));
    Map<String, Object> spec = o(
        "$schema", SCHEMA,
        "title", o("text", task, "subtitle", List.of("line: " + AGGREGATION + "; dots: each seed",
            "shaded to the dashed line: training lengths")),
        "params", List.of(o("name", "metric", "value", "sequence_accuracy",
            "bind", o("input", "select", "name", "metric ",
                "options", List.of("sequence_accuracy", "token_accuracy")))),
        "data", o("values", mine),
        "transform", List.of(o("calculate", "datum[metric]", "as", "value")));
    Map<String, Object> panel = o("width", 300, "height", 200, "layer", layers);
    if (ChartRows.layers(rows, task).size() > 1) {
      spec.put("facet", o("column", o("field", "layers", "type", "ordinal", "title", "layers")));
      spec.put("spec", panel);
    } else {
      spec.putAll(panel);
    }
    spec.put("config", o("legend", o("symbolLimit", 200, "symbolOpacity", 1)));
    return spec;
  }

  /**
   * The log2 length axis with a tick at every power of two from the least to the greatest of
   * {@code lengths}, as the images have them.
   */
  static Map<String, Object> lengthAxis(List<Integer> lengths) {
    int min = lengths.stream().mapToInt(Integer::intValue).min().orElse(1);
    int max = lengths.stream().mapToInt(Integer::intValue).max().orElse(1);
    List<Integer> ticks = new ArrayList<>();
    for (long v = Long.highestOneBit(Math.max(min, 1)); v <= Math.max(max, 1); v *= 2) {
      ticks.add((int) v);
    }
    return with(LENGTH_AXIS, "axis", o("values", ticks));
  }

  /**
   * Task x model: sequence accuracy beyond the training range (within it for tasks tested only
   * there), mean over lengths, best seed.
   */
  static Map<String, Object> heatmap(List<ChartRow> rows) {
    return o(
        "$schema", SCHEMA,
        "title", o("text", "Sequence accuracy beyond the training range",
            "subtitle", "mean over test lengths above the longest train length (all test lengths"
                + " for tasks tested only within it); best run of each model (over seeds,"
                + " layers, widths)"),
        "width", o("step", 90), "height", o("step", 40),
        "data", o("values", ChartRows.heatmapRows(rows)),
        "transform", List.of(
            o("aggregate", List.of(o("op", "mean", "field", "sequence_accuracy", "as", "acc")),
                "groupby", List.of("task", "label", "config", "layers", "seed")),
            o("aggregate", List.of(o("op", "max", "field", "acc", "as", "best")),
                "groupby", List.of("task", "label"))),
        "encoding", o(
            "x", o("field", "label", "type", "nominal", "title", "model",
                "axis", o("labelAngle", -30)),
            "y", o("field", "task", "type", "nominal", "title", "task")),
        "layer", List.of(
            o("mark", "rect",
                "encoding", o("color", o("field", "best", "type", "quantitative",
                    "title", "accuracy", "scale", o("domain", UNIT, "range", Palette.HEAT)))),
            o("mark", "text",
                "encoding", o("text", o("field", "best", "type", "quantitative", "format", ".2f"),
                    "color", o("value", "black")))));
  }

  /**
   * Word problems: the fewest layers reaching 90% sequence accuracy, against length; equal lines
   * are drawn a little apart (the subtitle says so) with their own dash and point shape.
   */
  static Map<String, Object> minLayers(String task, List<MinLayers.Point> points) {
    List<MinLayers.Point> mine = points.stream().filter(p -> p.task().equals(task)).toList();
    Map<String, Object> model = o("field", "config", "type", "nominal", "title", "model");
    return o(
        "$schema", SCHEMA,
        "title", o("text", task, "subtitle", List.of("fewest layers with sequence accuracy ≥ 0.9"
            + " (any seed); no point: no depth in the sweep reached it",
            "equal lines are drawn slightly apart")),
        "width", 380, "height", 200,
        "data", o("values", mine),
        "mark", o("type", "line", "point", o("filled", true, "size", 50)),
        "encoding", o(
            "x", with(lengthAxis(mine.stream().map(MinLayers.Point::testLength).toList()),
                "title", "sequence length"),
            "y", o("field", "shown", "type", "quantitative", "title", "layers",
                "axis", o("tickMinStep", 1, "format", "d"),
                "scale", o("domain", List.of(0, 0.5 + mine.stream()
                    .mapToInt(MinLayers.Point::minLayers).max().orElse(1)))),
            "color", with(model, "scale", o("range", Palette.LINES)),
            "strokeDash", with(model, "scale", o("range", Palette.DASHES)),
            "shape", with(model, "scale", o("range", Palette.SHAPES)),
            "tooltip", List.of(model, o("field", "test_length", "type", "quantitative"),
                o("field", "min_layers", "type", "quantitative", "title", "layers"))));
  }

  /** An ordered map from alternating keys and values. */
  static Map<String, Object> o(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], Objects.requireNonNull(keysAndValues[i + 1]));
    }
    return map;
  }

  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }
}
