package ssmlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * For word problems (Merrill et al.'s depth-against-length plot): at each test length, the fewest
 * layers with which some seed of a model configuration reaches a sequence accuracy of at least
 * {@link #THRESHOLD}.
 */
final class MinLayers {
  static final double THRESHOLD = 0.9;

  /** A point of the chart: configuration {@code config} of {@code task} needs {@code layers}. */
  record Point(String task, String config, @JsonProperty("test_length") int testLength,
      @JsonProperty("min_layers") int minLayers) {}

  private MinLayers() {}

  /** Word problems are the tasks whose name contains {@code word} (e.g. {@code word-s5}). */
  static boolean isWordProblem(String task) {
    return task.toLowerCase(Locale.ROOT).contains("word");
  }

  /** The points, sorted by task, configuration and length; none where no depth reached it. */
  static List<Point> of(List<ChartRow> rows) {
    Map<String, Map<String, Map<Integer, Integer>>> best = new TreeMap<>();
    for (ChartRow r : rows) {
      if (!isWordProblem(r.task()) || r.layers() == null || r.sequenceAccuracy() < THRESHOLD) {
        continue;
      }
      best.computeIfAbsent(r.task(), t -> new TreeMap<>())
          .computeIfAbsent(r.config(), c -> new TreeMap<>())
          .merge(r.testLength(), r.layers(), Math::min);
    }
    List<Point> points = new ArrayList<>();
    best.forEach((task, configs) -> configs.forEach((config, lengths) -> lengths.forEach(
        (length, layers) -> points.add(new Point(task, config, length, layers)))));
    return points;
  }

  /** The word-problem tasks among {@code rows}, sorted. */
  static List<String> wordTasks(List<ChartRow> rows) {
    return rows.stream().map(ChartRow::task).filter(MinLayers::isWordProblem).distinct().sorted()
        .toList();
  }
}
