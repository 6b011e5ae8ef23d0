package ssmlab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import ssmlab.experiment.ResultRow;
import ssmlab.tasks.TaskRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sweep's results as a Markdown table for a README or a paper draft: a row per task, model
 * configuration and depth, a column per test length, each cell the seeds' accuracies combined by
 * an {@link Agg} (the papers report the best seed). The {@code mean} column is Deletang et al.'s
 * score: each seed's accuracy averaged over the test lengths, then combined over seeds.
 */
public final class ResultTable {

  /**
   * Which accuracy a cell shows. {@code SCALED} is Grazzi et al.'s scaled accuracy of the
   * sequence metric, {@code (acc - 1/k) / (1 - 1/k)} with k the task's number of target labels:
   * 0 at chance and 1 when right, {@code 2 acc - 1} for parity. It is the chance of one answer, so
   * it means what it says for tasks labelled at the final position only ({@code label=final}).
   */
  public enum Metric {
    SEQUENCE(ChartRow::sequenceAccuracy),
    TOKEN(ChartRow::tokenAccuracy),
    SCALED(ChartRow::sequenceAccuracy);

    private final ToDoubleFunction<ChartRow> value;

    Metric(ToDoubleFunction<ChartRow> value) {
      this.value = value;
    }
  }

  /** How the seeds of one cell combine. */
  public enum Agg {
    MAX,
    MEAN,
    MEDIAN;

    double of(double[] xs) {
      double[] s = xs.clone();
      Arrays.sort(s);
      return switch (this) {
        case MAX -> s[s.length - 1];
        case MEAN -> Arrays.stream(s).average().orElseThrow();
        case MEDIAN -> s.length % 2 == 1 ? s[s.length / 2]
            : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      };
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The cells of a row whose every seed's training went non-finite. */
  public static final String DIVERGED = "diverged";

  private ResultTable() {}

  /** How a table is written. */
  public enum Format {
    /** A Markdown table. */
    MARKDOWN,
    /**
     * One JSON object per row, keyed by the column names; numbers as numbers, an empty cell as
     * null, {@code >L} and {@code diverged} as strings.
     */
    JSON
  }

  /** The accuracy table, in Markdown. */
  public static String accuracy(List<ResultRow> results, Metric metric, Agg agg) {
    return accuracy(results, metric, agg, Format.MARKDOWN);
  }

  /** The accuracy table. */
  public static String accuracy(List<ResultRow> results, Metric metric, Agg agg, Format format) {
    return accuracy(results, metric, agg, format, false);
  }

  /**
   * The accuracy table; with {@code seedCount} a {@code seeds} column after {@code layers} says
   * how many seeds each row combines (fewer than the spec's while its sweep is running). A run
   * that diverged counts as a seed with accuracy 0; a row whose every seed diverged says
   * {@value #DIVERGED} in each cell instead.
   */
  public static String accuracy(List<ResultRow> results, Metric metric, Agg agg, Format format,
      boolean seedCount) {
    List<ChartRow> rows = ChartRows.of(metric == Metric.SCALED ? scaled(results) : results);
    TreeSet<Integer> lengths = new TreeSet<>();
    // line (task | config | layers) -> seed -> length -> value
    Map<List<String>, Map<Long, Map<Integer, Double>>> cells = new TreeMap<>(ResultTable::byLine);
    Map<List<String>, Boolean> allDiverged = new HashMap<>();
    for (ChartRow r : rows) {
      lengths.add(r.testLength());
      List<String> line = List.of(r.task(), r.config(), r.layers() == null ? "" : "" + r.layers());
      cells.computeIfAbsent(line, k -> new TreeMap<>())
          .computeIfAbsent(r.seed(), k -> new TreeMap<>())
          .put(r.testLength(), metric.value.applyAsDouble(r));
      allDiverged.merge(line, r.diverged(), Boolean::logicalAnd);
    }
    boolean mean = lengths.size() > 1;
    List<String> header = new ArrayList<>(List.of("task", "model", "layers"));
    if (seedCount) {
      header.add("seeds");
    }
    lengths.forEach(n -> header.add("n=" + n));
    if (mean) {
      header.add("mean");
    }
    List<List<String>> body = new ArrayList<>();
    cells.forEach((line, seeds) -> {
      List<String> cols = new ArrayList<>(line);
      if (seedCount) {
        cols.add("" + seeds.size());
      }
      if (allDiverged.get(line)) {
        lengths.forEach(n -> cols.add(DIVERGED));
        if (mean) {
          cols.add(DIVERGED);
        }
        body.add(cols);
        return;
      }
      for (int n : lengths) {
        double[] xs = seeds.values().stream().filter(m -> m.containsKey(n))
            .mapToDouble(m -> m.get(n)).toArray();
        cols.add(xs.length == 0 ? "" : format(agg.of(xs)));
      }
      if (mean) {
        double[] perSeed = seeds.values().stream()
            .mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow())
            .toArray();
        cols.add(format(agg.of(perSeed)));
      }
      body.add(cols);
    });
    return render(header, body, format);
  }

