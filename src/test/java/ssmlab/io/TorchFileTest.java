package ssmlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TorchFileTest {

  @TempDir Path dir;

  static Map<String, FloatTensor> sample() {
    FloatTensor shared = new FloatTensor(new int[] {2, 3},
        new float[] {1, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, -1e-30f});
    Map<String, FloatTensor> m = new LinkedHashMap<>();
    m.put("backbone.embedding.weight", shared);
    m.put("conv", new FloatTensor(new int[] {2, 1, 4}, new float[] {1, 2, 3, 4, 5, 6, 7, 8}));
    m.put("scalar", new FloatTensor(new int[] {}, new float[] {42}));
    m.put("empty", new FloatTensor(new int[] {0, 3}, new float[0]));
    m.put("lm_head.weight", shared);
    return m;
  }

  static void assertBitIdentical(Map<String, FloatTensor> got, Map<String, FloatTensor> want) {
    assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
    for (String k : want.keySet()) {
      assertThat(got.get(k).shape()).as(k).isEqualTo(want.get(k).shape());
      float[] g = got.get(k).data();
      float[] w = want.get(k).data();
      assertThat(g.length).as(k).isEqualTo(w.length);
      for (int i = 0; i < w.length; i++) {
        assertThat(Float.floatToRawIntBits(g[i])).as(k + "[" + i + "]")
            .isEqualTo(Float.floatToRawIntBits(w[i]));
      }
    }
  }

  @Test
  void write_thenRead_isBitIdentical() {
    TorchFile.write(dir.resolve("pytorch_model.bin"), sample());
    assertBitIdentical(TorchFile.read(dir.resolve("pytorch_model.bin")), sample());
  }

  @Test
  void write_sharesTheStorageOfTiedTensors_andAlignsData() {
    List<StoredZip.Entry> entries = TorchFile.encode(sample());
    assertThat(entries).extracting(StoredZip.Entry::name).containsExactly("archive/data.pkl",
        "archive/byteorder", "archive/data/0", "archive/data/1", "archive/data/2",
        "archive/data/3", "archive/version");
    String pickle = new String(entries.get(0).data(), StandardCharsets.ISO_8859_1);
    assertThat(pickle).startsWith("\u0080\u0002ccollections\nOrderedDict\n")
        .contains("ctorch._utils\n_rebuild_tensor_v2\n").contains("ctorch\nFloatStorage\n");
    byte[] zip = zipBytes(entries);
    // each local header: 30 bytes, the name, the "FB" padding field; the data follow at 64k
    ByteBuffer h = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; h.getInt(at) == 0x04034b50; ) {
      int size = h.getInt(at + 18);
      int data = at + 30 + h.getShort(at + 26) + h.getShort(at + 28);
      assertThat(data % 64).isZero();
      at = data + size;
    }
  }

  private static byte[] zipBytes(List<StoredZip.Entry> entries) {
    var out = new ByteArrayOutputStream();
    try {
      StoredZip.write(out, entries);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  @Test
  void read_notAZip_isOneLine() throws Exception {
    Files.writeString(dir.resolve("x.bin"), "not a zip");
    assertThatThrownBy(() -> TorchFile.read(dir.resolve("x.bin")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a zip archive");
  }

  @Test
  void read_missingFile_isOneLine() {
    assertThatThrownBy(() -> TorchFile.read(dir.resolve("nope.bin")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
  }

  @Test
  void read_zipWithoutPickle_isOneLine() throws Exception {
    Files.write(dir.resolve("x.bin"), zipBytes(List.of(new StoredZip.Entry("a/b", new byte[3]))));
    assertThatThrownBy(() -> TorchFile.read(dir.resolve("x.bin")))
        .hasMessageContaining("no <folder>/data.pkl");
  }

  @Test
  void read_truncatedPickle_isOneLine() throws Exception {
    List<StoredZip.Entry> entries = TorchFile.encode(sample());
    byte[] pkl = entries.get(0).data();
    entries = new java.util.ArrayList<>(entries);
    entries.set(0, new StoredZip.Entry("archive/data.pkl",
        java.util.Arrays.copyOf(pkl, pkl.length / 2)));
    Files.write(dir.resolve("x.bin"), zipBytes(entries));
    assertThatThrownBy(() -> TorchFile.read(dir.resolve("x.bin")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pickle");
  }

  @Test
  void read_missingStorage_isOneLine() throws Exception {
    List<StoredZip.Entry> entries = new java.util.ArrayList<>(TorchFile.encode(sample()));
    entries.remove(3);
    Files.write(dir.resolve("x.bin"), zipBytes(entries));
    assertThatThrownBy(() -> TorchFile.read(dir.resolve("x.bin")))
        .hasMessageContaining("storage 1 of conv is missing");
  }

  @Test
  void read_storageOfWrongSize_isOneLine() throws Exception {
    List<StoredZip.Entry> entries = new java.util.ArrayList<>(TorchFile.encode(sample()));
    entries.set(3, new StoredZip.Entry("archive/data/1", new byte[5]));
    Files.write(dir.resolve("x.bin"), zipBytes(entries));
    assertThatThrownBy(() -> TorchFile.read(dir.resolve("x.bin")))
        .hasMessageContaining("storage 1 has 5 bytes");
  }

  @Test
  void read_aPickleOfSomethingElse_isRefused() throws Exception {
    byte[] evil = new PickleWriter().global("os", "system").mark().string("true").tuple()
        .reduce().finish();
    Files.write(dir.resolve("x.bin"), zipBytes(List.of(new StoredZip.Entry("a/data.pkl", evil))));
    assertThatThrownBy(() -> TorchFile.read(dir.resolve("x.bin")))
        .hasMessageContaining("holds a call of os.system, not a state dict");
  }

  @Test
  void pickleReader_readsMemoFramesAndProtocol4Strings() {
    // protocol 4: FRAME, SHORT_BINUNICODE, MEMOIZE, BINGET, EMPTY_DICT, SETITEMS, LONG1, BINFLOAT
    byte[] p = {(byte) 0x80, 4, (byte) 0x95, 30, 0, 0, 0, 0, 0, 0, 0, '}', (byte) 0x94, '(',
        (byte) 0x8c, 1, 'a', (byte) 0x94, (byte) 0x8a, 2, (byte) 0xff, (byte) 0xff, 'h', 1,
        'G', 0x3f, (byte) 0xf0, 0, 0, 0, 0, 0, 0, 'u', '.'};
    Object o = PickleReader.read(p, "test");
    assertThat(o).isEqualTo(Map.of("a", 1.0));
  }
}
