package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {

  @Test
  void write_replacesWholeFileAndLeavesNoTemp(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("sub/a.json");
    AtomicFiles.write(target, "first");
    AtomicFiles.write(target, "second");
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
    AtomicFiles.write(atomic, "x");
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      assertThat(Files.getPosixFilePermissions(atomic))
          .isEqualTo(Files.getPosixFilePermissions(plain))
          .contains(PosixFilePermission.OWNER_READ);
    }
  }
}
