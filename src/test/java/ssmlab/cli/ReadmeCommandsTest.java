package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's commands run as shown: every {@code ./ssmlab} line of its code blocks (joined over
 * {@code \} continuations, comments dropped) parses as the command line it shows, and those that
 * need no file a user makes first, write nothing and train nothing also run and exit 0.
 */
final class ReadmeCommandsTest {

  /** Commands the launcher answers itself, not the Java command line. */
  private static final String LAUNCHER_ONLY = "jmh ";

  /** Lines that show a synopsis or a placeholder rather than a command to paste. */
  private static final String PLACEHOLDER = ".*(\\[|\\.\\.\\.|\\$).*";

  /** Commands that read a run a user trains first, write files or train: parsed, not run. */
  private static final String NEEDS_FILES = ".*(runs/|results/|data/|experiments/|--out|--export"
      + "|--png|--vectors|/shared/|^demo|^train|^sweep|^bench|^report).*";

  static List<String> commands() throws IOException {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    StringBuilder pending = null;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        continue;
      }
      String s = line.strip();
      if (pending == null) {
        if (!s.startsWith("./ssmlab ")) {
          continue;
        }
        pending = new StringBuilder();
        s = s.substring("./ssmlab ".length());
      }
      s = s.replaceAll("\\s+#\\s.*$", "");
      if (s.endsWith("\\")) {
        pending.append(s, 0, s.length() - 1).append(' ');
        continue;
      }
      pending.append(s);
      out.add(pending.toString().strip().replaceAll("\\s+", " "));
      pending = null;
    }
    return out;
  }

  @Test
  void readme_hasCommands() throws IOException {
    assertThat(commands()).hasSizeGreaterThan(30);
  }

  @Test
  void everyReadmeCommand_parses() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String c : commands()) {
      if (c.startsWith(LAUNCHER_ONLY) || c.matches(PLACEHOLDER)) {
        continue;
      }
      try {
        HelpExamplesTest.root().parseArgs(HelpExamplesTest.split(c));
      } catch (CommandLine.ParameterException e) {
        bad.add("./ssmlab " + c + "  ->  " + e.getMessage());
      }
    }
    assertThat(bad).as("README commands that do not parse").isEmpty();
  }

  @Test
  void readmeCommandsThatNeedNoFiles_run() throws IOException {
    List<String> ran = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String c : commands()) {
      if (c.startsWith(LAUNCHER_ONLY) || c.matches(PLACEHOLDER) || c.matches(NEEDS_FILES)) {
        continue;
      }
      MainTest.Result r = MainTest.run(HelpExamplesTest.split(c));
      ran.add(c);
      if (r.code() != 0) {
        failed.add("./ssmlab " + c + "  ->  " + r.err().strip());
      }
    }
    assertThat(failed).as("README commands that fail").isEmpty();
    assertThat(ran).as("README commands run").hasSizeGreaterThanOrEqualTo(8);
  }
}
