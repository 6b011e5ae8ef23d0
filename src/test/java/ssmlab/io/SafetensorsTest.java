package ssmlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SafetensorsTest {

  @TempDir Path dir;

  /** A file built by hand: 8-byte little-endian length, the header text, then the data bytes. */
  private Path file(String header, byte... data) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(json.length).put(json).put(data);
    return raw(b.array());
  }

  private Path raw(byte[] bytes) throws IOException {
    Path p = Files.createTempFile(dir, "t", ".safetensors");
    Files.write(p, bytes);
    return p;
  }

  private static byte[] le(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  @Test
  void read_handBuiltF32_givesValuesAndShape() throws IOException {
    Path p = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]}}",
        le(1.5f, -2f));
    Map<String, FloatTensor> t = Safetensors.read(p);
    assertThat(t.get("w").shape()).containsExactly(2, 1);
    assertThat(t.get("w").data()).containsExactly(1.5f, -2f);
  }

  @Test
  void read_halfBfloatAndDouble_convertToFloat() throws IOException {
    // F16 0x3C00 = 1.0, 0xC000 = -2.0; BF16 0x3FC0 = 1.5; F64 0.25 = 0x3FD0000000000000
    byte[] data = {
      0x00, 0x3C, 0x00, (byte) 0xC0,
      (byte) 0xC0, 0x3F,
      0, 0, 0, 0, 0, 0, (byte) 0xD0, 0x3F};
    Path p = file("{\"__metadata__\":{\"format\":\"pt\"},"
        + "\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[],\"data_offsets\":[4,6]},"
        + "\"c\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[6,14]}}  ", data);
    Map<String, FloatTensor> t = Safetensors.read(p);
    assertThat(t.get("a").data()).containsExactly(1f, -2f);
    assertThat(t.get("b").data()).containsExactly(1.5f);
    assertThat(t.get("b").shape()).isEmpty();
    assertThat(t.get("c").data()).containsExactly(0.25f);
    assertThat(Safetensors.readHeader(p).metadata()).containsEntry("format", "pt");
  }

  @Test
  void write_thenRead_roundTripsAndPadsHeaderToEight() throws IOException {
    Map<String, FloatTensor> in = new LinkedHashMap<>();
    in.put("z.bias", new FloatTensor(new int[] {3}, new float[] {1, 2, 3}));
    in.put("a.weight", new FloatTensor(new int[] {2, 2}, new float[] {-1, 0.5f, 7, 1e-30f}));
    Path p = dir.resolve("sub/m.safetensors");
    Safetensors.write(p, Map.of("step", "3"), in);
    byte[] bytes = Files.readAllBytes(p);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(n % 8).isZero();
    assertThat(Safetensors.read(p)).isEqualTo(in);
    assertThat(Safetensors.readHeader(p).tensors().get(0).name()).isEqualTo("a.weight");
    assertThat(Safetensors.readHeader(p).metadata()).containsEntry("step", "3");
    try (var files = Files.list(p.getParent())) {
      assertThat(files).containsExactly(p); // no temporary file left behind
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON        | {"w":                                                             | not valid JSON
      array header    | []                                                                | not a JSON object
      unknown dtype   | {"w":{"dtype":"F31","shape":[1],"data_offsets":[0,4]}}            | unknown dtype 'F31'
      negative dim    | {"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}           | bad dimension
      size mismatch   | {"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}            | need 8
      end < begin     | {"w":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}            | end < begin
      past the end    | {"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}            | past the data buffer
      one offset      | {"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}}              | needs data_offsets
      float offset    | {"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4.0]}}          | needs data_offsets
      absurd shape    | {"w":{"dtype":"F64","shape":[2147483647,2147483647,2147483647],"data_offsets":[0,4]}} | absurd size
      extra field     | {"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}}      | unknown field 'x'
      duplicate key   | {"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}} | not valid JSON
      gap             | {"w":{"dtype":"F16","shape":[1],"data_offsets":[2,4]}}            | belong to no tensor
      short cover     | {"w":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}            | cover 2
      overlap         | {"w":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"v":{"dtype":"F16","shape":[1],"data_offsets":[2,4]}} | overlap
      bad metadata    | {"__metadata__":{"a":1},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}} | not a string
      """)
  void read_malformedHeader_isOneLineError(String label, String header, String message)
      throws IOException {
    Path p = file(header, le(0f));
    assertThatThrownBy(() -> Safetensors.read(p))
        .as(label)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("safetensors: ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void read_headerLengthLargerThanFile_isRejectedBeforeAllocating() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(50_000_000).put("{}      ".getBytes(StandardCharsets.US_ASCII));
    Path p = raw(b.array());
    assertThatThrownBy(() -> Safetensors.read(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the file (16 bytes)");
  }

  @Test
  void read_absurdOrNegativeHeaderLength_isRejected() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(-1L);
    Path p = raw(b.array());
    assertThatThrownBy(() -> Safetensors.read(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("18446744073709551615 is absurd");
  }

  @Test
  void read_fileShorterThanEightBytes_isRejected() throws IOException {
    Path p = raw(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> Safetensors.read(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void read_missingFile_isOneLineError() {
    assertThatThrownBy(() -> Safetensors.read(dir.resolve("none.safetensors")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no such file");
  }

  @Test
  void read_integerDtype_isRejectedWhenConvertingToFloat() throws IOException {
    Path p = file("{\"w\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[0,4]}}", le(0f));
    assertThatThrownBy(() -> Safetensors.read(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dtype I32");
  }

  @Test
  void readExpecting_missingExtraOrMisshapenTensors_areNamed() throws IOException {
    Path p = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
        + "\"v\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", le(1f, 2f));
    assertThatThrownBy(() -> Safetensors.read(p, Map.of("w", new int[] {1}, "u", new int[] {1}),
        Set.of("v"))).hasMessageContaining("lacks 1 tensor(s)").hasMessageContaining("u");
    assertThatThrownBy(() -> Safetensors.read(p, Map.of("w", new int[] {1}), Set.of()))
        .hasMessageContaining("tensor v that the model does not expect");
    assertThatThrownBy(() -> Safetensors.read(p, Map.of("w", new int[] {1, 1}), Set.of("v")))
        .hasMessageContaining("shape [1] but the model expects [1, 1]");
    assertThat(Safetensors.read(p, Map.of("w", new int[] {1}), Set.of("v", "lm_head.weight")))
        .containsKeys("w", "v");
  }
}
