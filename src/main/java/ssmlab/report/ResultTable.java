package ssmlab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import ssmlab.experiment.ResultRow;

/**
 * A sweep's results as a Markdown table for a README or a paper draft: a row per task, model
 * configuration and depth, a column per test length, each cell the seeds' accuracies combined by
 * an {@link Agg} (the papers report the best seed). The {@code mean} column is Deletang et al.'s
 * score: each seed's accuracy averaged over the test lengths, then combined over seeds.
 */
public final class ResultTable {

  /** Which accuracy a cell shows. */
  public enum Metric {
    SEQUENCE(ChartRow::sequenceAccuracy),
    TOKEN(ChartRow::tokenAccuracy);

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

  private ResultTable() {}

  /** The accuracy table. */
  public static String accuracy(List<ResultRow> results, Metric metric, Agg agg) {
    List<ChartRow> rows = ChartRows.of(results);
    TreeSet<Integer> lengths = new TreeSet<>();
    // line (task | config | layers) -> seed -> length -> value
    Map<List<String>, Map<Long, Map<Integer, Double>>> cells = new TreeMap<>(ResultTable::byLine);
    for (ChartRow r : rows) {
      lengths.add(r.testLength());
      List<String> line = List.of(r.task(), r.config(), r.layers() == null ? "" : "" + r.layers());
      cells.computeIfAbsent(line, k -> new TreeMap<>())
          .computeIfAbsent(r.seed(), k -> new TreeMap<>())
          .put(r.testLength(), metric.value.applyAsDouble(r));
    }
    boolean mean = lengths.size() > 1;
    List<String> header = new ArrayList<>(List.of("task", "model", "layers"));
    lengths.forEach(n -> header.add("n=" + n));
    if (mean) {
      header.add("mean");
    }
    List<List<String>> body = new ArrayList<>();
    cells.forEach((line, seeds) -> {
      List<String> cols = new ArrayList<>(line);
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
    return markdown(header, body);
  }

  /**
   * Merrill et al.'s measure: for each task, model configuration and test length, the fewest
   * layers with which some seed reaches sequence accuracy {@code threshold}; {@code >L} where
   * none of the depths tried (the largest is L) does.
   */
  public static String minLayers(List<ResultRow> results, double threshold) {
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
    return markdown(header, body);
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
