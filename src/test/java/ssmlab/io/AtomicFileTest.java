package ssmlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFileTest {

  @Test
  void write_replacesWholeFileAndLeavesNoTemp(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("sub/a.json");
    AtomicFile.write(target, "first");
    AtomicFile.write(target, "second");
    assertThat(target).hasContent("second");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  // Results on a shared folder must be readable by the other jobs' users, as plain files are.
  @Test
  void write_fileIsAsReadableAsAPlainNewFile(@TempDir Path dir) throws Exception {
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    Path atomic = dir.resolve("atomic");
    AtomicFile.write(atomic, "x");
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      assertThat(Files.getPosixFilePermissions(atomic))
          .isEqualTo(Files.getPosixFilePermissions(plain))
          .contains(PosixFilePermission.OWNER_READ);
    }
  }

  @Test
  void write_failingWriter_keepsOldFileAndLeavesNoTemp(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("a.txt");
    AtomicFile.write(target, "old");
    assertThatThrownBy(() -> AtomicFile.write(target, out -> {
      out.write(new byte[] {'n', 'e'});
      throw new java.io.IOException("disk on fire");
    })).isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("disk on fire");
    assertThat(target).hasContent("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writeText_writerThatClosesItsStream_stillCommits(@TempDir Path dir) {
    Path target = dir.resolve("t.v");
    AtomicFile.writeText(target, w -> {
      w.write("module m; endmodule\n");
      w.close();
    });
    assertThat(target).hasContent("module m; endmodule\n");
  }
}
