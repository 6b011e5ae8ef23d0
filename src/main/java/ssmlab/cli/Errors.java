package ssmlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports failure: bad input is one line on stderr and exit code 2; a bug
 * in ssmlab is a stack trace and exit code 1.
 *
 * <p>Library code signals bad input with {@link IllegalArgumentException} (or a subclass such as
 * {@link NumberFormatException}); its message is the line the user sees.
 */
final class Errors {
  static final int BAD_INPUT = 2;
  static final int INTERNAL = 1;

  private Errors() {}

  static int onBadParameters(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println("ssmlab: " + oneLine(e.getMessage())
        + " (see 'ssmlab " + commandPath(cl) + "--help')");
    return BAD_INPUT;
  }

  static int onExecutionFailure(Exception e, CommandLine cl, ParseResult parsed) {
    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        || e instanceof java.io.IOException) {
      cl.getErr().println("ssmlab: " + oneLine(message(e)));
      return BAD_INPUT;
    }
    cl.getErr().println("ssmlab: internal error: " + e);
    e.printStackTrace(cl.getErr());
    return INTERNAL;
  }

  private static String message(Exception e) {
    if (e instanceof java.io.IOException io) {
      return plainWords(io);
    }
    if (e instanceof java.io.UncheckedIOException u) {
      return plainWords(u.getCause());
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** What went wrong with a file, in the user's words and with its path, no Java class names. */
  static String plainWords(java.io.IOException e) {
    return switch (e) {
      case java.nio.file.NoSuchFileException n -> "no such file or folder: " + n.getFile();
      case java.nio.file.FileAlreadyExistsException f -> f.getFile() + " already exists";
      case java.nio.file.AccessDeniedException a -> "permission denied: " + a.getFile();
      case java.nio.file.NotDirectoryException n -> "not a folder: " + n.getFile();
      case java.nio.file.DirectoryNotEmptyException d -> "folder not empty: " + d.getFile();
      case java.nio.file.FileSystemException f when f.getFile() != null -> f.getFile()
          + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": "
          + (f.getReason() != null ? lowerFirst(f.getReason()) : "cannot be written or read");
      default -> e.getMessage() != null ? lowerFirst(e.getMessage())
          : "input/output error";
    };
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static String commandPath(CommandLine cl) {
    var sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }
}
