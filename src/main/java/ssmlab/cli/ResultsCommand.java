package ssmlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssmlab.experiment.Merge;
import ssmlab.experiment.Migration;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.SweepFile;
import ssmlab.report.ResultTable;

/**
 * {@code ssmlab results}: work on a results folder; {@code merge} combines and checks it,
 * {@code table} prints it as a Markdown table, {@code migrate} rewrites an older format.
 */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = "Work on a sweep's results folder.",
    subcommands = {ResultsCommand.MergeCommand.class, ResultsCommand.TableCommand.class,
      ResultsCommand.MigrateCommand.class},
    footer = {"", "Examples:", "  ssmlab results merge results/parity --complete",
      "  ssmlab results table results/parity --agg max",
      "  ssmlab results migrate results/parity"})
final class ResultsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ssmlab results merge DIR}. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a results folder and writes results.jsonl and results.csv.",
        "",
        "Checks the per-run files in DIR/runs (every file parses, every id is the hash of its "
            + "configuration, all of one sweep spec) and writes DIR/results.jsonl and "
            + "DIR/results.csv: one row per run and test length, sorted. Prints a JSON summary "
            + "with the ids of the spec's runs that have no result yet."},
      footer = {"", "Examples:", "  ssmlab results merge results/parity",
        "  ssmlab results merge results/parity --from node0/parity --from node1/parity"})
  static final class MergeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The results folder.")
    Path dir;

    @Option(names = "--from", paramLabel = "SHARD_DIR",
        description = "First copy the run files of this results folder into DIR (shards run "
            + "without a shared folder); repeatable.")
    List<Path> from = new ArrayList<>();

    @Option(names = "--complete",
        description = "Fail (exit code 2) when some runs of the sweep have no result yet.")
    boolean complete;

    @Override
    public Integer call() throws IOException {
      ResultsDir target = new ResultsDir(dir);
      Merge.gather(target, from.stream().map(ResultsDir::new).toList());
      Merge.Summary summary = Merge.merge(target);
      spec.commandLine().getOut().println(Json.write(summary));
      if (complete && !summary.missing().isEmpty()) {
        throw new IllegalArgumentException(summary.missing().size() + " of "
            + summary.expected() + " runs have no result yet (merged the "
            + summary.finished() + " that do)");
      }
      return 0;
    }
  }

  /** {@code ssmlab results table DIR}. */
  @Command(
      name = "table",
      mixinStandardHelpOptions = true,
      description = {
        "Prints a results folder as a Markdown table.",
        "",
        "A row per task, model and depth, a column per test length, each cell the accuracy of "
            + "the seeds combined by --agg; 'mean' averages each seed over the test lengths "
            + "first (Deletang et al.'s score). With --min-layers T: the fewest layers reaching "
            + "sequence accuracy T at each length (Merrill et al.'s plot), '>L' where no depth "
            + "tried did."},
      footer = {"", "Examples:", "  ssmlab results table results/parity --agg max",
        "  ssmlab results table results/word-problems --min-layers 0.9"})
  static final class TableCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The results folder.")
    Path dir;

    @Option(names = "--metric", defaultValue = "sequence", paramLabel = "sequence|token|scaled",
        description = "Sequence accuracy (every labelled position right), token accuracy, or "
            + "Grazzi et al.'s scaled accuracy (acc - 1/k)/(1 - 1/k), 0 at chance, for tasks "
            + "labelled at the final position (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--agg", defaultValue = "max", paramLabel = "max|mean|median",
        description = "How the seeds of a cell combine (default: ${DEFAULT-VALUE}, the best "
            + "seed, as the papers report).")
    String agg;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "markdown|json",
        description = "A Markdown table (default) or one JSON object per row.")
    String format;

    @Option(names = "--seeds", description = "Add a column with the number of seeds each row "
        + "combines (a sweep still running has rows of fewer seeds than its spec).")
    boolean seeds;

    @Option(names = "--min-layers", paramLabel = "T",
        description = "Print the fewest layers reaching sequence accuracy T instead.")
    Double minLayers;

    @Override
    public Integer call() throws IOException {
      var rows = Merge.load(new ResultsDir(dir));
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(dir + " holds no finished runs yet");
      }
      String table;
      if (minLayers != null) {
        if (!(minLayers > 0 && minLayers <= 1)) {
          throw new IllegalArgumentException("--min-layers must lie in (0, 1], got " + minLayers);
        }
        if (seeds) {
          throw new IllegalArgumentException("--seeds counts the seeds of the accuracy table's "
              + "rows; the --min-layers table has none to count");
        }
        table = ResultTable.minLayers(rows, minLayers,
            choice(ResultTable.Format.class, format, "--format"));
      } else {
        table = ResultTable.accuracy(rows, choice(ResultTable.Metric.class, metric, "--metric"),
            choice(ResultTable.Agg.class, agg, "--agg"),
            choice(ResultTable.Format.class, format, "--format"), seeds);
      }
      spec.commandLine().getOut().print(table);
      spec.commandLine().getOut().flush();
      return 0;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(value)) {
          return e;
        }
      }
      throw new IllegalArgumentException(option + " must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + value
          + "'");
    }
  }

  /** {@code ssmlab results migrate DIR}. */
  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = {
        "Rewrites a results folder of an older format as the current one, in place.",
        "",
        "Format 2 (camelCase keys) becomes format 3 (snake_case keys): re-keys DIR/sweep.json "
            + "and every DIR/runs/<id>.json, renames each run file after its new id (the id "
            + "hashes the run's configuration in the new keys) and keeps results and provenance "
            + "as they were. Checks everything before writing, writes each file atomically; "
            + "running it again finishes a migration cut short, and on a folder of the current "
            + "format it does nothing."},
      footer = {"", "Example:", "  ssmlab results migrate results/word-problems-s5"})
  static final class MigrateCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The results folder.")
    Path dir;

    @Override
    public Integer call() throws IOException {
      Migration.Outcome o = Migration.migrate(new ResultsDir(dir));
      String line;
      if (o.alreadyCurrent()) {
        line = dir + " is already format " + SweepFile.CURRENT_FORMAT + ": nothing to do";
      } else if (o.from() == SweepFile.CURRENT_FORMAT) {
        line = "rewrote " + o.runs() + " result files of format 2 in " + dir + " as format "
            + SweepFile.CURRENT_FORMAT;
      } else {
        line = "migrated " + dir + " from format " + o.from() + " to " + SweepFile.CURRENT_FORMAT
            + ": " + o.runs() + " result files renamed after their new run ids, spec hash "
            + o.oldSpecHash() + " -> " + o.specHash();
      }
      spec.commandLine().getOut().println(line + (o.merged() ? "; results.jsonl and "
          + "results.csv written anew" : ""));
      return 0;
    }
  }
}
