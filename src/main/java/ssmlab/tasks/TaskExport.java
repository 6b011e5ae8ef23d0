package ssmlab.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes train and test splits of a task to a directory: {@code train.jsonl}, {@code
 * test.jsonl} (one sample per line), {@code task.json} (name, options, vocabularies, lengths,
 * seed) and, for group word problems, {@code train.csv} and {@code test.csv} in the
 * {@code seed,input,target} layout of the word-problem literature (vocabulary ids, space
 * separated). Each file is written to a temporary file and renamed.
 */
public final class TaskExport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TaskExport() {}

  /** What an export wrote: samples per split. */
  public record Summary(int train, int test, boolean csv) {}

  /**
   * Writes {@code countPerLength} samples for every length of each range; train draws from the
   * first {@code split()} of {@code new SplittableRandom(seed)}, test from the second.
   */
  public static Summary write(Task task, Map<String, String> options, LengthRange train,
      LengthRange test, int countPerLength, long seed, Path dir) {
    if (countPerLength < 1) {
      throw new IllegalArgumentException("--count must be at least 1, got " + countPerLength);
    }
    try {
      Files.createDirectories(dir);
      SplittableRandom root = new SplittableRandom(seed);
      SplittableRandom trainRoot = root.split();
      SplittableRandom testRoot = root.split();
      boolean csv = task instanceof GroupWordTask;
      int trainCount = writeSplit(task, train, countPerLength, trainRoot, dir, "train", csv);
      int testCount = writeSplit(task, test, countPerLength, testRoot, dir, "test", csv);
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
      Path tmp = temp(dir.resolve("task.json"));
      Files.writeString(tmp, JSON.writeValueAsString(meta) + "\n", StandardCharsets.UTF_8);
      commit(tmp, dir.resolve("task.json"));
      return new Summary(trainCount, testCount, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Streams one split to {@code name.jsonl} (and {@code name.csv}): samples in increasing length,
   * {@code count} per length; both files appear only once complete.
   */
  private static int writeSplit(Task task, LengthRange lengths, int count, SplittableRandom root,
      Path dir, String name, boolean csv) throws IOException {
    Path jsonl = dir.resolve(name + ".jsonl");
    Path table = dir.resolve(name + ".csv");
    Path jsonlTmp = temp(jsonl);
    Path tableTmp = csv ? temp(table) : null;
    int written = 0;
    try {
      try (Writer j = Files.newBufferedWriter(jsonlTmp, StandardCharsets.UTF_8);
          Writer c = csv ? Files.newBufferedWriter(tableTmp, StandardCharsets.UTF_8) : null) {
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

  private static Path temp(Path file) throws IOException {
    return Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".",
        ".tmp");
  }

  private static void commit(Path tmp, Path file) throws IOException {
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
