package ssmlab.compile.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

final class MambaProgramTest {

  static MambaWeights model(int dModel, int layers, String eigenvalues, int dConv, String disc,
      int dState) {
    var config = new ModelConfig("mamba", 3, dModel, layers, Map.of("d_state", "" + dState,
        "d_conv", "" + dConv, "eigenvalues", eigenvalues, "discretization", disc));
    return MambaWeights.of(Models.create(config, 7));
  }

  @ParameterizedTest(name = "{0}, eigenvalues {1}, d_conv {2}, {3}, layers {4}")
  @CsvSource({"unrolled, '0,1', 2, mamba, 1", "unrolled, '-1,1', 4, zoh, 2",
      "sequential, '0,1', 1, mamba, 1", "sequential, '-1,1', 3, zoh, 2",
      "unrolled, '0,1', 1, zoh, 1", "sequential, '0,1', 2, mamba, 3"})
  void everyStep_isTheReferenceForwardsStep(String form, String ev, int dConv, String disc,
      int layers) {
    MambaWeights w = model(2, layers, ev, dConv, disc, 2);
    ScanForm f = ScanForm.parse(form);
    MambaProgram p = MambaProgram.of(w, f);
    for (int n = 1; n <= 9; n++) {
      List<ProgramStep> recorded = MambaProgram.record(w, f, n);
      assertThat(p.size(n)).as("size at n = %d", n).isEqualTo(recorded.size());
      List<ProgramStep> queried = p.steps(n);
      for (int k = 0; k < recorded.size(); k++) {
        assertThat(queried.get(k)).as("step %d at n = %d", k, n).isEqualTo(recorded.get(k));
      }
    }
  }

  @Test
  void unrolledScan_growsQuadraticallyAndSequentialLinearly() {
    MambaWeights w = model(2, 1, "0,1", 2, "mamba", 3);
    MambaProgram unrolled = MambaProgram.of(w, ScanForm.UNROLLED);
    MambaProgram sequential = MambaProgram.of(w, ScanForm.SEQUENTIAL);
    int cells = unrolled.cells();
    // second differences: the unrolled scan adds cells products per (n, t) pair, so
    // size(n+1) - 2 size(n) + size(n-1) = cells exactly, the sequential form 0
    for (long n = 4; n < 1 << 20; n *= 4) {
      long second = unrolled.size(n + 1) - 2 * unrolled.size(n) + unrolled.size(n - 1);
      assertThat(second).isEqualTo(cells);
      assertThat(sequential.size(n + 1) - 2 * sequential.size(n) + sequential.size(n - 1))
          .isZero();
    }
  }

  @Test
  void queriesAtAMillionPositions_readTheRightProducts() {
    MambaWeights w = model(2, 1, "0,1", 2, "mamba", 2);
    MambaProgram p = MambaProgram.of(w, ScanForm.UNROLLED);
    long n = 1 << 20;
    long last = p.size(n) - 1;
    assertThat(p.call(n, last)).isEqualTo(Call.SUM); // the head's last logit
    // find the scan sum of cell 0 at the last position, by its arity n, among the last steps
    long k = last;
    while (!(p.call(n, k) == Call.SUM && p.arity(n, k) == n)) {
      k--;
    }
    // its operands are the n products of that cell, the first with n factors
    Operand.Step firstProduct = (Operand.Step) p.operand(n, k, 0);
    assertThat(p.call(n, firstProduct.index())).isEqualTo(Call.PRODUCT);
    assertThat(p.arity(n, firstProduct.index())).isEqualTo(n);
    Operand.Step lastProduct = (Operand.Step) p.operand(n, k, n - 1);
    assertThat(lastProduct.index()).isEqualTo(firstProduct.index() + n - 1);
    assertThat(p.arity(n, lastProduct.index())).isEqualTo(1);
    // the factors of the first product are deltaA at positions 1 .. n-1: one step apart by
    // the generic position size, all the same call
    Operand.Step a1 = (Operand.Step) p.operand(n, firstProduct.index(), 1);
    Operand.Step a2 = (Operand.Step) p.operand(n, firstProduct.index(), 2);
    Operand.Step a3 = (Operand.Step) p.operand(n, firstProduct.index(), 3);
    assertThat(a3.index() - a2.index()).isEqualTo(a2.index() - a1.index()).isPositive();
    assertThat(p.call(n, a2.index())).isEqualTo(Call.EXP);
  }

  @Test
  void badQueries_areRefusedInOneLine() {
    MambaProgram p = MambaProgram.of(model(2, 1, "0,1", 2, "mamba", 2), ScanForm.UNROLLED);
    assertThatThrownBy(() -> p.call(4, p.size(4))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the program");
    assertThatThrownBy(() -> p.call(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.operand(4, 0, 99)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operands");
  }
}
