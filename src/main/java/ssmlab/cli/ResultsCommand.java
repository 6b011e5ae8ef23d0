package ssmlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssmlab.experiment.Merge;
import ssmlab.experiment.ResultsDir;

/** {@code ssmlab results}: work on a results folder; {@code merge} combines and checks it. */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = "Work on a sweep's results folder.",
    subcommands = {ResultsCommand.MergeCommand.class})
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
}
