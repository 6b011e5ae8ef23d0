package ssmlab.compile.uniform;

/**
 * An operand of a template step, relative to the position t of the step that reads it: how the
 * constant-size part of a Mamba program is stored once and placed at every n and t.
 */
sealed interface Relative {
  /** The input at position t + shift, component {@code component}. */
  record Input(int shift, int component) implements Relative {}

  /** A constant. */
  record Constant(double value) implements Relative {}

  /** Base step {@code offset} of segment g at position t + shift. */
  record At(int segment, int shift, long offset) implements Relative {}

  /** The unrolled scan's sum of state cell {@code cell} in segment g at position t + shift. */
  record ScanSum(int segment, int shift, int cell) implements Relative {}
}
