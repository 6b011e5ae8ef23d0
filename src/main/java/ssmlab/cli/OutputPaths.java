package ssmlab.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine;

/**
 * Checks on the paths commands write, made before any work: an empty path is refused (it would
 * mean the current folder), and a file must be creatable where it is named.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** Reads every {@link Path} option and parameter; refuses an empty one. */
  static final class Converter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      if (value.isBlank()) {
        throw new CommandLine.TypeConversionException("the path is empty");
      }
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new CommandLine.TypeConversionException("not a valid path: '" + value + "'");
      }
    }
  }

  /**
   * Refuses a file that could not be written: a folder, or one whose folder is missing, is not
   * a folder, or is not writable.
   *
   * @param option the option that named it, for the message
   */
  static void requireWritableFile(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + " " + file + " is a folder, not a file");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + " " + file + ": "
          + (Files.exists(dir) ? dir + " is not a folder" : "no folder " + dir));
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException(option + " " + file + ": the folder " + dir
          + " is not writable");
    }
  }
}
