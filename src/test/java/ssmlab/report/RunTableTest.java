package ssmlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssmlab.experiment.ResultRow;

final class RunTableTest {

  @Test
  void html_aRowPerRun_withItsAccuracyByLength_andWhereADivergedRunDiverged() {
    List<ResultRow> rows = List.of(row("aaaaaaaaaaaaaaaa", 8, 1.0, null),
        row("aaaaaaaaaaaaaaaa", 16, 0.5, null),
        row("bbbbbbbbbbbbbbbb", 8, 0, "step 7: the loss is NaN"),
        row("bbbbbbbbbbbbbbbb", 16, 0, "step 7: the loss is NaN"));
    List<String> lines = RunTable.html(rows).lines().filter(l -> l.startsWith("<tr><td>"))
        .toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("<td>8:1.00 16:0.50</td>");
    assertThat(lines.get(1))
        .contains("<td>diverged at step 7: the loss is NaN: 8:0.00 16:0.00</td>");
  }

  private static ResultRow row(String id, int length, double accuracy, String diverged) {
    return new ResultRow(id, "s", "h", "s5", Map.of(), "ids4", "ids4", Map.of(), 1, 32, 2, 16,
        length, 10, 4, 1e-3, Map.of(), 1, accuracy, accuracy, 0.1, 1, 0.2, "c", "25", true, 1,
        null, null, diverged);
  }
}
