package ssmlab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import ssmlab.experiment.ResultRow;

/**
 * Names the charts and their lines. A chart per task, named {@code task(option=value,...)} when
 * the sweep runs the task with several option sets; a line per model label, plus the grid axes
 * other than layers (width, train range) that vary within the task; layers get a panel each.
 */
final class ChartRows {
  private ChartRows() {}

  static List<ChartRow> of(List<ResultRow> rows) {
    Map<String, Set<Map<String, Object>>> optionSets = new HashMap<>();
    rows.forEach(r -> optionSets.computeIfAbsent(r.task(), t -> new HashSet<>())
        .add(r.taskOptions()));
    Map<String, List<ResultRow>> byTask = new LinkedHashMap<>();
    rows.forEach(r -> byTask.computeIfAbsent(
        optionSets.get(r.task()).size() > 1 ? withOptions(r) : r.task(),
        t -> new ArrayList<>()).add(r));
    List<ChartRow> out = new ArrayList<>();
    for (Map.Entry<String, List<ResultRow>> entry : byTask.entrySet()) {
      List<ResultRow> task = entry.getValue();
      boolean widths = varies(task, ResultRow::dModel);
      boolean trains = varies(task, r -> r.trainMin() + "-" + r.trainMax());
      for (ResultRow r : task) {
        String config = r.label() + (widths ? " d" + r.dModel() : "")
            + (trains ? " train " + r.trainMin() + "-" + r.trainMax() : "");
        out.add(new ChartRow(entry.getKey(), r.label(), config, r.layers(), r.trainMin(),
            r.trainMax(), r.testLength(), r.seed(), r.tokenAccuracy(), r.sequenceAccuracy(),
            r.loss(), r.diverged() != null));
      }
    }
    return out;
  }

  private static String withOptions(ResultRow r) {
    return r.task() + r.taskOptions().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",", "(", ")"));
  }

  /**
   * The rows the heatmap averages: per task, those tested beyond the longest train length, or,
   * for a task tested only within its training range, all of its rows.
   */
  static List<ChartRow> heatmapRows(List<ChartRow> rows) {
    Set<String> extrapolated = new HashSet<>();
    rows.stream().filter(r -> r.testLength() > r.trainMax())
        .forEach(r -> extrapolated.add(r.task()));
    return rows.stream()
        .filter(r -> !extrapolated.contains(r.task()) || r.testLength() > r.trainMax())
        .toList();
  }

  /** The distinct layer counts of {@code task}'s rows, sorted; empty when none is given. */
  static List<Integer> layers(List<ChartRow> rows, String task) {
    return rows.stream().filter(r -> r.task().equals(task)).map(ChartRow::layers)
        .filter(Objects::nonNull).distinct().sorted().toList();
  }

  private static boolean varies(List<ResultRow> rows, Function<ResultRow, Object> axis) {
    return rows.stream().map(axis).filter(Objects::nonNull).distinct().count() > 1;
  }
}
