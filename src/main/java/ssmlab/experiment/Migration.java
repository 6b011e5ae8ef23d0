package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * Rewrites a results folder of format 2 as format 3, in place: re-keys {@code sweep.json} and
 * every {@code runs/<id>.json} in snake_case, renames each run file (and the model {@code sweep
 * --keep-models} kept) after the run's id in the new canonical form, and puts the new spec hash
 * in every file; results and provenance stay as they were. Everything is read and checked (as
 * {@link Merge} checks) before the first file is written, and each file is written atomically.
 * {@code sweep.json} is written last, so a migration cut short is finished by running it again;
 * on a folder of format 3 it rewrites only result files an older ssmlab added since.
 */
public final class Migration {

  /**
   * What a migration did.
   *
   * @param from the format the folder's {@code sweep.json} had
   * @param runs the result files rewritten
   * @param oldSpecHash the spec hash in format 2
   * @param specHash the spec hash in format 3
   * @param merged whether {@code results.jsonl} and {@code results.csv} were written anew
   */
  public record Outcome(int from, int runs, String oldSpecHash, String specHash,
      boolean merged) {

    /** Whether there was nothing to do. */
    public boolean alreadyCurrent() {
      return from == SweepFile.CURRENT_FORMAT && runs == 0;
    }
  }

  private record Rewrite(Path file, String oldId, RunRecord record) {}

  private Migration() {}

  /** Migrates {@code dir} to {@link SweepFile#CURRENT_FORMAT}; a no-op when it is already. */
  public static Outcome migrate(ResultsDir dir) throws IOException {
    if (!Files.isDirectory(dir.root())) {
      throw new NoSuchFileException(dir.root().toString());
    }
    return dir.underFolderLock(() -> migrateLocked(dir));
  }

  private static Outcome migrateLocked(ResultsDir dir) throws IOException {
    JsonNode tree = dir.sweepTree().orElseThrow(() -> new IllegalArgumentException(dir.root()
        + " has no " + ResultsDir.SWEEP_FILE + ": not the results folder of a sweep"));
    int from = ResultsDir.format(tree);
    if (from != 2) {
      dir.requireCurrentFormat(from);
    }
    SweepSpec spec = ResultsDir.bind(from == 2 ? Format2.sweepFile(tree) : tree, SweepFile.class,
        dir.sweepPath()).spec();
    String oldHash = Format2.specHash(spec);
    if (from == 2 && !oldHash.equals(tree.path("specHash").asString())) {
      throw new IllegalArgumentException(dir.sweepPath() + " says spec hash "
          + tree.path("specHash").asString() + " but its spec hashes to " + oldHash + ": the "
          + "folder was edited; it cannot be migrated");
    }
    var sweep = new SweepFile(spec.hash(), spec);

    boolean current = from == SweepFile.CURRENT_FORMAT;
    Map<String, RunRecord> records = new TreeMap<>();
    List<Rewrite> rewrites = new ArrayList<>();
    for (Path file : dir.runFiles()) {
      Optional<JsonNode> run = current ? parsed(file) : Optional.of(ResultsDir.readTree(file));
      if (run.isPresent() && Format2.isRunRecord(run.get())) {
        Rewrite r = rewrite(file, run.get(), oldHash, sweep.specHash());
        rewrites.add(r);
        add(records, r.record(), dir);
      } else if (!current) {
        add(records, ResultsDir.read(file), dir);
      }
    }
    for (Rewrite r : rewrites) {
      String id = r.record().id();
      if (dir.isFinished(id) && !dir.readRun(id).equals(r.record())) {
        throw twoResults(id, dir);
      }
    }
    Merge.check(List.copyOf(records.values()), Optional.of(sweep));
    if (current && rewrites.isEmpty()) {
      return new Outcome(from, 0, oldHash, sweep.specHash(), false);
    }

    for (Rewrite r : rewrites) {
      dir.write(r.record());
      moveModel(dir, r.oldId(), r.record().id());
    }
    for (Rewrite r : rewrites) {
      if (!r.file().equals(dir.runFile(r.record().id()))) {
        Files.deleteIfExists(r.file());
      }
    }
    if (from != SweepFile.CURRENT_FORMAT) {
      dir.writeSweepFile(sweep);
    }
    boolean merged = Files.exists(dir.root().resolve(ResultsDir.JSONL))
        || Files.exists(dir.root().resolve(ResultsDir.CSV));
    if (merged) {
      Merge.merge(dir);
    }
    return new Outcome(from, rewrites.size(), oldHash, sweep.specHash(), merged);
  }

  private static void add(Map<String, RunRecord> records, RunRecord record, ResultsDir dir) {
    RunRecord other = records.put(record.id(), record);
    if (other != null && !other.equals(record)) {
      throw twoResults(record.id(), dir);
    }
  }

  private static IllegalArgumentException twoResults(String id, ResultsDir dir) {
    return new IllegalArgumentException("run " + id + " has two different results in "
        + dir.root().resolve(ResultsDir.RUNS));
  }

  /** The tree of a file that parses as JSON, else empty (it is no file of format 2). */
  private static Optional<JsonNode> parsed(Path file) throws IOException {
    try {
      return Optional.of(ResultsDir.readTree(file));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A format-2 result file as a format-3 record, checked against the format-2 spec hash. */
  private static Rewrite rewrite(Path file, JsonNode run, String oldSpecHash, String specHash) {
    RunRecord old = ResultsDir.bind(Format2.runRecord(run), RunRecord.class, file);
    if (!Format2.runId(old.spec()).equals(old.id())) {
      throw new IllegalArgumentException("run " + old.id() + ": the id is not the hash of its "
          + "configuration (" + Format2.runId(old.spec()) + "): " + file + " was edited");
    }
    if (!old.specHash().equals(oldSpecHash)) {
      throw new IllegalArgumentException("run " + old.id() + " belongs to another sweep spec "
          + "(hash " + old.specHash() + ", the folder's is " + oldSpecHash + ")");
    }
    RunRecord record = new RunRecord(RunId.of(old.spec()), old.sweep(), specHash, old.spec(),
        old.result(), old.provenance());
    return new Rewrite(file, old.id(), record);
  }

  /** Renames the folder of a model {@code sweep --keep-models} kept after the new run id. */
  private static void moveModel(ResultsDir dir, String oldId, String id) throws IOException {
    Path models = dir.root().resolve(ResultsDir.MODELS);
    Path old = models.resolve(oldId);
    if (Files.isDirectory(old) && !Files.exists(models.resolve(id))) {
      Files.move(old, models.resolve(id), StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
