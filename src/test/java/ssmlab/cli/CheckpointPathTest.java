package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import ssmlab.cli.MainTest.Result;

/** {@code --checkpoint} takes a folder or the weights file in it, in every command. */
final class CheckpointPathTest {
  private static final Path GOLDEN = Path.of("src/test/resources/ssmlab/model/mamba/golden/d16-l2");

  @Test
  void modelForward_folderOrFile_giveTheSameLogits() {
    Result folder = MainTest.run("model", "forward", "--checkpoint", GOLDEN.toString(),
        "--tokens", "3 1 4 1");
    Result file = MainTest.run("model", "forward", "--checkpoint",
        GOLDEN.resolve("model.safetensors").toString(), "--tokens", "3 1 4 1");
    Result both = MainTest.run("model", "forward", "--checkpoint",
        GOLDEN.resolve("model.safetensors").toString(), "--config",
        GOLDEN.resolve("config.json").toString(), "--tokens", "3 1 4 1");
    assertThat(folder.code()).as(folder.err()).isZero();
    assertThat(folder.out()).startsWith("{\"logits\":[[").isEqualTo(file.out())
        .isEqualTo(both.out());
  }

  @Test
  void aFileStandsForItsFolder() {
    Path weights = GOLDEN.resolve("model.safetensors");
    assertThat(CheckpointPath.folder(weights)).isEqualTo(GOLDEN.toAbsolutePath());
    assertThat(CheckpointPath.folder(GOLDEN)).isEqualTo(GOLDEN);
    assertThat(CheckpointPath.weights(GOLDEN)).isEqualTo(weights);
    assertThat(CheckpointPath.config(weights, null))
        .isEqualTo(GOLDEN.toAbsolutePath().resolve("config.json"));
  }
}
