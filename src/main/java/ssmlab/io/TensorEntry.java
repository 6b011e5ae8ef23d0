package ssmlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor as a safetensors header describes it: name, element type, shape, and its byte range
 * {@code [begin, end)} in the data buffer that follows the header.
 *
 * @param shape dimensions, outermost first (row-major); empty for a scalar. Not modified.
 */
public record TensorEntry(String name, DType dtype, int[] shape, long begin, long end) {

  /** Number of elements: the product of the shape (1 for a scalar). */
  public long numel() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** Little-endian bytes of this tensor (exactly {@code end - begin} of them) as float32 values. */
  float[] toFloats(ByteBuffer bytes) {
    if (!dtype.isReadableAsFloat()) {
      throw new IllegalArgumentException("safetensors: tensor " + name + " has dtype " + dtype
          + "; ssmlab reads only F16, BF16, F32 and F64");
    }
    ByteBuffer b = bytes.order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[Math.toIntExact(numel())];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (dtype) {
        case F32 -> b.getFloat(i * 4);
        case F64 -> (float) b.getDouble(i * 8);
        case F16 -> Float.float16ToFloat(b.getShort(i * 2));
        case BF16 -> Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
        default -> throw new AssertionError(dtype);
      };
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorEntry e && name.equals(e.name) && dtype == e.dtype
        && Arrays.equals(shape, e.shape) && begin == e.begin && end == e.end;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
  }
}
