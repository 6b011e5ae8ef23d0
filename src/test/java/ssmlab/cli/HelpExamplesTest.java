package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ssmlab.experiment.TrainingExecutor;

/**
 * Every command's help ends with an example a user can copy and paste: each example is one line
 * (no continuation, not wrapped), and it parses as the command line it shows.
 */
final class HelpExamplesTest {

  static CommandLine root() {
    return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(
        new StringWriter()), new SweepCommand(new TrainingExecutor()));
  }

  /** Every command and subcommand, by its path ({@code circuit op}). */
  private static Map<String, CommandLine> commands() {
    Map<String, CommandLine> all = new java.util.TreeMap<>();
    collect("", root(), all);
    return all;
  }

  private static void collect(String path, CommandLine cl, Map<String, CommandLine> all) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      String p = (path + " " + e.getKey()).strip();
      all.put(p, e.getValue());
      collect(p, e.getValue(), all);
    }
  }

  /** The example lines of a command's footer: those that start with {@code ssmlab }. */
  private static List<String> examples(CommandLine cl) {
    List<String> out = new ArrayList<>();
    for (String line : cl.getCommandSpec().usageMessage().footer()) {
      if (line.strip().startsWith("ssmlab ")) {
        out.add(line.strip());
      }
    }
    return out;
  }

  @Test
  void everyCommand_hasAnExampleOnOneLine() {
    List<String> missing = new ArrayList<>();
    List<String> wrapped = new ArrayList<>();
    for (var e : commands().entrySet()) {
      List<String> ex = examples(e.getValue());
      if (ex.isEmpty()) {
        missing.add(e.getKey());
      }
      for (String line : e.getValue().getCommandSpec().usageMessage().footer()) {
        if (line.stripTrailing().endsWith("\\")) {
          wrapped.add(e.getKey() + ": " + line.strip());
        }
      }
    }
    assertThat(missing).as("commands without an example").isEmpty();
    assertThat(wrapped).as("examples continued over lines").isEmpty();
  }

  @Test
  void everyExample_parsesAsTheCommandItShows() {
    List<String> bad = new ArrayList<>();
    for (var e : commands().entrySet()) {
      for (String example : examples(e.getValue())) {
        String[] args = split(example.substring("ssmlab ".length()).replaceAll("\\s+#.*$", "")
            .replace("${SLURM_ARRAY_TASK_ID}", "0").replace("${JOB_COMPLETION_INDEX}", "0"));
        try {
          root().parseArgs(args);
        } catch (CommandLine.ParameterException x) {
          bad.add(example + "  ->  " + x.getMessage());
        }
      }
    }
    assertThat(bad).as("examples that do not parse").isEmpty();
  }

  /**
   * The examples that read no trained run, write no file and take no long sweep run as shown,
   * and succeed (the others name files a user makes first, e.g. runs/parity-mamba).
   */
  @Test
  void everyExampleThatNeedsNoFiles_runs() {
    List<String> ran = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (var e : commands().entrySet()) {
      for (String example : examples(e.getValue())) {
        if (example.matches(".*(runs/|results/|data/|experiments/|--out|--export|--png|"
            + "--vectors| demo|/shared/).*")) {
          continue;
        }
        MainTest.Result r = MainTest.run(split(example.substring("ssmlab ".length())));
        ran.add(example);
        if (r.code() != 0) {
          failed.add(example + "  ->  " + r.err().strip());
        }
      }
    }
    assertThat(failed).as("examples that fail").isEmpty();
    assertThat(ran).as("examples run").hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void helpLines_fitTheTerminal_soNothingIsWrappedInTheMiddleOfAnArgument() {
    List<String> wide = new ArrayList<>();
    for (var e : commands().entrySet()) {
      for (String example : examples(e.getValue())) {
        if (example.length() + 2 > Main.HELP_WIDTH) {
          wide.add(e.getKey() + ": " + example);
        }
      }
    }
    assertThat(wide).as("examples longer than the help width").isEmpty();
  }

  /** Splits like a shell: spaces separate, single or double quotes group. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || cur.length() > 0) {
          out.add(cur.toString());
        }
        cur.setLength(0);
        any = false;
      } else {
        cur.append(c);
      }
    }
    if (any || cur.length() > 0) {
      out.add(cur.toString());
    }
    return out.toArray(String[]::new);
  }
}
