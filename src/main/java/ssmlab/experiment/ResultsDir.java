package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import ssmlab.io.AtomicFile;

/**
 * A results folder: {@code sweep.json} (the spec), {@code runs/<id>.json} (one file per finished
 * run, written atomically), and after a merge {@code results.jsonl} and {@code results.csv}.
 * Shards of one sweep may share the folder, also at the same time: {@code .locks/} holds a lock
 * file per run and one for {@code sweep.json}.
 */
public final class ResultsDir {
  public static final String SWEEP_FILE = "sweep.json";
  public static final String RUNS = "runs";
  public static final String JSONL = "results.jsonl";
  public static final String CSV = "results.csv";
  /** The folder of the trained models that {@code sweep --keep-models} keeps, one per run id. */
  public static final String MODELS = "models";
  /** The folder of the lock files, one per run and one for the folder. */
  static final String LOCKS = ".locks";

  private final Path root;

  public ResultsDir(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path runFile(String id) {
    return root.resolve(RUNS).resolve(id + ".json");
  }

  /** Whether run {@code id} has a result file that parses and holds that run. */
  public boolean isFinished(String id) {
    return Files.isRegularFile(runFile(id)) && damage(id).isEmpty();
  }

  /**
   * Why the result file of run {@code id} does not count as a result (empty, cut short, another
   * run's), or empty when it is sound or absent.
   */
  public Optional<String> damage(String id) {
    Path file = runFile(id);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      read(file);
      return Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The lock of run {@code id}, or empty while another worker or process holds it: whoever
   * holds it trains the run, so concurrent shards on one folder never train a run twice.
   */
  Optional<LockFile> tryLock(String id) throws IOException {
    return LockFile.tryLock(root.resolve(LOCKS).resolve(id + ".lock"));
  }

  /** Stores a finished run: the file appears whole or not at all. */
  public void write(RunRecord record) throws IOException {
    AtomicFile.write(runFile(record.id()), Canonical.MAPPER.writeValueAsString(record) + "\n");
  }

  /**
   * Marks the folder as holding {@code spec}'s results, or checks that it already does: a folder
   * holds one sweep, so results of two specs are never mixed.
   */
  public void claim(SweepSpec spec) throws IOException {
    AtomicFile.createFolders(root);
    underFolderLock(() -> {
      claimLocked(spec);
      return null;
    });
  }

  /** What runs under the folder's lock. */
  interface Locked<T> {
    T run() throws IOException;
  }

  /** Runs {@code action} holding the lock of the folder, which claiming and migrating take. */
  <T> T underFolderLock(Locked<T> action) throws IOException {
    try (LockFile folder = LockFile.lock(root.resolve(LOCKS).resolve(SWEEP_FILE + ".lock"))) {
      return action.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for " + root);
    }
  }

  private void claimLocked(SweepSpec spec) throws IOException {
    String hash = spec.hash();
    Optional<SweepFile> existing = sweepFile();
    if (existing.isPresent()) {
      if (!existing.get().specHash().equals(hash)) {
        throw new IllegalArgumentException(root + " holds results of sweep '"
            + existing.get().spec().name() + "' (spec hash " + existing.get().specHash()
            + "), not of this spec (hash " + hash + "): choose another --out");
      }
      return;
    }
    Files.createDirectories(root.resolve(RUNS));
    writeSweepFile(new SweepFile(hash, spec));
  }

  /** Writes {@code sweep.json}, pretty-printed, atomically. */
  void writeSweepFile(SweepFile sweep) {
    AtomicFile.write(sweepPath(), Canonical.MAPPER.writerWithDefaultPrettyPrinter()
        .writeValueAsString(sweep) + "\n");
  }

  /**
   * The folder's {@code sweep.json}, if it has one; a folder of another results format is an
   * error that says what to do.
   */
  public Optional<SweepFile> sweepFile() throws IOException {
    Optional<JsonNode> tree = sweepTree();
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    requireCurrentFormat(format(tree.get()));
    return Optional.of(bind(tree.get(), SweepFile.class, sweepPath()));
  }

  /** The JSON tree of {@code sweep.json}, of whatever format, if the folder has one. */
  Optional<JsonNode> sweepTree() throws IOException {
    Path file = sweepPath();
    return Files.exists(file) ? Optional.of(parse(file, "corrupt ")) : Optional.empty();
  }

  /** The results format a {@code sweep.json} tree declares: 1 when it has no {@code format}. */
  static int format(JsonNode sweep) {
    return sweep.path("format").asInt(1);
  }

  /** Refuses {@code format} unless it is {@link SweepFile#CURRENT_FORMAT}, saying what to do. */
  void requireCurrentFormat(int format) {
    if (format == SweepFile.CURRENT_FORMAT) {
      return;
    }
    String was = sweepPath() + " was written by another ssmlab (results format " + format
        + "; this one reads format " + SweepFile.CURRENT_FORMAT;
    throw new IllegalArgumentException(switch (format) {
      case 1 -> was + ", whose run ids hash every model option with its default): run the sweep "
          + "again into a new folder";
      case 2 -> was + ", whose keys are snake_case): run 'ssmlab results migrate " + root
          + "' to rewrite it in place";
      default -> was + "): use that ssmlab, or run the sweep again into a new folder";
    });
  }

  Path sweepPath() {
    return root.resolve(SWEEP_FILE);
  }

  /** Every finished run's record, sorted by id; a file that does not parse is an error. */
  public List<RunRecord> readRuns() throws IOException {
    List<RunRecord> records = new ArrayList<>();
    for (Path file : runFiles()) {
      records.add(read(file));
    }
    return records;
  }

  /** The files in {@code runs/} named {@code *.json}, sorted. */
  List<Path> runFiles() throws IOException {
    Path runs = root.resolve(RUNS);
    if (!Files.isDirectory(runs)) {
      throw new NoSuchFileException(runs.toString());
    }
    try (Stream<Path> listing = Files.list(runs)) {
      return listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** The record of finished run {@code id}. */
  public RunRecord readRun(String id) throws IOException {
    return read(runFile(id));
  }

  static RunRecord read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a folder, not a result file");
    }
    JsonNode tree = readTree(file);
    if (Format2.isRunRecord(tree)) {
      Path folder = Objects.requireNonNullElse(file.getParent().getParent(), Path.of("."));
      throw new IllegalArgumentException("result file " + file + " is of results format 2 (an "
          + "older ssmlab wrote it): run 'ssmlab results migrate " + folder + "' to rewrite it");
    }
    RunRecord record = bind(tree, RunRecord.class, file);
    if (!file.getFileName().toString().equals(record.id() + ".json")) {
      throw new IllegalArgumentException("result file " + file + " holds run " + record.id());
    }
    return record;
  }

  /** The JSON tree of a result file; text that is no JSON is a corrupt result file. */
  static JsonNode readTree(Path file) throws IOException {
    return parse(file, "corrupt result file ");
  }

  private static JsonNode parse(Path file, String corrupt) throws IOException {
    JsonNode tree;
    try {
      tree = Canonical.MAPPER.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(corrupt + file + ": " + oneLine(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(corrupt + file + ": expected a JSON object");
    }
    return tree;
  }

  /** {@code tree} as a {@code type}; content that does not fit is a corrupt {@code file}. */
  static <T> T bind(JsonNode tree, Class<T> type, Path file) {
    try {
      return Canonical.MAPPER.treeToValue(tree, type);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IllegalArgumentException("corrupt " + (type == RunRecord.class ? "result file "
          : "") + file + ": " + oneLine(e), e);
    }
  }

  /**
   * Deletes temporary files that a killed writer left for the given runs; a run whose lock is
   * held (its writer is alive) keeps them.
   */
  void deleteStaleTemps(Set<String> ids) throws IOException {
    Path runs = root.resolve(RUNS);
    if (!Files.isDirectory(runs)) {
      return;
    }
    try (Stream<Path> listing = Files.list(runs)) {
      for (Path p : listing.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(AtomicFile.TEMP_SUFFIX)
            && name.length() > 1 + RunId.HEX_DIGITS
            && ids.contains(name.substring(1, 1 + RunId.HEX_DIGITS))) {
          Optional<LockFile> lock = tryLock(name.substring(1, 1 + RunId.HEX_DIGITS));
          if (lock.isPresent()) {
            try (LockFile held = lock.get()) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    }
  }

  private static String oneLine(Exception e) {
    String m = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    return String.valueOf(m).strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
