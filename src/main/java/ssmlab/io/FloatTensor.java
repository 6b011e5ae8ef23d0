package ssmlab.io;

import java.util.Arrays;

/**
 * A float32 tensor as stored in a checkpoint file: its shape and its values in row-major order.
 *
 * @param shape dimensions, outermost first; empty for a scalar
 * @param data {@code prod(shape)} values, row-major
 */
public record FloatTensor(int[] shape, float[] data) {

  public FloatTensor {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
          + " values, got " + data.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatTensor t && Arrays.equals(shape, t.shape)
        && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "FloatTensor" + Arrays.toString(shape);
  }
}
