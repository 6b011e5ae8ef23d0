package ssmlab.circuit;

/** The kinds of gate a circuit holds. */
public enum GateType {
  CONST0,
  CONST1,
  INPUT,
  NOT,
  AND,
  OR,
  /** [Σ x_i ≥ ⌈k/2⌉] over k inputs (duplicates and constants allowed after MAJ lowering). */
  MAJ,
  /** [Σ w_i x_i ≥ t] with integer weights and threshold. */
  THRESHOLD;

  /** The internal storage codes, one byte per gate (two codes store THRESHOLD). */
  static final byte K_CONST0 = 0;
  static final byte K_CONST1 = 1;
  static final byte K_INPUT = 2;
  static final byte K_NOT = 3;
  static final byte K_AND = 4;
  static final byte K_OR = 5;
  static final byte K_MAJ = 6;
  /** A threshold gate whose weights are all 1: stored without its weights. */
  static final byte K_TH_UNIT = 7;
  /** A threshold gate with explicit weights, stored after its inputs in the edge array. */
  static final byte K_TH = 8;

  static GateType of(byte kind) {
    return switch (kind) {
      case K_CONST0 -> CONST0;
      case K_CONST1 -> CONST1;
      case K_INPUT -> INPUT;
      case K_NOT -> NOT;
      case K_AND -> AND;
      case K_OR -> OR;
      case K_MAJ -> MAJ;
      case K_TH_UNIT, K_TH -> THRESHOLD;
      default -> throw new IllegalStateException("gate kind " + kind);
    };
  }
}
