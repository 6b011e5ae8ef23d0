package ssmlab.nn;

/** Reuse of layer-owned work buffers across steps. */
public final class Buffers {

  private Buffers() {}

  /**
   * Returns {@code buf} if it has exactly {@code n} elements, else a new zeroed array of that size.
   * Contents are not cleared on reuse.
   */
  public static float[] ensure(float[] buf, int n) {
    return buf != null && buf.length == n ? buf : new float[n];
  }

  /**
   * Returns {@code buf} if it has at least {@code n} elements, else a new zeroed array of that
   * size. For work arrays that every user indexes with explicit extents (never {@code length}):
   * when the sequence length changes from step to step (lengths drawn per step), the array of the
   * longest step so far serves all the others instead of a new one each step. Contents, the part
   * past {@code n} included, are not cleared on reuse.
   */
  public static float[] atLeast(float[] buf, int n) {
    return buf != null && buf.length >= n ? buf : new float[n];
  }

  /** Like {@link #ensure(float[], int)} for int arrays. */
  public static int[] ensure(int[] buf, int n) {
    return buf != null && buf.length == n ? buf : new int[n];
  }
}
