package ssmlab.model.mamba.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FloatPArray;
import ssmlab.fp.Functions;
import ssmlab.model.SequenceModel;

/**
 * The bulk F_p forward against the reference forward over {@code Arithmetic<FloatP>} (kept as
 * the definition): every logit bit for bit, on random models and tokens, at several p.
 */
final class MambaFloatPTest {

  @ParameterizedTest(name = "p={0} q={1}, {2} layers, eigenvalues {3}, {4}, d_conv {5}, {6}, seed {7}")
  @CsvSource({
      "4, 4, 2, '0,1', mamba, 4, table, 1",
      "4, 8, 1, '-1,1', zoh, 2, table, 2",
      "8, 8, 2, '0,1', mamba, 4, table, 3",
      "8, 8, 2, '-1,1', mamba, 4, paper, 4",
      "8, 5, 1, '0,1', zoh, 3, table, 5",
      "12, 12, 2, '-1,1', zoh, 4, table, 6",
      "12, 8, 1, '0,1', mamba, 1, paper, 7",
      "16, 16, 2, '0,1', mamba, 4, table, 8",
      "16, 10, 1, '-1,1', zoh, 4, table, 9",
      "24, 8, 1, '0,1', mamba, 4, table, 10",
      "53, 11, 1, '-1,1', mamba, 4, table, 11"})
  void bulkForward_equalsTheReference_bitForBit(int p, int q, int layers, String ev, String disc,
      int dConv, String functions, long seed) {
    SequenceModel m = MambaReferenceTest.model(12, layers, ev, dConv, disc, seed);
    var w = MambaWeights.of(m);
    var ar = new FloatPArithmetic(FloatFormat.of(p, q), Functions.parse(functions));
    var reference = new MambaReference<>(ar, w, ScanForm.SEQUENTIAL);
    var bulk = new MambaFloatP(ar, w);
    for (int length : new int[] {1, 9}) {
      int[] tokens = MambaReferenceTest.tokens(length, 7, seed * 10 + length);
      List<List<FloatP>> want = reference.logits(tokens);
      FloatPArray got = bulk.logits(tokens);
      int vocab = want.getFirst().size();
      assertThat(got.length()).isEqualTo(length * vocab);
      for (int t = 0; t < length; t++) {
        for (int v = 0; v < vocab; v++) {
          assertThat(got.get(t * vocab + v)).as("seed=%d p=%d length %d position %d logit %d",
              seed, p, length, t, v).isEqualTo(want.get(t).get(v));
        }
      }
    }
  }
}
