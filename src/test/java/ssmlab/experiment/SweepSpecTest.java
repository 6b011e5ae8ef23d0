package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.tasks.LengthRange;

final class SweepSpecTest {

  @Test
  void expand_grid_isProductOfAxes() {
    List<Run> runs = Specs.grid().expand();
    // 2 tasks x 3 models x 2 layers x 1 width x 1 train range x 2 seeds
    assertThat(runs).hasSize(24);
    assertThat(runs.stream().map(Run::id).distinct()).hasSize(24);
    RunSpec first = runs.getFirst().spec();
    assertThat(first.task()).isEqualTo("parity");
    assertThat(first.label()).isEqualTo("mamba[0,1]");
    assertThat(first.layers()).isEqualTo(1);
    assertThat(first.dModel()).isEqualTo(8);
    assertThat(first.modelOptions()).containsEntry("d_state", 4);
    assertThat(first.trainLengths()).isEqualTo(new LengthRange(3, 10));
    assertThat(first.testLengths()).containsExactly(10, 20, 40);
    assertThat(first.trainOptions()).containsEntry("warmup", 5);
  }

  @Test
  void expand_modelOptionsAreResolved_soDefaultsWrittenOutAreTheSameRuns() {
    String explicit = Specs.GRID.replace("options: {eigenvalues: [0, 1], d_state: 4}",
        "options: {eigenvalues: '0,1', d_state: 4, d_conv: 4, expand: 2, discretization: mamba}")
        .replace("- transformer\n", "- {name: transformer, model: transformer, options: "
            + "{heads: 4, pos: rope}}\n");
    assertThat(SweepSpecs.parseYaml(explicit).expand().stream().map(Run::id).toList())
        .isEqualTo(Specs.grid().expand().stream().map(Run::id).toList());
    assertThat(Specs.grid().expand().getFirst().spec().modelOptions())
        .containsEntry("dt_rank", 1).containsEntry("discretization", "mamba");
  }

  @Test
  void expand_anOptionTheFamilyLacks_isRefusedBeforeAnyRun() {
    String bad = Specs.GRID.replace("- transformer\n",
        "- {name: lstm, model: lstm, options: {eigenvalues: '-1,1'}}\n");
    assertThatThrownBy(() -> SweepSpecs.parseYaml(bad).expand())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lstm: unknown option 'eigenvalues'");
  }

  @Test
  void expand_anEntrysOwnLayers_replaceTheSweepsForThatEntryOnly() {
    String own = Specs.GRID.replace("- transformer\n",
        "- {name: transformer, model: transformer, layers: [3]}\n");
    List<Run> runs = SweepSpecs.parseYaml(own).expand();

    // the mambas keep layers 1 and 2 (2 tasks x 2 models x 2 layers x 2 seeds), the transformer
    // has layer 3 only (2 tasks x 2 seeds)
    assertThat(runs).hasSize(20);
    assertThat(runs.stream().map(Run::spec).filter(s -> s.label().equals("transformer"))
        .map(RunSpec::layers).distinct().toList()).containsExactly(3);
    assertThat(runs.stream().map(Run::spec).filter(s -> s.model().equals("mamba"))
        .map(RunSpec::layers).distinct().toList()).containsExactly(1, 2);
  }

  @Test
  void entryLayers_absent_leaveTheSpecHashAsBefore_soOldFoldersStillMatch() throws Exception {
    String json = Canonical.json(Specs.grid());
    assertThat(json).doesNotContain("\"layers\":null");
    assertThatThrownBy(() -> SweepSpecs.parseYaml(Specs.GRID.replace("- transformer\n",
        "- {name: transformer, model: transformer, layers: []}\n")))
        .hasMessageContaining("empty 'layers' list");
  }

  @Test
  void expand_taskLengths_overrideSweepLengths() {
    RunSpec word = Specs.grid().expand().stream().map(Run::spec)
        .filter(s -> s.task().equals("word-s3")).findFirst().orElseThrow();
    assertThat(word.trainLengths()).isEqualTo(new LengthRange(8, 8));
    assertThat(word.testLengths()).containsExactly(8, 16, 32);
    assertThat(word.taskOptions()).containsEntry("group", "S3");
  }

  @Test
  void read_jsonAndYaml_giveSameSpec(@TempDir Path dir) throws Exception {
    SweepSpec fromYaml = Specs.grid();
    Path json = dir.resolve("grid.json");
    Files.writeString(json, Canonical.json(fromYaml));
    Path yaml = dir.resolve("grid.yaml");
    Files.writeString(yaml, Specs.GRID);

    assertThat(SweepSpecs.read(json)).isEqualTo(fromYaml);
    assertThat(SweepSpecs.read(yaml).hash()).isEqualTo(fromYaml.hash());
  }

  @Test
  void read_camelCaseLengths_areTheSameSpec() {
    String camel = Specs.GRID.replace("train_lengths:", "trainLengths:")
        .replace("test_lengths:", "testLengths:");
    assertThat(camel).contains("trainLengths:", "testLengths:").doesNotContain("_lengths");
    assertThat(SweepSpecs.parseYaml(camel)).isEqualTo(Specs.grid());
    assertThat(SweepSpecs.parseYaml(camel).hash()).isEqualTo(Specs.grid().hash());
  }

  // Binding would keep one spelling silently, as it would one of two repeated keys.
  @Test
  void read_keyInBothSpellings_isRefusedAsDuplicate() {
    String top = Specs.GRID + "testLengths: [10]\n";
    String task = Specs.GRID.replace("  test_lengths: [8, 16, 32]",
        "  test_lengths: [8, 16, 32]\n    testLengths: [8]");
    assertThat(task).contains("testLengths: [8]");
    assertThatThrownBy(() -> SweepSpecs.parseYaml(top))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sweep spec: duplicate key: 'test_lengths' and 'testLengths' are one key; "
            + "give it once");
    assertThatThrownBy(() -> SweepSpecs.parseYaml(task))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tasks[1]: duplicate key: 'test_lengths' and 'testLengths'");
  }

  @Test
  void read_unknownKey_isOneLineError() {
    assertThatThrownBy(() -> SweepSpecs.parseYaml(Specs.GRID + "sedes: [1]\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sedes");
  }

  @Test
  void read_badInput_saysWhat() {
    assertThatThrownBy(() -> SweepSpecs.parseYaml(Specs.GRID.replace("seeds: [1, 2]", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seeds");
    assertThatThrownBy(() -> SweepSpecs.parseYaml(Specs.GRID.replace("\"3-10\"", "\"10-3\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10..3");
    assertThatThrownBy(() -> SweepSpecs.parseYaml(Specs.GRID.replace("seeds: [1, 2]",
        "seeds: [1, 1]"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> SweepSpecs.parseYaml(Specs.GRID.replace("- transformer",
        "- mamba[0,1]"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SweepSpecs.parseYaml("- just a list"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping");
  }

  @Test
  void read_wrongExtension_isRefused(@TempDir Path dir) throws Exception {
    Path txt = Files.writeString(dir.resolve("grid.txt"), Specs.GRID);
    assertThatThrownBy(() -> SweepSpecs.read(txt)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".yaml");
  }
}
