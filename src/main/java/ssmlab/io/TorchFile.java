package ssmlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads and writes a state dict in the file format of {@code torch.save} (PyTorch 1.6 and later),
 * e.g. {@code pytorch_model.bin}: a zip archive of stored entries under one folder,
 * <ul>
 *   <li>{@code archive/data.pkl}: a pickle (protocol 2) of an {@code OrderedDict} from names to
 *       {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False,
 *       OrderedDict())}, where each storage is a persistent id
 *       {@code ('storage', torch.FloatStorage, key, 'cpu', numel)};
 *   <li>{@code archive/byteorder}: {@code little};
 *   <li>{@code archive/data/KEY}: the raw little-endian bytes of each storage;
 *   <li>{@code archive/version}: {@code 3}.
 * </ul>
 * Writing gives float32 tensors, contiguous; a tensor that appears under two names (the same
 * {@link FloatTensor} object, as a tied head) is one storage, as PyTorch saves tied weights.
 * Reading takes what that and {@code torch.save} of a dict of float32, float64, float16 or
 * bfloat16 tensors produce (any strides and offsets, shared storages); the legacy pre-1.6 format,
 * other objects and malformed files are one-line errors.
 */
public final class TorchFile {

  private static final String ROOT = "archive/";
  private static final Map<String, DType> STORAGES = Map.of("FloatStorage", DType.F32,
      "DoubleStorage", DType.F64, "HalfStorage", DType.F16, "BFloat16Storage", DType.BF16);

  private TorchFile() {}

  /** Writes {@code tensors} (in their order) to {@code file}, atomically. */
  public static void write(Path file, Map<String, FloatTensor> tensors) {
    List<StoredZip.Entry> entries = encode(tensors);
    AtomicFile.write(file, out -> StoredZip.write(out, entries));
  }

  static List<StoredZip.Entry> encode(Map<String, FloatTensor> tensors) {
    Map<FloatTensor, String> keys = new IdentityHashMap<>();
    List<FloatTensor> storages = new ArrayList<>();
    PickleWriter p = new PickleWriter().global("collections", "OrderedDict").emptyTuple()
        .reduce().mark();
    for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
      FloatTensor t = e.getValue();
      String key = keys.computeIfAbsent(t, x -> {
        storages.add(x);
        return String.valueOf(storages.size() - 1);
      });
      long[] shape = Arrays.stream(t.shape()).asLongStream().toArray();
      long[] stride = new long[shape.length];
      for (int d = shape.length - 1, s = 1; d >= 0; s *= t.shape()[d], d--) {
        stride[d] = s;
      }
      p.string(e.getKey()).global("torch._utils", "_rebuild_tensor_v2").mark()
          .mark().string("storage").global("torch", "FloatStorage").string(key).string("cpu")
          .integer(t.data().length).tuple().persistentId()
          .integer(0).intTuple(shape).intTuple(stride).falseValue()
          .global("collections", "OrderedDict").emptyTuple().reduce()
          .tuple().reduce();
    }
    List<StoredZip.Entry> entries = new ArrayList<>();
    entries.add(new StoredZip.Entry(ROOT + "data.pkl", p.setItems().finish()));
    entries.add(new StoredZip.Entry(ROOT + "byteorder", ascii("little")));
    for (int i = 0; i < storages.size(); i++) {
      float[] v = storages.get(i).data();
      ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(v);
      entries.add(new StoredZip.Entry(ROOT + "data/" + i, b.array()));
    }
    entries.add(new StoredZip.Entry(ROOT + "version", ascii("3\n")));
    return entries;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads the state dict of {@code file} as float32 tensors, in the pickle's order. */
  public static Map<String, FloatTensor> read(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return new Reader(zip, file.toString()).stateDict();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (ZipException e) {
      throw new IllegalArgumentException(file + ": not a zip archive, so not a checkpoint of "
          + "torch.save since PyTorch 1.6 (the legacy format is not read)");
    } catch (IOException e) {
      if (!file.toFile().exists()) {
        throw new IllegalArgumentException("no such file: " + file);
      }
      throw new UncheckedIOException(e);
    }
  }

  /** One read of an archive: finds the pickle, resolves its storages. */
  private static final class Reader {
    private final ZipFile zip;
    private final String where;
    private final Map<String, float[]> storages = new HashMap<>();
    private String prefix;

    Reader(ZipFile zip, String where) {
      this.zip = zip;
      this.where = where;
    }

    Map<String, FloatTensor> stateDict() throws IOException {
      ZipEntry pkl = zip.stream().filter(e -> e.getName().matches("[^/]+/data\\.pkl"))
          .findFirst().orElseThrow(() -> bad("no <folder>/data.pkl; not a torch.save archive"));
      prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
      Object root = PickleReader.read(bytes(pkl), where + " " + pkl.getName());
      if (!(root instanceof Map<?, ?> dict)) {
        throw bad("holds a " + describe(root) + ", not a state dict");
      }
      Map<String, FloatTensor> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : dict.entrySet()) {
        if (!(e.getKey() instanceof String name)) {
          throw bad("a state dict key is a " + describe(e.getKey()) + ", not a str");
        }
        out.put(name, tensor(name, e.getValue()));
      }
      return out;
    }

