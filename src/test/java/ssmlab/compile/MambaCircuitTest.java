package ssmlab.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

final class MambaCircuitTest {

  static MambaWeights tiny(String eigenvalues, int dConv, int layers) {
    var config = new ModelConfig("mamba", 3, 2, layers, Map.of("d_state", "2",
        "d_conv", "" + dConv, "eigenvalues", eigenvalues));
    return MambaWeights.of(Models.create(config, 5));
  }

  @ParameterizedTest(name = "{0}, n={1}, eigenvalues {2}")
  @CsvSource({"sequential, 3, '0,1', 2, 1", "unrolled, 3, '0,1', 2, 1",
      "unrolled, 4, '-1,1', 1, 1", "sequential, 2, '-1,1', 2, 2", "unrolled, 2, '0,1', 1, 2"})
  void circuit_agreesBitForBitWithTheFpInterpreter(String form, int n, String ev, int dConv,
      int layers) {
    MambaCircuit c = MambaCircuit.compile(tiny(ev, dConv, layers), FloatFormat.of(4, 4),
        ScanForm.parse(form), n);
    assertThat(c.verify(40, n)).isEqualTo(40);
  }

  @Test
  @Tag("slow")
  void paperFunctions_circuitAgreesBitForBitWithThePaperInterpreter() {
    MambaCircuit c = MambaCircuit.compile(tiny("0,1", 2, 1), FloatFormat.of(3, 3),
        ScanForm.SEQUENTIAL, 2, false, Functions.PAPER);
    assertThat(c.functions()).isEqualTo(Functions.PAPER);
    assertThat(c.verify(16, 2)).isEqualTo(16);
  }

  /**
   * With token tables the first block's values up to the scan come from tables the F_p
   * interpreter fills: the circuit still computes what the interpreter computes (which builds
   * them), and is smaller.
   */
  @ParameterizedTest(name = "{0}, n={1}, eigenvalues {2}, d_conv {3}, layers {4}, {5}")
  @CsvSource({"unrolled, 3, '0,1', 2, 1, table", "sequential, 4, '-1,1', 2, 2, table",
      "unrolled, 2, '0,1', 1, 2, table", "unrolled, 4, '0,1', 3, 1, table",
      "unrolled, 3, '0,1', 2, 1, paper"})
  void tokenTables_agreeBitForBitWithTheFpInterpreter_andAreSmaller(String form, int n,
      String ev, int dConv, int layers, String functions) {
    MambaWeights w = tiny(ev, dConv, layers);
    FloatFormat f = FloatFormat.of(3, 3);
    Functions fn = Functions.parse(functions);
    MambaCircuit c = MambaCircuit.compile(w, f, ScanForm.parse(form), n, true, fn, true);
    assertThat(c.tokenTables()).isTrue();
    assertThat(c.verify(40, n)).isEqualTo(40);
    if (fn == Functions.TABLE) {
      long plain = MambaCircuit.compile(w, f, ScanForm.parse(form), n, true, fn).circuit()
          .stats().wires();
      assertThat(c.circuit().stats().wires()).isLessThan(plain);
    }
  }

  @Test
  void tokenTables_overTwoToTheSixteenRows_areRefused() {
    // 2 bits a token (vocabulary 3) and d_conv 9: windows of 18 bits
    MambaWeights w = tiny("0,1", 9, 1);
    assertThatThrownBy(() -> MambaCircuit.compile(w, FloatFormat.of(3, 3), ScanForm.UNROLLED, 9,
        false, Functions.TABLE, true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2^18 rows");
  }

  @Test
  void tokenTables_levelledUnrolledDepth_isOneNumber() {
    MambaWeights w = tiny("0,1", 2, 1);
    FloatFormat f = FloatFormat.of(4, 4);
    int[] depth = new int[4];
    for (int i = 0; i < 4; i++) {
      depth[i] = MambaCircuit.compile(w, f, ScanForm.UNROLLED, 3 + i, true, Functions.TABLE,
          true).circuit().depth();
    }
    assertThat(depth).containsOnly(depth[0]);
  }

  @ParameterizedTest(name = "eigenvalues {0}")
  @CsvSource({"'0,1'", "'-1,1'"})
  void unrolledDepth_isTheSameAtEveryLength_sequentialGrows(String ev) {
    // From n = 6 on every iterated sum and product takes its general (constant-depth) form.
    MambaWeights w = tiny(ev, 2, 1);
    FloatFormat f = FloatFormat.of(4, 4);
    int[] unrolled = new int[3];
    int[] sequential = new int[3];
    for (int i = 0; i < 3; i++) {
      int n = 6 + 2 * i;
      unrolled[i] = MambaCircuit.compile(w, f, ScanForm.UNROLLED, n).circuit().depth();
      sequential[i] = MambaCircuit.compile(w, f, ScanForm.SEQUENTIAL, n).circuit().depth();
    }
    assertThat(unrolled[1]).isEqualTo(unrolled[0]);
    assertThat(unrolled[2]).isEqualTo(unrolled[0]);
    assertThat(sequential[1]).isGreaterThan(sequential[0]);
    assertThat(sequential[2]).isGreaterThan(sequential[1]);
  }

  /**
   * Levelled, the unrolled depth is one number from n = 3 on. At n = 2 it can be one level less
   * (the first configuration): the latest input of the scan, deltaBu at the last position, then
   * enters only its own one-factor product, whose rounding of an exact p-bit number is four
   * levels shallower than that of a product of several factors.
   */
  @ParameterizedTest(name = "eigenvalues {0}, d_conv {1}, layers {2}")
  @CsvSource({"'0,1', 2, 1, 3", "'-1,1', 1, 2, 2"})
  void levelledUnrolledDepth_isOneNumber_andAgrees(String ev, int dConv, int layers, int from) {
    MambaWeights w = tiny(ev, dConv, layers);
    FloatFormat f = FloatFormat.of(4, 4);
    int[] depth = new int[4];
    for (int i = 0; i < 4; i++) {
      int n = from + i;
      MambaCircuit c = MambaCircuit.compile(w, f, ScanForm.UNROLLED, n, true);
      depth[i] = c.circuit().depth();
      assertThat(c.verify(16, n)).as("n = %d", n).isEqualTo(16);
    }
    assertThat(depth).as("levelled depths at n = %d..%d", from, from + 3).containsOnly(depth[0]);
    int plain = MambaCircuit.compile(w, f, ScanForm.UNROLLED, from).circuit().depth();
    assertThat(plain).as("local simplification shortens the small instance").isLessThan(depth[0]);
  }
}
