package ssmlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssmlab.tasks.LengthRange;
import ssmlab.tasks.SeededSample;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskExport;
import ssmlab.tasks.TaskRegistry;
import ssmlab.tasks.TaskSpec;

/** {@code ssmlab tasks}: list the tasks, sample them, export train/test splits. */
@Command(name = "tasks", description = "The task registry: list, sample, export.",
    mixinStandardHelpOptions = true,
    subcommands = {TasksCommand.List.class, TasksCommand.SampleCmd.class,
        TasksCommand.Export.class},
    footer = {"", "Examples:", "  ssmlab tasks list",
      "  ssmlab tasks sample --task s5 --length 8 --count 3 --seed 1"})
final class TasksCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code tasks list}: name, class, description, one task a line (or one JSON object). */
  @Command(name = "list", description = "Every task: name, class, description.",
      mixinStandardHelpOptions = true,
      footer = {"", "Examples:", "  ssmlab tasks list", "  ssmlab tasks list --format json"})
  static final class List implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
        description = "a table (default) or one JSON object per task: name, class, "
            + "description, options with their defaults and meanings")
    String format;

    @Override
    public void run() {
      boolean json = switch (format) {
        case "text" -> false;
        case "json" -> true;
        default -> throw new IllegalArgumentException("--format must be text or json, got '"
            + format + "'");
      };
      PrintWriter out = spec.commandLine().getOut();
      for (TaskSpec t : TaskRegistry.specs()) {
        out.println(json ? Json.write(asJson(t)) : asText(t));
      }
      out.flush();
    }

    private static String asText(TaskSpec t) {
      var params = new StringBuilder();
      for (TaskSpec.Param p : t.params()) {
        params.append(" --").append(p.name()).append(' ').append(p.defaultValue());
      }
      return String.format("%-18s %-17s %s%s", t.name(), t.taskClass().label(), t.description(),
          params.isEmpty() ? "" : " [" + params.toString().strip() + "]");
    }

    private static Map<String, Object> asJson(TaskSpec t) {
      java.util.List<Map<String, Object>> options = new ArrayList<>();
      for (TaskSpec.Param p : t.params()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", p.name());
        o.put("default", p.defaultValue());
        o.put("description", p.description());
        options.add(o);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("class", t.taskClass().label());
      m.put("description", t.description());
      m.put("options", options);
      return m;
    }
  }

  /** {@code tasks sample}: JSON lines, one per sample. */
  @Command(name = "sample", description = "Samples as JSON lines: task, length, input, target.",
      mixinStandardHelpOptions = true,
      footer = {"", "Example:", "  ssmlab tasks sample --task s5 --length 8 --count 3 --seed 1"})
  static final class SampleCmd implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--task", required = true, description = "task name (see 'tasks list')")
    String task;

    @Option(names = "--length", required = true, paramLabel = "N|a..b",
        description = "input length, or a range to draw from uniformly")
    String length;

    @Option(names = "--count", defaultValue = "1", description = "number of samples")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "random seed")
    long seed;

    @Mixin TaskOptionsMixin options;

    @Override
    public void run() {
      LengthRange lengths = LengthRange.parse(length);
      if (count < 0) {
        throw new IllegalArgumentException("--count must not be negative, got " + count);
      }
      TaskExport.requireMemory("--length " + length, lengths);
      Task t = TaskRegistry.create(task, options.asMap());
      PrintWriter out = spec.commandLine().getOut();
      SplittableRandom root = new SplittableRandom(seed);
      for (int i = 0; i < count; i++) {
        SeededSample s = SeededSample.next(t, lengths.draw(root), root);
        out.println(Json.write(TaskExport.line(t, s.sample(), null)));
      }
      out.flush();
    }
  }

  /** {@code tasks export}: train and test splits in a directory. */
  @Command(name = "export", description = "Train/test splits as JSON lines (and CSV for groups).",
      mixinStandardHelpOptions = true,
      footer = {"", "Examples:", "  ssmlab tasks export --task a5 --train-lengths 2..16 "
          + "--test-lengths 17..64 --count 100 --seed 1 --out data/a5",
        "  ssmlab tasks export --task a5 --layout word-problem --train-lengths 2..8 "
          + "--test-lengths 9 --out wp"})
  static final class Export implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--task", required = true, description = "task name (see 'tasks list')")
    String task;

    @Option(names = "--train-lengths", required = true, paramLabel = "a..b")
    String trainLengths;

    @Option(names = "--test-lengths", required = true, paramLabel = "c..d")
    String testLengths;

    @Option(names = "--count", defaultValue = "100", description = "samples per length")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "random seed")
    long seed;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--force", description = "write even when the export is estimated at more "
        + "than 1 GiB")
    boolean force;

    @Option(names = "--layout", defaultValue = "ssmlab", paramLabel = "ssmlab|word-problem",
        description = "ssmlab (default): train/test JSON lines and CSV, products first element "
            + "first; word-problem: one <G>=<k>.csv per length as jopetty/word-problem, last "
            + "element first (group tasks; train and test lengths must not overlap)")
    String layout;

    @Mixin TaskOptionsMixin options;

    @Override
    public void run() {
      boolean wordProblem = switch (layout) {
        case "ssmlab" -> false;
        case "word-problem" -> true;
        default -> throw new IllegalArgumentException("--layout must be ssmlab or word-problem, "
            + "got '" + layout + "'");
      };
      LengthRange train = LengthRange.parse(trainLengths);
      LengthRange test = LengthRange.parse(testLengths);
      Task t = TaskRegistry.create(task, options.asMap());
      PrintWriter w = spec.commandLine().getOut();
      if (wordProblem) {
        TaskExport.Summary s = TaskExport.writeWordProblem(t, options.asMap(), train, test,
            count, seed, out, force);
        w.printf("wrote %d train and %d test samples of %s to %s (word-problem layout, one "
            + "CSV per length)%n", s.train(), s.test(), t.name(), out);
      } else {
        TaskExport.Summary s = TaskExport.write(t, options.asMap(), train, test, count, seed,
            out, force);
        w.printf("wrote %d train and %d test samples of %s to %s%s%n", s.train(), s.test(),
            t.name(), out, s.csv() ? " (JSON lines and CSV)" : " (JSON lines)");
      }
      w.flush();
    }
  }
}
