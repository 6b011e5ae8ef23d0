package ssmlab.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
      List<SeededSample> trainSamples = draw(task, train, countPerLength, trainRoot);
      List<SeededSample> testSamples = draw(task, test, countPerLength, testRoot);
      boolean csv = task instanceof GroupWordTask;
      writeJsonl(task, trainSamples, dir.resolve("train.jsonl"));
      writeJsonl(task, testSamples, dir.resolve("test.jsonl"));
      if (csv) {
        writeCsv(task, trainSamples, dir.resolve("train.csv"));
        writeCsv(task, testSamples, dir.resolve("test.csv"));
      }
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
      atomicWrite(dir.resolve("task.json"), w -> w.write(JSON.writeValueAsString(meta) + "\n"));
      return new Summary(trainSamples.size(), testSamples.size(), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static List<SeededSample> draw(Task task, LengthRange lengths, int count,
      SplittableRandom root) {
    List<SeededSample> out = new ArrayList<>();
    for (int n = lengths.min(); n <= lengths.max(); n++) {
      for (int i = 0; i < count; i++) {
        out.add(SeededSample.next(task, n, root));
      }
    }
    return out;
  }

  private static void writeJsonl(Task task, List<SeededSample> samples, Path file)
      throws IOException {
    atomicWrite(file, w -> {
      for (SeededSample s : samples) {
        w.write(JSON.writeValueAsString(line(task, s.sample(), s.seed())));
        w.write('\n');
      }
    });
  }

  private static void writeCsv(Task task, List<SeededSample> samples, Path file)
      throws IOException {
    atomicWrite(file, w -> {
      w.write("seed,input,target\n");
      for (SeededSample s : samples) {
        EncodedSample e = s.sample().encode(task.inputVocabulary(), task.targetVocabulary());
        w.write(s.seed() + "," + ids(e.inputIds()) + "," + ids(e.targetIds()) + "\n");
      }
    });
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

  private interface Body {
    void write(Writer w) throws IOException;
  }

  private static void atomicWrite(Path file, Body body) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".",
        ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(w);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
