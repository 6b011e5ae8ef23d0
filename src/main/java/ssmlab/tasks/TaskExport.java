package ssmlab.tasks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ssmlab.io.AtomicFile;
import ssmlab.model.MemoryEstimate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes train and test splits of a task to a directory: {@code train.jsonl}, {@code
 * test.jsonl} (one sample per line), {@code task.json} (name, options, vocabularies, lengths,
 * seed) and, for group word problems, {@code train.csv} and {@code test.csv} with the
 * {@code seed,input,target} columns of the word-problem literature (vocabulary ids, space
 * separated; our product order). {@link #writeWordProblem} writes jopetty/word-problem's own
 * layout and order instead. Each file is written to a temporary file {@code .NAME.<random>.tmp} (mode 0666
 * less the umask, as any new file) and renamed; temporary files of an export that was killed are
 * deleted by the next export to the same directory.
 *
 * <p>An export is refused before anything is written when its estimated size is over {@link
 * #MAX_BYTES} (unless forced), or when one sample at its longest length would not fit in the
 * heap.
 */
public final class TaskExport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The most bytes an export writes unless forced: 1 GiB. */
  public static final long MAX_BYTES = 1L << 30;

  /**
   * Temporary files of this class, of the versions before it ({@code train.jsonl.123.tmp}) and
   * of the word-problem layout ({@code .A5=4.csv.<random>.tmp}).
   */
  private static final Pattern TEMP = Pattern.compile(
      "\\.?(train|test)\\.(jsonl|csv)\\..+\\" + AtomicFile.TEMP_SUFFIX
      + "|\\.?task\\.json\\..+\\" + AtomicFile.TEMP_SUFFIX
      + "|\\.[SAZ0-9_x]+=[0-9]+\\.csv\\..+\\" + AtomicFile.TEMP_SUFFIX);

  private TaskExport() {}

  /** What an export wrote: samples per split. */
  public record Summary(long train, long test, boolean csv) {}

  /**
   * Writes {@code countPerLength} samples for every length of each range; train draws from the
   * first {@code split()} of {@code new SplittableRandom(seed)}, test from the second.
   *
   * @param force write even when the estimated size is over {@link #MAX_BYTES}
   */
  public static Summary write(Task task, Map<String, String> options, LengthRange train,
      LengthRange test, int countPerLength, long seed, Path dir, boolean force) {
    if (countPerLength < 1) {
      throw new IllegalArgumentException("--count must be at least 1, got " + countPerLength);
    }
    boolean csv = task instanceof GroupWordTask;
    requireSize(task, train, test, countPerLength, csv, force);
    long started = System.currentTimeMillis();
    try {
      Files.createDirectories(dir);
      deleteStaleTemporaries(dir, started);
      SplittableRandom root = new SplittableRandom(seed);
      SplittableRandom trainRoot = root.split();
      SplittableRandom testRoot = root.split();
      long trainCount = writeSplit(task, train, countPerLength, trainRoot, dir, "train", csv);
      long testCount = writeSplit(task, test, countPerLength, testRoot, dir, "test", csv);
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("task", task.name());
      meta.put("options", options);
      meta.put("class", task.taskClass().label());
      meta.put("description", task.description());
      meta.put("seed", seed);
      meta.put("train_lengths", train.toString());
      meta.put("test_lengths", test.toString());
      meta.put("count_per_length", countPerLength);
      meta.put("input_vocabulary", task.inputVocabulary().tokens());
      meta.put("target_vocabulary", task.targetVocabulary().tokens());
      AtomicFile.write(dir.resolve("task.json"), JSON.writeValueAsString(meta) + "\n");
      return new Summary(trainCount, testCount, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a group word problem in the layout of jopetty/word-problem: one file {@code
   * <G>=<k>.csv} per length of both ranges (see {@link WordProblemLayout}), {@code countPerLength}
   * rows each, plus {@code task.json}. Rows are drawn as in {@link #write} (train lengths from the
   * first split, test lengths from the second); the {@code seed} column is each row's seed. The
   * ranges must not overlap, since a length has one file.
   *
   * @param force write even when the estimated size is over {@link #MAX_BYTES}
   * @return the rows written per split
   */
  public static Summary writeWordProblem(Task task, Map<String, String> options, LengthRange train,
      LengthRange test, int countPerLength, long seed, Path dir, boolean force) {
    if (!(task instanceof GroupWordTask words) || words.finalOnly()) {
      throw new IllegalArgumentException("--layout word-problem needs a group word problem with "
          + "every position labelled (s5, a5, a4xz5, z60, perm, group; --label all), got "
          + task.name());
    }
    if (countPerLength < 1) {
      throw new IllegalArgumentException("--count must be at least 1, got " + countPerLength);
    }
    if (train.min() <= test.max() && test.min() <= train.max()) {
      throw new IllegalArgumentException("--layout word-problem writes one file per length, so "
          + "--train-lengths " + train + " and --test-lengths " + test + " must not overlap");
    }
    requireSize(task, train, test, countPerLength, false, force);
    FiniteGroup group = words.group();
    long started = System.currentTimeMillis();
    try {
      Files.createDirectories(dir);
      deleteStaleTemporaries(dir, started);
      SplittableRandom root = new SplittableRandom(seed);
      SplittableRandom trainRoot = root.split();
      SplittableRandom testRoot = root.split();
      long trainCount = 0;
      for (int n = train.min(); n <= train.max(); n++) {
        trainCount += writeWordProblemFile(words, n, countPerLength, trainRoot, dir);
      }
      long testCount = 0;
      for (int n = test.min(); n <= test.max(); n++) {
        testCount += writeWordProblemFile(words, n, countPerLength, testRoot, dir);
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("task", task.name());
      meta.put("options", options);
      meta.put("layout", "word-problem");
      meta.put("group", WordProblemLayout.groupName(group));
      meta.put("product", "last element applied first, as jopetty/word-problem");
      meta.put("seed", seed);
      meta.put("train_lengths", train.toString());
      meta.put("test_lengths", test.toString());
      meta.put("count_per_length", countPerLength);
      meta.put("elements", group.elements());
      AtomicFile.write(dir.resolve("task.json"), JSON.writeValueAsString(meta) + "\n");
      return new Summary(trainCount, testCount, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams the rows of one length to {@code <G>=<n>.csv}; the file appears once complete. */
  private static long writeWordProblemFile(GroupWordTask task, int n, int count,
      SplittableRandom root, Path dir) throws IOException {
    FiniteGroup group = task.group();
    Path file = dir.resolve(WordProblemLayout.fileName(group, n));
    Path tmp = temp(file);
    Vocabulary v = task.inputVocabulary();
    int[] input = new int[n];
    try {
      try (FileChannel ch = create(tmp); Writer w = writer(ch)) {
        w.write("seed,input,target\n");
        for (int i = 0; i < count; i++) {
          SeededSample s = SeededSample.next(task, n, root);
          for (int t = 0; t < n; t++) {
            input[t] = v.id(s.sample().input().get(t));
          }
          w.write(s.seed() + "," + ids(input) + ","
              + ids(WordProblemLayout.targets(group, input)) + "\n");
        }
        w.flush();
        ch.force(true);
      }
      commit(tmp, file);
      return count;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Streams one split to {@code name.jsonl} (and {@code name.csv}): samples in increasing length,
   * {@code count} per length; both files appear only once complete.
   */
  private static long writeSplit(Task task, LengthRange lengths, int count, SplittableRandom root,
      Path dir, String name, boolean csv) throws IOException {
    Path jsonl = dir.resolve(name + ".jsonl");
    Path table = dir.resolve(name + ".csv");
    Path jsonlTmp = temp(jsonl);
    Path tableTmp = csv ? temp(table) : null;
    long written = 0;
    try {
      try (FileChannel jc = create(jsonlTmp); FileChannel cc = csv ? create(tableTmp) : null;
          Writer j = writer(jc); Writer c = csv ? writer(cc) : null) {
        if (c != null) {
          c.write("seed,input,target\n");
        }
        for (int n = lengths.min(); n <= lengths.max(); n++) {
          for (int i = 0; i < count; i++) {
            SeededSample s = SeededSample.next(task, n, root);
            j.write(JSON.writeValueAsString(line(task, s.sample(), s.seed())));
            j.write('\n');
            if (c != null) {
              EncodedSample e = s.sample().encode(task.inputVocabulary(), task.targetVocabulary());
              c.write(s.seed() + "," + ids(e.inputIds()) + "," + ids(e.targetIds()) + "\n");
            }
            written++;
          }
        }
        j.flush();
        jc.force(true);
        if (c != null) {
          c.flush();
          cc.force(true);
        }
      }
      commit(jsonlTmp, jsonl);
      if (csv) {
        commit(tableTmp, table);
      }
      return written;
    } finally {
      Files.deleteIfExists(jsonlTmp);
      if (tableTmp != null) {
        Files.deleteIfExists(tableTmp);
      }
    }
  }

  /** The JSON line of one sample: task, length, input, target (and seed where given). */
  public static Map<String, Object> line(Task task, Sample s, Long seed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", task.name());
    m.put("length", s.length());
    m.put("input", s.input());
    m.put("target", s.target());
    if (seed != null) {
      m.put("seed", seed);
    }
    return m;
  }

  private static String ids(int[] ids) {
    var sb = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(ids[i]);
    }
    return sb.toString();
  }

  /** Refuses a length range whose longest sample would not fit in the heap. */
  public static void requireMemory(String what, LengthRange lengths) {
    MemoryEstimate.require(what, lengths.max() * MemoryEstimate.SAMPLE_BYTES_PER_POSITION);
  }

  /**
   * Refuses lengths whose samples would not fit in the heap, and an export of more than
   * {@link #MAX_BYTES} unless {@code force}.
   */
  private static void requireSize(Task task, LengthRange train, LengthRange test, int count,
      boolean csv, boolean force) {
    requireMemory("--train-lengths " + train, train);
    requireMemory("--test-lengths " + test, test);
    double bytes = estimateBytes(task, train, count, csv) + estimateBytes(task, test, count, csv);
    if (bytes > MAX_BYTES && !force) {
      throw new IllegalArgumentException("the export would write about "
          + MemoryEstimate.size(bytes) + " (--count " + count + " per length of " + train
          + " and " + test + "), over the " + MemoryEstimate.size(MAX_BYTES)
          + " limit (add --force to write it)");
    }
  }

  /**
   * The bytes a split would take: the JSON line of one sample at a short length, scaled by the
   * positions of every sample (doubled with the CSV table).
   */
  static double estimateBytes(Task task, LengthRange lengths, int count, boolean csv) {
    int probe = Math.min(lengths.max(), 64);
    SeededSample s = SeededSample.next(task, probe, new SplittableRandom(0));
    double perPosition = (double) JSON.writeValueAsString(line(task, s.sample(), s.seed()))
        .length() / probe;
    double positions = ((double) lengths.min() + lengths.max())
        * ((double) lengths.max() - lengths.min() + 1) / 2;
    return (csv ? 2 : 1) * perPosition * positions * count;
  }

  /** Deletes the temporary files an earlier, killed export left in {@code dir}. */
  private static void deleteStaleTemporaries(Path dir, long startedMillis) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (TEMP.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p,
            LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(p).toMillis() < startedMillis) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static Path temp(Path file) {
    return file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID()
        + AtomicFile.TEMP_SUFFIX);
  }

  private static FileChannel create(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  private static Writer writer(FileChannel channel) {
    return new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void commit(Path tmp, Path file) throws IOException {
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
