package ssmlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.tensor.Parallel;
import ssmlab.train.Evaluator;
import ssmlab.train.LengthAccuracy;
import ssmlab.train.RunFolder;

/** {@code ssmlab eval}: token and sequence accuracy of a trained run at given lengths. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Token and sequence accuracy of a trained run, per length.",
      "Evaluates a run folder (from 'ssmlab train') on fresh samples; prints JSON."},
    footer = {"", "Example:", "  ssmlab eval --run runs/parity-mamba --lengths 8,16,32,64,128"})
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--run", required = true, paramLabel = "DIR", description = "the run folder")
  Path run;

  @Option(names = "--lengths", required = true, split = ",", paramLabel = "N,N,...",
      description = "test lengths")
  List<Integer> lengths;

  @Option(names = "--count", defaultValue = "256", description = "samples per length "
      + "(default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", defaultValue = "12345", description = "seed of the test samples "
      + "(default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "2", description = "threads (default: "
      + "${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be at least 1");
    }
    for (int n : lengths) {
      if (n < 1) {
        throw new IllegalArgumentException("test lengths must be at least 1, got " + n);
      }
    }
    Parallel.setThreads(threads);
    RunFolder.Loaded loaded = RunFolder.load(run);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int n : lengths) {
      LengthAccuracy a = Evaluator.evaluate(loaded.model(), loaded.task(), n, count, seed + n);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("length", n);
      row.put("token_accuracy", a.tokenAccuracy());
      row.put("sequence_accuracy", a.sequenceAccuracy());
      row.put("loss", a.loss());
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run.toString());
    out.put("task", loaded.task().name());
    out.put("model", loaded.model().config().family());
    out.put("count", count);
    out.put("lengths", rows);
    spec.commandLine().getOut().println(Json.write(out));
    return 0;
  }
}
