package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import ssmlab.io.AtomicFile;

/**
 * Combines the per-run files of a results folder (written by one sweep or by its shards) into
 * {@code results.jsonl} and {@code results.csv}, after checking them: every file parses, every
 * id is the hash of its configuration, no id twice, every result of the same spec (the folder's
 * {@code sweep.json} if present), every run part of that spec.
 */
public final class Merge {

  /**
   * What a merge found and wrote.
   *
   * @param sweep the sweep's name
   * @param specHash its spec hash
   * @param expected the runs the spec has (-1 when the folder has no {@code sweep.json})
   * @param finished the runs with a result
   * @param missing ids of the spec's runs without a result, sorted
   * @param rows rows written (one per run and test length)
   */
  public record Summary(String sweep, @JsonProperty("spec_hash") String specHash, int expected,
      int finished, List<String> missing, int rows) {}

  private Merge() {}

  /**
   * Copies the run files of other results folders (shards run without a shared folder) into
   * {@code target}, atomically, checking that all hold the same sweep spec; a run present twice
   * must have the same result (a copy), else it is an error.
   *
   * @return how many run files were copied
   */
  public static int gather(ResultsDir target, List<ResultsDir> sources) throws IOException {
    Optional<SweepFile> sweep = target.sweepFile();
    for (ResultsDir source : sources) {
      Optional<SweepFile> other = source.sweepFile();
      if (sweep.isPresent() && other.isPresent()
          && !sweep.get().specHash().equals(other.get().specHash())) {
        throw new IllegalArgumentException(source.root() + " holds results of spec "
            + other.get().specHash() + ", " + target.root() + " of spec "
            + sweep.get().specHash());
      }
      if (sweep.isEmpty() && other.isPresent()) {
        target.claim(other.get().spec());
        sweep = other;
      }
    }
    int copied = 0;
    for (ResultsDir source : sources) {
      for (RunRecord record : source.readRuns()) {
        Optional<RunRecord> existing = target.isFinished(record.id())
            ? Optional.of(target.readRun(record.id())) : Optional.empty();
        if (existing.isEmpty()) {
          target.write(record);
          copied++;
        } else if (!existing.get().equals(record)) {
          throw new IllegalArgumentException("run " + record.id() + " has two different "
              + "results: " + target.runFile(record.id()) + " and " + source.runFile(record.id()));
        }
      }
    }
    return copied;
  }

  /** Checks the folder's results and writes {@code results.jsonl} and {@code results.csv}. */
  public static Summary merge(ResultsDir dir) throws IOException {
    Optional<SweepFile> sweep = dir.sweepFile();
    List<RunRecord> records = dir.readRuns();
    check(records, sweep);
    List<ResultRow> rows = rows(records);
    var jsonl = new StringBuilder();
    for (ResultRow row : rows) {
      jsonl.append(Canonical.MAPPER.writeValueAsString(row)).append('\n');
    }
    AtomicFile.write(dir.root().resolve(ResultsDir.JSONL), jsonl.toString());
    AtomicFile.write(dir.root().resolve(ResultsDir.CSV), Csv.write(rows));

    Set<String> have = new HashSet<>(records.stream().map(RunRecord::id).toList());
    List<String> missing = new ArrayList<>();
    int expected = -1;
    if (sweep.isPresent()) {
      List<Run> runs = sweep.get().spec().expand();
      expected = runs.size();
      runs.stream().map(Run::id).filter(id -> !have.contains(id)).sorted().forEach(missing::add);
    }
    String name = sweep.map(s -> s.spec().name())
        .orElse(records.isEmpty() ? "" : records.getFirst().sweep());
    String hash = sweep.map(SweepFile::specHash)
        .orElse(records.isEmpty() ? "" : records.getFirst().specHash());
    return new Summary(name, hash, expected, records.size(), missing, rows.size());
  }

  /**
   * The checked rows of a results folder without writing anything: from {@code runs/} when the
   * folder has it, else from {@code results.jsonl} (a merged folder copied on its own).
   */
  public static List<ResultRow> load(ResultsDir dir) throws IOException {
    if (Files.isDirectory(dir.root().resolve(ResultsDir.RUNS))) {
      Optional<SweepFile> sweep = dir.sweepFile();
      List<RunRecord> records = dir.readRuns();
      check(records, sweep);
      return rows(records);
    }
    Path jsonl = dir.root().resolve(ResultsDir.JSONL);
    if (!Files.isRegularFile(jsonl)) {
      throw new IllegalArgumentException(dir.root() + " holds no results: expected "
          + ResultsDir.RUNS + "/ or " + ResultsDir.JSONL);
    }
    List<ResultRow> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(jsonl);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        rows.add(Canonical.MAPPER.readValue(lines.get(i), ResultRow.class));
      } catch (JacksonException e) {
        throw new IllegalArgumentException(jsonl + " line " + (i + 1) + ": "
            + e.getOriginalMessage(), e);
      }
    }
    return rows;
  }

  /** The rows of {@code records}, sorted by run id then test length. */
  public static List<ResultRow> rows(List<RunRecord> records) {
    List<ResultRow> rows = new ArrayList<>();
    records.stream()
        .sorted(Comparator.comparing(RunRecord::id))
        .forEach(r -> rows.addAll(ResultRow.of(r)));
    return rows;
  }

  static void check(List<RunRecord> records, Optional<SweepFile> sweep) {
    Set<String> ids = new TreeSet<>();
    Set<String> specHashes = new TreeSet<>();
    sweep.ifPresent(s -> {
      if (!s.specHash().equals(s.spec().hash())) {
        throw new IllegalArgumentException(ResultsDir.SWEEP_FILE + " says spec hash "
            + s.specHash() + " but its spec hashes to " + s.spec().hash() + ": the folder was "
            + "edited, or written by a version of ssmlab that hashed specs differently; rerun the "
            + "sweep into a new folder");
      }
      specHashes.add(s.specHash());
    });
    Set<String> planned = sweep.map(s -> {
      Set<String> set = new HashSet<>();
      s.spec().expand().forEach(run -> set.add(run.id()));
      return set;
    }).orElse(null);
    for (RunRecord r : records) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("run " + r.id() + " has two results");
      }
      if (!RunId.of(r.spec()).equals(r.id())) {
        throw new IllegalArgumentException("run " + r.id() + ": the id is not the hash of its "
            + "configuration (" + RunId.of(r.spec()) + ")");
      }
      try {
        r.result().requireMatches(r.spec());
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("run " + r.id() + ": " + e.getMessage(), e);
      }
      specHashes.add(r.specHash());
      if (specHashes.size() > 1) {
        throw new IllegalArgumentException("results of different sweep specs are mixed: spec "
            + "hashes " + specHashes + " (run " + r.id() + ")");
      }
      if (planned != null && !planned.contains(r.id())) {
        throw new IllegalArgumentException("run " + r.id() + " is not part of the sweep in "
            + ResultsDir.SWEEP_FILE);
      }
    }
  }
}
