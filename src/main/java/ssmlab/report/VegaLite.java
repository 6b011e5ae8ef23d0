package ssmlab.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  /**
   * Accuracy against test length for one task: a line per model configuration (mean over seeds)
   * with a +-1 standard deviation band, the training lengths shaded, one panel per layer count
   * when the sweep varies it, and a menu for the metric.
   */
  static Map<String, Object> accuracy(String task, List<ChartRow> rows) {
    List<ChartRow> mine = rows.stream().filter(r -> r.task().equals(task)).toList();
    Map<String, Object> color = o("field", "config", "type", "nominal", "title", "model");
    Map<String, Object> y = o("field", "value", "type", "quantitative", "title", "accuracy",
        "scale", o("domain", UNIT));
    List<Object> layers = List.of(
        o("mark", o("type", "rect", "color", "#999", "opacity", 0.2),
            "encoding", o("x", with(with(LENGTH_AXIS, "field", "train_min"), "aggregate", "min"),
                "x2", o("field", "train_max", "aggregate", "max"))),
        o("mark", o("type", "rule", "color", "#777", "strokeDash", List.of(4, 3)),
            "encoding", o("x", with(with(LENGTH_AXIS, "field", "train_max"), "aggregate", "max"))),
        o("mark", o("type", "line", "point", true),
            "encoding", o("x", LENGTH_AXIS, "y", with(y, "aggregate", "mean"), "color", color,
                "tooltip", List.of(o("field", "config", "type", "nominal", "title", "model"),
                    o("field", "test_length", "type", "quantitative"),
                    o("field", "value", "aggregate", "mean", "type", "quantitative",
                        "format", ".3f", "title", "mean")))),
        // After the lines, so the legend shows their colours, not the band's.
        o("mark", o("type", "errorband", "extent", "stdev", "clip", true),
            "encoding", o("x", LENGTH_AXIS, "y", y, "color", color)));
    Map<String, Object> spec = o(
        "$schema", SCHEMA,
        "title", o("text", task, "subtitle", "shaded to the dashed line: training lengths;"
            + " line: mean over seeds; band: ±1 sd"),
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
    spec.put("config", o("legend", o("symbolLimit", 200)));
    return spec;
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
                    "title", "accuracy", "scale", o("domain", UNIT, "scheme", "viridis")))),
            o("mark", "text",
                "encoding", o("text", o("field", "best", "type", "quantitative", "format", ".2f"),
                    "color", o("condition", o("test", "datum.best < 0.6", "value", "white"),
                        "value", "black")))));
  }

  /** Word problems: the fewest layers reaching 90% sequence accuracy, against length. */
  static Map<String, Object> minLayers(String task, List<MinLayers.Point> points) {
    return o(
        "$schema", SCHEMA,
        "title", o("text", task, "subtitle", "fewest layers with sequence accuracy ≥ 0.9"
            + " (any seed); no point: no depth in the sweep reached it"),
        "width", 380, "height", 200,
        "data", o("values", points.stream().filter(p -> p.task().equals(task)).toList()),
        "mark", o("type", "line", "point", true),
        "encoding", o(
            "x", o("field", "test_length", "type", "quantitative", "title", "sequence length"),
            "y", o("field", "min_layers", "type", "quantitative", "title", "layers",
                "axis", o("tickMinStep", 1), "scale", o("zero", true)),
            "color", o("field", "config", "type", "nominal", "title", "model")));
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
