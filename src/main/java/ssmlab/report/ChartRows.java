package ssmlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import ssmlab.experiment.ResultRow;

/**
 * Names the lines of the charts: a model label, plus the grid axes other than layers (width,
 * train range) that vary within a task; layers get a panel each.
 */
final class ChartRows {
  private ChartRows() {}

  static List<ChartRow> of(List<ResultRow> rows) {
    Map<String, List<ResultRow>> byTask = new LinkedHashMap<>();
    rows.forEach(r -> byTask.computeIfAbsent(r.task(), t -> new ArrayList<>()).add(r));
    List<ChartRow> out = new ArrayList<>();
    for (List<ResultRow> task : byTask.values()) {
      boolean widths = varies(task, ResultRow::dModel);
      boolean trains = varies(task, r -> r.trainMin() + "-" + r.trainMax());
      for (ResultRow r : task) {
        String config = r.label() + (widths ? " d" + r.dModel() : "")
            + (trains ? " train " + r.trainMin() + "-" + r.trainMax() : "");
        out.add(new ChartRow(r.task(), r.label(), config, r.layers(), r.trainMin(), r.trainMax(),
            r.testLength(), r.seed(), r.tokenAccuracy(), r.sequenceAccuracy(), r.loss()));
      }
    }
    return out;
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
