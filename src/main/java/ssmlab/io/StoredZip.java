package ssmlab.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip archive of uncompressed ("stored") entries whose data start on 64-byte boundaries,
 * as PyTorch's {@code torch.save} does (the padding goes into an extra field of id {@code "FB"} in
 * each local header). Entries have a fixed date (1980-01-01), so equal input gives equal bytes.
 */
public final class StoredZip {

  /** One file of the archive. */
  public record Entry(String name, byte[] data) {}

  static final int ALIGNMENT = 64;
  private static final int LOCAL_HEADER = 30;
  private static final int DOS_DATE_1980 = (1 << 5) | 1;
  private static final long LIMIT = 0xFFFF_FFFFL;

  private StoredZip() {}

  /** Writes {@code entries} in order as a zip archive to {@code out}. */
  public static void write(OutputStream out, List<Entry> entries) throws IOException {
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    long offset = 0;
    for (Entry e : entries) {
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      int padding = Math.floorMod(-(offset + LOCAL_HEADER + name.length + 4), ALIGNMENT);
      CRC32 crc = new CRC32();
      crc.update(e.data());
      long end = offset + LOCAL_HEADER + name.length + 4 + padding + e.data().length;
      if (end > LIMIT) {
        throw new IllegalArgumentException("zip: the archive would exceed 4 GiB (no ZIP64 here)");
      }
      out.write(localHeader(crc.getValue(), e.data().length, name.length, 4 + padding));
      out.write(name);
      ByteBuffer extra = ByteBuffer.allocate(4 + padding).order(ByteOrder.LITTLE_ENDIAN);
      extra.putShort((short) 0x4246).putShort((short) padding);
      while (extra.hasRemaining()) {
        extra.put((byte) 'Z');
      }
      out.write(extra.array());
      out.write(e.data());

      ByteBuffer dir = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
      dir.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putShort((short) DOS_DATE_1980)
          .putInt((int) crc.getValue()).putInt(e.data().length).putInt(e.data().length)
          .putShort((short) name.length).putShort((short) 0).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
      central.write(dir.array());
      central.write(name);
      offset = end;
    }
    byte[] dir = central.toByteArray();
    if (entries.size() > 0xFFFF || offset + dir.length > LIMIT) {
      throw new IllegalArgumentException("zip: too many entries or bytes (no ZIP64 here)");
    }
    ByteBuffer eocd = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
    eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
        .putShort((short) entries.size()).putShort((short) entries.size())
        .putInt(dir.length).putInt((int) offset).putShort((short) 0);
    out.write(dir);
    out.write(eocd.array());
  }

  private static byte[] localHeader(long crc, int length, int nameLength, int extraLength) {
    ByteBuffer b = ByteBuffer.allocate(LOCAL_HEADER).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0)
        .putShort((short) 0).putShort((short) DOS_DATE_1980).putInt((int) crc).putInt(length)
        .putInt(length).putShort((short) nameLength).putShort((short) extraLength);
    return b.array();
  }
}
