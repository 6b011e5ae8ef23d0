package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import ssmlab.io.AtomicFile;

/**
 * A results folder: {@code sweep.json} (the spec), {@code runs/<id>.json} (one file per finished
 * run, written atomically), and after a merge {@code results.jsonl} and {@code results.csv}.
 * Shards of one sweep may share the folder.
 */
public final class ResultsDir {
  public static final String SWEEP_FILE = "sweep.json";
  public static final String RUNS = "runs";
  public static final String JSONL = "results.jsonl";
  public static final String CSV = "results.csv";
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
  Optional<FileLock> tryLock(String id) throws IOException {
    return FileLock.tryLock(root.resolve(LOCKS).resolve(id + ".lock"));
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
    try (FileLock folder = FileLock.lock(root.resolve(LOCKS).resolve(SWEEP_FILE + ".lock"))) {
      claimLocked(spec);
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
    AtomicFile.write(root.resolve(SWEEP_FILE),
        Canonical.MAPPER.writerWithDefaultPrettyPrinter()
            .writeValueAsString(new SweepFile(hash, spec)) + "\n");
  }

  /** The folder's {@code sweep.json}, if it has one. */
  public Optional<SweepFile> sweepFile() throws IOException {
    Path file = root.resolve(SWEEP_FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    SweepFile sweep;
    try {
      sweep = Canonical.MAPPER.readValue(Files.readString(file), SweepFile.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IllegalArgumentException("corrupt " + file + ": " + oneLine(e), e);
    }
    if (sweep.formatOrOne() != SweepFile.CURRENT_FORMAT) {
      throw new IllegalArgumentException(file + " was written by another ssmlab (results format "
          + sweep.formatOrOne() + "; this one reads format " + SweepFile.CURRENT_FORMAT
          + ", whose run ids hash every model option with its default): run the sweep again "
          + "into a new folder");
    }
    return Optional.of(sweep);
  }

  /** Every finished run's record, sorted by id; a file that does not parse is an error. */
  public List<RunRecord> readRuns() throws IOException {
    Path runs = root.resolve(RUNS);
    if (!Files.isDirectory(runs)) {
      throw new NoSuchFileException(runs.toString());
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(runs)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    List<RunRecord> records = new ArrayList<>();
    for (Path file : files) {
      records.add(read(file));
    }
    return records;
  }

  /** The record of finished run {@code id}. */
  public RunRecord readRun(String id) throws IOException {
    return read(runFile(id));
  }

  private static RunRecord read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a folder, not a result file");
    }
    RunRecord record;
    try {
      record = Canonical.MAPPER.readValue(Files.readString(file), RunRecord.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IllegalArgumentException("corrupt result file " + file + ": " + oneLine(e), e);
    }
    if (!file.getFileName().toString().equals(record.id() + ".json")) {
      throw new IllegalArgumentException("result file " + file + " holds run " + record.id());
    }
    return record;
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
          Optional<FileLock> lock = tryLock(name.substring(1, 1 + RunId.HEX_DIGITS));
          if (lock.isPresent()) {
            try (FileLock held = lock.get()) {
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
