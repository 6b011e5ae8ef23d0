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
    if (e instanceof StdoutWriter.Closed closed) {
      return closedOutput(closed, cl);
    }
    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        || e instanceof java.nio.file.NoSuchFileException) {
      cl.getErr().println("ssmlab: " + oneLine(message(e)));
      return BAD_INPUT;
    }
    cl.getErr().println("ssmlab: internal error: " + e);
    e.printStackTrace(cl.getErr());
    return INTERNAL;
  }

  /** The reader of standard output went away: stop quietly, as Unix tools do; else say why. */
  private static int closedOutput(StdoutWriter.Closed e, CommandLine cl) {
    if (e.brokenPipe()) {
      return StdoutWriter.CLOSED_PIPE;
    }
    cl.getErr().println("ssmlab: cannot write to standard output (" + e.getMessage() + ")");
    return BAD_INPUT;
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    if (e instanceof NumberFormatException n && n.getMessage() != null
        && n.getMessage().startsWith("For input string: ")) {
      return n.getMessage().substring("For input string: ".length()).replace('"', '\'')
          + " is not a number";
    }
    if (e instanceof java.io.UncheckedIOException u) {
      return u.getCause().toString();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
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