    private FloatTensor tensor(String name, Object value) throws IOException {
      if (value instanceof PickleReader.Call c
          && c.callable().is("torch._utils", "_rebuild_parameter") && !c.args().isEmpty()) {
        value = c.args().get(0);
      }
      if (!(value instanceof PickleReader.Call c)
          || !c.callable().is("torch._utils", "_rebuild_tensor_v2") || c.args().size() < 4) {
        throw bad("the value of " + name + " is a " + describe(value) + ", not a tensor");
      }
      List<Object> a = c.args();
      float[] storage = storage(name, a.get(0));
      long offset = number(name, a.get(1));
      int[] size = dims(name, a.get(2));
      long[] stride = Arrays.stream(dims(name, a.get(3))).asLongStream().toArray();
      if (size.length != stride.length) {
        throw bad(name + " has " + size.length + " sizes but " + stride.length + " strides");
      }
      long numel = 1;
      long last = offset;
      for (int d = 0; d < size.length; d++) {
        numel *= size[d];
        last += (size[d] - 1L) * stride[d];
        if (numel > Integer.MAX_VALUE - 16) {
          throw bad(name + " is too large to load");
        }
      }
      if (numel > 0 && (offset < 0 || last >= storage.length)) {
        throw bad(name + " reaches outside its storage of " + storage.length + " elements");
      }
      float[] data = new float[(int) numel];
      int[] index = new int[size.length];
      for (int i = 0; i < data.length; i++) {
        long at = offset;
        for (int d = 0; d < size.length; d++) {
          at += index[d] * stride[d];
        }
        data[i] = storage[(int) at];
        for (int d = size.length - 1; d >= 0 && ++index[d] == size[d]; d--) {
          index[d] = 0;
        }
      }
      return new FloatTensor(size, data);
    }

    private float[] storage(String name, Object ref) throws IOException {
      if (!(ref instanceof PickleReader.PersistentId(Object id)) || !(id instanceof List<?> t)
          || t.size() != 5 || !"storage".equals(t.get(0))
          || !(t.get(1) instanceof PickleReader.Global type) || !(t.get(2) instanceof String key)) {
        throw bad("the storage of " + name + " is not ('storage', type, key, location, numel)");
      }
      DType dtype = type.module().equals("torch") ? STORAGES.get(type.name()) : null;
      if (dtype == null) {
        throw bad(name + " is a " + type.module() + "." + type.name() + "; ssmlab reads float32, "
            + "float64, float16 and bfloat16 tensors");
      }
      long numel = number(name, t.get(4));
      float[] cached = storages.get(key);
      if (cached != null) {
        return cached;
      }
      ZipEntry entry = zip.getEntry(prefix + "data/" + key);
      if (entry == null) {
        throw bad("storage " + key + " of " + name + " is missing (" + prefix + "data/" + key
            + ")");
      }
      if (numel > (Integer.MAX_VALUE - 16) / dtype.bytes()
          || entry.getSize() != numel * dtype.bytes()) {
        throw bad("storage " + key + " has " + entry.getSize() + " bytes, not " + numel
            + " elements of " + dtype.bytes());
      }
      ByteBuffer raw = ByteBuffer.wrap(bytes(entry));
      float[] values = new TensorEntry(name, dtype, new int[] {(int) numel}, 0, raw.capacity())
          .toFloats(raw);
      storages.put(key, values);
      return values;
    }

    private byte[] bytes(ZipEntry e) throws IOException {
      if (e.getSize() < 0 || e.getSize() > Integer.MAX_VALUE - 16) {
        throw bad(e.getName() + " is too large (" + e.getSize() + " bytes)");
      }
      try (InputStream in = zip.getInputStream(e)) {
        byte[] b = in.readNBytes((int) e.getSize());
        if (b.length != e.getSize()) {
          throw bad(e.getName() + " ends early");
        }
        return b;
      }
    }

    private long number(String name, Object o) {
      if (!(o instanceof Long v) || v < 0) {
        throw bad(name + ": expected a non-negative int, got " + describe(o));
      }
      return v;
    }

    private int[] dims(String name, Object o) {
      if (!(o instanceof List<?> list)) {
        throw bad(name + ": expected a tuple of ints, got " + describe(o));
      }
      int[] out = new int[list.size()];
      for (int i = 0; i < out.length; i++) {
        long v = number(name, list.get(i));
        if (v > Integer.MAX_VALUE) {
          throw bad(name + ": dimension " + v + " is too large");
        }
        out[i] = (int) v;
      }
      return out;
    }

    private IllegalArgumentException bad(String what) {
      return new IllegalArgumentException(where + ": " + what);
    }

    private static String describe(Object o) {
      if (o instanceof PickleReader.Call c) {
        return "call of " + c.callable().module() + "." + c.callable().name();
      }
      return o == null ? "None" : o.getClass().getSimpleName();
    }
  }
}
