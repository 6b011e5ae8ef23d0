package ssmlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ssmlab.experiment.Canonical;
import ssmlab.experiment.ResultRow;

/** The report's per-run details: one HTML table row per run, sequence accuracy per length. */
final class RunTable {
  private RunTable() {}

  static String html(List<ResultRow> rows) {
    Map<String, List<ResultRow>> byRun = new LinkedHashMap<>();
    rows.stream()
        .sorted(Comparator.comparing(ResultRow::task).thenComparing(ResultRow::label)
            .thenComparing(r -> r.layers() == null ? 0 : r.layers())
            .thenComparing(r -> r.dModel() == null ? 0 : r.dModel())
            .thenComparingLong(ResultRow::seed).thenComparing(ResultRow::id)
            .thenComparingInt(ResultRow::testLength))
        .forEach(r -> byRun.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r));
    var sb = new StringBuilder("<table class=\"runs\">\n<thead><tr>");
    for (String h : List.of("task", "model", "layers", "d_model", "train", "seed", "steps",
        "train s", "train loss", "sequence accuracy by test length", "options", "run")) {
      sb.append("<th>").append(Html.escape(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<ResultRow> run : byRun.values()) {
      ResultRow r = run.getFirst();
      var accuracy = new StringBuilder();
      for (ResultRow length : run) {
        accuracy.append(accuracy.isEmpty() ? "" : " ").append(length.testLength()).append(':')
            .append(String.format(Locale.ROOT, "%.2f", length.sequenceAccuracy()));
      }
      if (r.diverged() != null) {
        accuracy.insert(0, "diverged at " + r.diverged() + ": ");
      }
      String options = Canonical.json(r.modelOptions())
          + (r.taskOptions().isEmpty() ? "" : " task " + Canonical.json(r.taskOptions()));
      sb.append("<tr>");
      for (String cell : List.of(r.task(), r.label(), str(r.layers()), str(r.dModel()),
          r.trainMin() + "-" + r.trainMax(), Long.toString(r.seed()),
          Integer.toString(r.steps()), String.format(Locale.ROOT, "%.1f", r.trainSeconds()),
          String.format(Locale.ROOT, "%.4g", r.trainLoss()), accuracy.toString(), options,
          r.id())) {
        sb.append("<td>").append(Html.escape(cell)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table>\n").toString();
  }

  private static String str(Integer value) {
    return value == null ? "" : value.toString();
  }
}
