package ssmlab.circuit;

import static ssmlab.circuit.GateType.K_AND;
import static ssmlab.circuit.GateType.K_CONST0;
import static ssmlab.circuit.GateType.K_CONST1;
import static ssmlab.circuit.GateType.K_MAJ;
import static ssmlab.circuit.GateType.K_OR;
import static ssmlab.circuit.GateType.K_TH;
import static ssmlab.circuit.GateType.K_TH_UNIT;

/**
 * The gates whose value no input can change, found for {@link BitParallelEvaluator}, whose
 * kernels assume a gate has an input to start from and a threshold its counter can reach: an AND
 * of no inputs (true), an OR of no inputs (false), and a threshold gate [Σ w_i x_i ≥ t] with
 * effective threshold t' ≤ 0 (true) or t' > Σ|w_i| (false). A simplifying builder folds all of
 * them; a verbatim builder keeps them as written.
 *
 * <p>t' = t + Σ_{w_i<0} |w_i| is the threshold once every negative weight is moved onto ¬x_i
 * ({@code w·x = |w|·¬x − |w|}): the gate is [Σ |w_i| x'_i ≥ t'], a sum that ranges over
 * [0, Σ|w_i|].
 */
final class ConstantGates {
  private ConstantGates() {}

  /** t' of a threshold or MAJ gate (class Javadoc). */
  static long effectiveThreshold(Circuit c, int g) {
    long t = c.threshold(g);
    for (int i = 0; i < c.fanIn(g); i++) {
      t -= Math.min(c.weight(g, i), 0);
    }
    return t;
  }

  /**
   * Each gate's kind as the evaluator runs it: {@code K_CONST0} or {@code K_CONST1} for a
   * constant gate, its own kind otherwise. The circuit's own kind array when no gate is constant
   * (every simplified circuit). Not modified.
   */
  static byte[] evaluationKinds(Circuit c) {
    byte[] kinds = c.kind;
    for (int g = 0; g < kinds.length; g++) {
      byte kd = kindOf(c, g);
      if (kd != kinds[g]) {
        if (kinds == c.kind) {
          kinds = c.kind.clone();
        }
        kinds[g] = kd;
      }
    }
    return kinds;
  }

  private static byte kindOf(Circuit c, int g) {
    int k = c.fanIn(g);
    return switch (c.kind[g]) {
      case K_AND -> k == 0 ? K_CONST1 : K_AND;
      case K_OR -> k == 0 ? K_CONST0 : K_OR;
      case K_MAJ, K_TH_UNIT, K_TH -> {
        long total = 0;
        for (int i = 0; i < k; i++) {
          total += Math.abs(c.weight(g, i));
        }
        long t = effectiveThreshold(c, g);
        yield t <= 0 ? K_CONST1 : t > total ? K_CONST0 : c.kind[g];
      }
      default -> c.kind[g];
    };
  }
}