  /** Merrill et al.'s measure, in Markdown ({@link #minLayers(List, double, Format)}). */
  public static String minLayers(List<ResultRow> results, double threshold) {
    return minLayers(results, threshold, Format.MARKDOWN);
  }

  /**
   * Merrill et al.'s measure: for each task, model configuration and test length, the fewest
   * layers with which some seed reaches sequence accuracy {@code threshold}; {@code >L} where
   * none of the depths tried (the largest is L) does.
   */
  public static String minLayers(List<ResultRow> results, double threshold, Format format) {
    List<ChartRow> rows = ChartRows.of(results);
    TreeSet<Integer> lengths = new TreeSet<>();
    Map<List<String>, Integer> deepest = new TreeMap<>(ResultTable::byLine);
    for (ChartRow r : rows) {
      lengths.add(r.testLength());
      deepest.merge(List.of(r.task(), r.config()), r.layers() == null ? 0 : r.layers(),
          Math::max);
    }
    Map<List<String>, Map<Integer, Integer>> found = new TreeMap<>(ResultTable::byLine);
    for (MinLayers.Point p : MinLayers.of(rows, threshold, task -> true)) {
      found.computeIfAbsent(List.of(p.task(), p.config()), k -> new TreeMap<>())
          .put(p.testLength(), p.minLayers());
    }
    List<String> header = new ArrayList<>(List.of("task", "model"));
    lengths.forEach(n -> header.add("n=" + n));
    List<List<String>> body = new ArrayList<>();
    deepest.forEach((line, max) -> {
      List<String> cols = new ArrayList<>(line);
      Map<Integer, Integer> mins = found.getOrDefault(line, Map.of());
      lengths.forEach(n -> cols.add(mins.containsKey(n) ? "" + mins.get(n) : ">" + max));
      body.add(cols);
    });
    return render(header, body, format);
  }

  /** The rows with both accuracies rescaled so that chance (one label in k) is 0. */
  static List<ResultRow> scaled(List<ResultRow> results) {
    Map<List<Object>, Integer> labels = new HashMap<>();
    List<ResultRow> out = new ArrayList<>();
    for (ResultRow r : results) {
      int k = labels.computeIfAbsent(List.of(r.task(), r.taskOptions()),
          key -> TaskRegistry.create(r.task(), r.taskOptions()).targetVocabulary().size());
      double chance = 1.0 / Math.max(2, k);
      out.add(r.withAccuracies((r.tokenAccuracy() - chance) / (1 - chance),
          (r.sequenceAccuracy() - chance) / (1 - chance)));
    }
    return out;
  }

  /** Lines sorted by task, then configuration, then depth (numbers compared as numbers). */
  private static int byLine(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).matches("\\d+") && b.get(i).matches("\\d+")
          ? new java.math.BigInteger(a.get(i)).compareTo(new java.math.BigInteger(b.get(i)))
          : a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static String format(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  private static String render(List<String> header, List<List<String>> body, Format format) {
    return format == Format.MARKDOWN ? markdown(header, body) : jsonLines(header, body);
  }

  private static String jsonLines(List<String> header, List<List<String>> body) {
    StringBuilder out = new StringBuilder();
    for (List<String> cols : body) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String c = cols.get(i);
        row.put(header.get(i), c.isEmpty() ? null
            : c.matches("-?[0-9]+(\\.[0-9]+)?") ? (Object) new java.math.BigDecimal(c) : c);
      }
      out.append(JSON.writeValueAsString(row)).append('\n');
    }
    return out.toString();
  }

  private static String markdown(List<String> header, List<List<String>> body) {
    StringBuilder out = new StringBuilder();
    out.append(row(header));
    out.append(header.stream().map(h -> "---").collect(Collectors.joining("|", "|", "|\n")));
    body.forEach(cols -> out.append(row(cols)));
    return out.toString();
  }

  private static String row(List<String> cols) {
    return cols.stream().map(c -> c.replace("|", "\\|"))
        .collect(Collectors.joining(" | ", "| ", " |\n"));
  }
}
