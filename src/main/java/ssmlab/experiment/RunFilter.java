package ssmlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A slice of a sweep chosen by the runs' coordinates, {@code sweep --where KEY=V1,V2}: a run is
 * kept when, for every key given, its value is one of those listed. Long studies run their most
 * telling slices first this way (one layer of the recurrent models, say), into the same folder, and
 * the rest later; run ids do not depend on the filter.
 *
 * <p>Keys: {@code task}, {@code model} (the entry's name, e.g. {@code mamba[-1,1]}),
 * {@code family}, {@code layers}, {@code d_model} and {@code seed}.
 */
public final class RunFilter {
  /** Keeps every run. */
  public static final RunFilter ALL = new RunFilter(Map.of());

  private static final Map<String, Function<RunSpec, Object>> KEYS = keys();

  private final Map<String, Set<String>> wanted;

  private RunFilter(Map<String, Set<String>> wanted) {
    this.wanted = wanted;
  }

  private static Map<String, Function<RunSpec, Object>> keys() {
    Map<String, Function<RunSpec, Object>> keys = new LinkedHashMap<>();
    keys.put("task", RunSpec::task);
    keys.put("model", RunSpec::label);
    keys.put("family", RunSpec::model);
    keys.put("layers", s -> s.modelOptions().get("layers"));
    keys.put("d_model", s -> s.modelOptions().get("d_model"));
    keys.put("seed", RunSpec::seed);
    return keys;
  }

  /**
   * Reads clauses {@code KEY=V1,V2,...}; repeated keys are refused, as an unknown key or an empty
   * value list.
   */
  public static RunFilter parse(List<String> clauses) {
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (String clause : clauses) {
      int eq = clause.indexOf('=');
      String key = eq < 0 ? clause.strip() : clause.substring(0, eq).strip();
      if (eq < 0 || !KEYS.containsKey(key)) {
        throw new IllegalArgumentException("bad --where '" + clause + "': expected KEY=V1,V2 "
            + "with KEY one of " + String.join(", ", KEYS.keySet()));
      }
      Set<String> values = new LinkedHashSet<>();
      for (String v : splitValues(clause.substring(eq + 1))) {
        values.add(v);
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("bad --where '" + clause + "': no value after '='");
      }
      if (wanted.put(key, values) != null) {
        throw new IllegalArgumentException("--where names '" + key + "' twice; list the values "
            + "in one clause: " + key + "=V1,V2");
      }
    }
    return new RunFilter(wanted);
  }

  /**
   * Splits on commas outside brackets, so that {@code model=mamba[-1,1],lstm} names two
   * entries.
   */
  private static List<String> splitValues(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ',';
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth <= 0) {
        String v = s.substring(start, i).strip();
        if (!v.isEmpty()) {
          out.add(v);
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** Whether {@code spec} is in the slice. */
  public boolean test(RunSpec spec) {
    for (var e : wanted.entrySet()) {
      Object value = KEYS.get(e.getKey()).apply(spec);
      if (value == null || !e.getValue().contains(value.toString())) {
        return false;
      }
    }
    return true;
  }

  /** The runs of {@code runs} in the slice, in their order. */
  public List<Run> select(List<Run> runs) {
    return runs.stream().filter(r -> test(r.spec())).toList();
  }

  /** Whether this filter keeps every run. */
  public boolean all() {
    return wanted.isEmpty();
  }

  /**
   * The values a clause lists that no run of {@code runs} has, e.g. a misspelt model name; empty
   * when every value matches some run.
   */
  public List<String> unmatched(List<Run> runs) {
    List<String> out = new ArrayList<>();
    for (var e : wanted.entrySet()) {
      Set<String> seen = new LinkedHashSet<>();
      for (Run r : runs) {
        Object v = KEYS.get(e.getKey()).apply(r.spec());
        if (v != null) {
          seen.add(v.toString());
        }
      }
      for (String v : e.getValue()) {
        if (!seen.contains(v)) {
          out.add(e.getKey() + "=" + v);
        }
      }
    }
    return out;
  }
}
