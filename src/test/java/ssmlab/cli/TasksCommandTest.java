package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;
import tools.jackson.databind.JsonNode;

final class TasksCommandTest {

  @Test
  void list_namesEveryTaskWithItsClass() {
    MainTest.Result r = MainTest.run("tasks", "list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("s5-identity").contains("NC1-complete").contains("lis-cot")
        .contains("star-free");
  }

  @Test
  void list_formatJson_oneObjectPerTaskWithItsOptions() throws Exception {
    MainTest.Result text = MainTest.run("tasks", "list");
    MainTest.Result json = MainTest.run("tasks", "list", "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    List<String> lines = json.out().strip().lines().toList();
    assertThat(lines).hasSameSizeAs(text.out().strip().lines().toList());
    var s5 = lines.stream().map(l -> Json.MAPPER.readTree(l))
        .filter(n -> n.get("name").asString().equals("s5")).findFirst().orElseThrow();
    assertThat(s5.get("class").asString()).isEqualTo("NC1-complete");
    assertThat(s5.get("options").get(0).get("name").asString()).isEqualTo("label");
    assertThat(MainTest.run("tasks", "list", "--format", "yaml").code()).isEqualTo(2);
  }

  @Test
  void sample_everyCatalogOption_isAnOption() {
    // each task option of the catalog (tasks list) can be given on the command line
    for (var spec : TaskRegistry.specs()) {
      for (var param : spec.params()) {
        MainTest.Result r = MainTest.run("tasks", "sample", "--task", spec.name(), "--length", "9",
            "--count", "1", "--" + param.name(), param.defaultValue());
        assertThat(r.code()).as(spec.name() + " --" + param.name() + ": " + r.err()).isZero();
      }
    }
  }

  @Test
  void sample_lisCotWithoutChainOfThought_labelsOnlyTheAnswer() {
    MainTest.Result r = MainTest.run("tasks", "sample", "--task", "lis-cot", "--cot", "false",
        "--length", "9", "--count", "1", "--seed", "1");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode s = Json.MAPPER.readTree(r.out().strip());
    long labelled = 0;
    for (JsonNode t : s.get("target")) {
      labelled += t.isNull() ? 0 : 1;
    }
    assertThat(labelled).isEqualTo(1);
  }

  @Test
  void sample_printsOneJsonLinePerSample() {
    MainTest.Result r = MainTest.run("tasks", "sample", "--task", "s5", "--length", "6",
        "--count", "3", "--seed", "4");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().strip().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = Json.MAPPER.readTree(lines.getFirst());
    assertThat(first.get("task").asString()).isEqualTo("s5");
    assertThat(first.get("length").asInt()).isEqualTo(6);
    assertThat(first.get("input").size()).isEqualTo(6);
    assertThat(first.get("target").size()).isEqualTo(6);
    assertThat(first.get("target").get(0).asString())
        .isEqualTo(first.get("input").get(0).asString());
  }

  @Test
  void sample_sameSeed_sameOutput() {
    String[] args = {"tasks", "sample", "--task", "bfvp", "--length", "5..30", "--count", "5",
        "--seed", "9", "--form", "prefix"};
    assertThat(MainTest.run(args).out()).isEqualTo(MainTest.run(args).out());
  }

  @Test
  void sample_finalLabel_writesNullElsewhere() {
    MainTest.Result r = MainTest.run("tasks", "sample", "--task", "parity", "--length", "3",
        "--label", "final");
    assertThat(r.out()).contains("\"target\":[null,null,");
  }

  @Test
  void sample_badInput_isOneLineAndExitTwo() {
    for (String[] args : List.of(
        new String[] {"tasks", "sample", "--task", "nope", "--length", "5"},
        new String[] {"tasks", "sample", "--task", "s5", "--length", "0"},
        new String[] {"tasks", "sample", "--task", "modcount", "--m", "1", "--length", "5"},
        new String[] {"tasks", "sample", "--task", "group", "--group", "Q8", "--length", "5"},
        new String[] {"tasks", "sample", "--task", "parity", "--k", "3", "--length", "5"})) {
      MainTest.Result r = MainTest.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("ssmlab: ");
    }
  }

  @Test
  void export_groupTask_writesJsonLinesCsvAndMetadata(@TempDir Path dir) throws Exception {
    MainTest.Result r = MainTest.run("tasks", "export", "--task", "a5", "--train-lengths",
        "2..4", "--test-lengths", "5..6", "--count", "3", "--seed", "1", "--out",
        dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("train.jsonl"))).hasSize(9);
    assertThat(Files.readAllLines(dir.resolve("test.jsonl"))).hasSize(6);
    List<String> csv = Files.readAllLines(dir.resolve("train.csv"));
    assertThat(csv.getFirst()).isEqualTo("seed,input,target");
    assertThat(csv).hasSize(10);
    String[] row = csv.get(1).split(",");
    assertThat(row[1].split(" ")).hasSize(2);
    assertThat(row[2].split(" ")[0]).isEqualTo(row[1].split(" ")[0]);
    JsonNode meta = Json.MAPPER.readTree(Files.readString(dir.resolve("task.json")));
    assertThat(meta.get("input_vocabulary").size()).isEqualTo(60);
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void export_isDeterministic(@TempDir Path dir) throws Exception {
    String[] args = {"tasks", "export", "--task", "dyck1", "--train-lengths", "2..8",
        "--test-lengths", "9..12", "--count", "2", "--seed", "5", "--out", ""};
    args[args.length - 1] = dir.resolve("a").toString();
    MainTest.run(args);
    args[args.length - 1] = dir.resolve("b").toString();
    MainTest.run(args);
    assertThat(Files.readString(dir.resolve("a/test.jsonl")))
        .isEqualTo(Files.readString(dir.resolve("b/test.jsonl")));
    assertThat(Files.exists(dir.resolve("a/train.csv"))).isFalse();
  }

  // jopetty/word-problem's layout: one <G>=<k>.csv per length, their header, and targets that
  // apply the last element first, i.e. our product of the reversed prefix.
  @Test
  void export_wordProblemLayout_oneFilePerLengthInTheirOrder(@TempDir Path dir) throws Exception {
    for (String[] c : List.of(new String[] {"a5", "A5"}, new String[] {"a4xz5", "A4_x_Z5"})) {
      Path out = dir.resolve(c[0]);
      // a temporary file that a killed export left is deleted by the next one
      Path stale = out.resolve("." + c[1] + "=2.csv.0123.tmp");
      Files.createDirectories(out);
      Files.writeString(stale, "seed,input,target\n");
      Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(0));
      MainTest.Result r = MainTest.run("tasks", "export", "--task", c[0], "--layout",
          "word-problem", "--train-lengths", "2..3", "--test-lengths", "5", "--count", "4",
          "--seed", "3", "--out", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      try (var files = Files.list(out)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
            c[1] + "=2.csv", c[1] + "=3.csv", c[1] + "=5.csv", "task.json");
      }
      Task task = TaskRegistry.create(c[0]);
      for (int n : new int[] {2, 3, 5}) {
        List<String> lines = Files.readAllLines(out.resolve(c[1] + "=" + n + ".csv"));
        assertThat(lines.getFirst()).isEqualTo("seed,input,target");
        assertThat(lines).hasSize(5);
        for (String line : lines.subList(1, lines.size())) {
          String[] row = line.split(",");
          List<String> input = Arrays.stream(row[1].split(" "))
              .map(id -> task.inputVocabulary().token(Integer.parseInt(id))).toList();
          assertThat(input).hasSize(n);
          assertThat(task.sample(n, new SplittableRandom(Long.parseLong(row[0]))).input())
              .isEqualTo(input);
          String[] target = row[2].split(" ");
          for (int i = 0; i < n; i++) {
            List<String> reversed = new ArrayList<>(input.subList(0, i + 1));
            Collections.reverse(reversed);
            assertThat(task.targetVocabulary().token(Integer.parseInt(target[i])))
                .as(line).isEqualTo(task.solve(reversed).getLast());
          }
        }
      }
    }
  }

  @Test
  void export_badLayout_isOneLineAndExitTwo(@TempDir Path dir) {
    String out = dir.toString();
    for (String[] args : List.of(
        new String[] {"tasks", "export", "--task", "a5", "--layout", "jsonl", "--train-lengths",
            "2", "--test-lengths", "3", "--out", out},
        new String[] {"tasks", "export", "--task", "parity", "--layout", "word-problem",
            "--train-lengths", "2", "--test-lengths", "3", "--out", out},
        new String[] {"tasks", "export", "--task", "a5", "--label", "final", "--layout",
            "word-problem", "--train-lengths", "2", "--test-lengths", "3", "--out", out},
        new String[] {"tasks", "export", "--task", "a5", "--layout", "word-problem",
            "--train-lengths", "2..4", "--test-lengths", "4..6", "--out", out})) {
      MainTest.Result r = MainTest.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("ssmlab: ");
    }
  }
}
