package ssmlab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;

import picocli.CommandLine;
import ssmlab.experiment.TrainingExecutor;
import ssmlab.io.Provenance;
import ssmlab.tensor.SimdSwitch;
import picocli.CommandLine.Command;

/** The {@code ssmlab} command: the root that every verb hangs from. */
@Command(
    name = "ssmlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A laboratory for the computational limits of state-space models.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      FpCommand.class,
      TasksCommand.class,
      ReduceCommand.class,
      ModelCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      ResultsCommand.class,
      ReportCommand.class,
      CircuitCommand.class,
    },
    footer = {"", "Run 'ssmlab COMMAND --help' for a command's options and an example."})
public final class Main implements Runnable {

  /** Help lines are this wide, so an example (at most {@code HELP_WIDTH - 2}) is never wrapped. */
  static final int HELP_WIDTH = 120;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    var out = new StdoutWriter(new FileOutputStream(FileDescriptor.out), System.out.charset());
    int code = run(args, out, new PrintWriter(System.err, true));
    System.exit(out.finish(code));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    try {
      SimdSwitch.checkProperty();
    } catch (IllegalArgumentException e) {
      err.println("ssmlab: " + e.getMessage());
      return Errors.BAD_INPUT;
    }
    Provenance.recordCommandLine(args);
    return commandLine(out, err, new SweepCommand(new TrainingExecutor())).execute(args);
  }

  /**
   * The command line writing to the given streams, with {@code extraSubcommands} (command
   * objects, e.g. one built around a test executor) added before the streams and handlers are
   * set, so they get them too.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Object... extraSubcommands) {
    var cl = new CommandLine(new Main());
    for (Object sub : extraSubcommands) {
      cl.addSubcommand(sub);
    }
    ModelOptionsMixin.describeFamilies(cl);
    cl.setUsageHelpWidth(HELP_WIDTH);
    cl.registerConverter(java.nio.file.Path.class, new OutputPaths.Converter());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(Errors::onBadParameters);
    cl.setExecutionExceptionHandler(Errors::onExecutionFailure);
    return cl;
  }

  /** Reads the version from the jar manifest, or says it is a development build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ssmlab " + (v == null ? "(development build)" : v)
          + ", Java " + Runtime.version()};
    }
  }
}
