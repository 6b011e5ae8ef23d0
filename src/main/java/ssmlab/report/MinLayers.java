package ssmlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * For word problems (Merrill et al.'s depth-against-length plot): at each test length, the fewest
 * layers with which some seed of a model configuration reaches a sequence accuracy of at least
 * {@link #THRESHOLD}.
 */
final class MinLayers {
  static final double THRESHOLD = 0.9;
  /** What the report says instead of an empty chart. */
  static final String NONE = "no configuration reaches 90% sequence accuracy at any length"
      + " (with any depth or seed in the sweep)";

  /**
   * A point of the chart: configuration {@code config} of {@code task} needs {@code minLayers};
   * {@code shown} is where it is drawn, moved by a tenth of a layer or less so equal lines of
   * several configurations stay visible.
   */
  record Point(String task, String config, @JsonProperty("test_length") int testLength,
      @JsonProperty("min_layers") int minLayers, double shown) {
    Point(String task, String config, int testLength, int minLayers) {
      this(task, config, testLength, minLayers, minLayers);
    }
  }

  private MinLayers() {}

  /**
   * Group names as the task registry spells them ({@code s5}, {@code a5}, {@code z60}, products
   * {@code a4xz5}), {@code perm}, {@code group}, with an optional {@code -suffix} or
   * {@code (options)}, or any name containing {@code word}.
   */
  private static final Pattern WORD_PROBLEM = Pattern.compile(
      "(([saz]\\d+(x[saz]\\d+)*|perm|group)(-.*|\\(.*\\))?|.*word.*)");

  /** Whether {@code task} is a word problem (the tasks of Merrill et al.'s depth plot). */
  static boolean isWordProblem(String task) {
    return WORD_PROBLEM.matcher(task.toLowerCase(Locale.ROOT)).matches();
  }

  /** The word problems' points, sorted by task, configuration and length. */
  static List<Point> of(List<ChartRow> rows) {
    return of(rows, THRESHOLD, MinLayers::isWordProblem);
  }

  /**
   * The points of the {@code tasks} reaching sequence accuracy {@code threshold}, sorted by task,
   * configuration and length; none where no depth reached it.
   */
  static List<Point> of(List<ChartRow> rows, double threshold, Predicate<String> tasks) {
    Map<String, Map<String, Map<Integer, Integer>>> best = new TreeMap<>();
    for (ChartRow r : rows) {
      if (!tasks.test(r.task()) || r.layers() == null || r.sequenceAccuracy() < threshold) {
        continue;
      }
      best.computeIfAbsent(r.task(), t -> new TreeMap<>())
          .computeIfAbsent(r.config(), c -> new TreeMap<>())
          .merge(r.testLength(), r.layers(), Math::min);
    }
    List<Point> points = new ArrayList<>();
    best.forEach((task, configs) -> {
      List<String> names = List.copyOf(configs.keySet());
      configs.forEach((config, lengths) -> {
        double offset = names.size() < 2 ? 0
            : 0.2 * names.indexOf(config) / (names.size() - 1) - 0.1;
        lengths.forEach((length, layers) ->
            points.add(new Point(task, config, length, layers, layers + offset)));
      });
    });
    return points;
  }

  /** The word-problem tasks among {@code rows}, sorted. */
  static List<String> wordTasks(List<ChartRow> rows) {
    return rows.stream().map(ChartRow::task).filter(MinLayers::isWordProblem).distinct().sorted()
        .toList();
  }
}
