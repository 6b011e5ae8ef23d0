package ssmlab.io;

/** An element type of the safetensors format, with its width in bytes. */
public enum DType {
  BOOL(1), U8(1), I8(1), F8_E5M2(1), F8_E4M3(1),
  I16(2), U16(2), F16(2), BF16(2),
  I32(4), U32(4), F32(4),
  I64(8), U64(8), F64(8);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** Whether {@link TensorEntry#toFloats} can turn this type into float32 values. */
  public boolean isReadableAsFloat() {
    return this == F16 || this == BF16 || this == F32 || this == F64;
  }

  /** The type named {@code name} in a header, or an error naming the tensor. */
  static DType parse(String name, String tensor) {
    for (DType d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "safetensors: tensor " + tensor + " has unknown dtype '" + name + "'");
  }
}
