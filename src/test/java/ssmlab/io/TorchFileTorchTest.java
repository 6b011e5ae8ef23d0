package ssmlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** {@link TorchFile} against real PyTorch, both ways, bit for bit; skipped without it. */
@Tag("slow")
final class TorchFileTorchTest {

  @TempDir Path dir;

  @Test
  void ourFile_loadsInTorch_bitForBit_withTheTiedStorageShared() throws Exception {
    Map<String, FloatTensor> want = TorchFileTest.sample();
    TorchFile.write(dir.resolve("pytorch_model.bin"), want);
    JsonNode got = TorchPython.run("load", dir.resolve("pytorch_model.bin").toString());
    assertThat(got.get("tensors")).hasSize(want.size());
    for (JsonNode t : got.get("tensors")) {
      FloatTensor w = want.get(t.get("name").asString());
      assertThat(t.get("dtype").asString()).isEqualTo("float32");
      assertThat(t.get("shape").valueStream().mapToInt(JsonNode::asInt).toArray())
          .isEqualTo(w.shape());
      assertThat(t.get("sha256").asString()).as(t.get("name").asString())
          .isEqualTo(TorchPython.sha256(w));
    }
    assertThat(got.get("shared").toString())
        .isEqualTo("[[\"backbone.embedding.weight\",\"lm_head.weight\"]]");
  }

  @Test
  void torchSave_ofViewsDtypesAndParameters_readsBitForBit() throws Exception {
    JsonNode want = TorchPython.run("save", dir.resolve("torch.bin").toString());
    Map<String, FloatTensor> got = TorchFile.read(dir.resolve("torch.bin"));
    assertThat(got.keySet()).containsExactlyElementsOf(
        want.get("tensors").valueStream().map(t -> t.get("name").asString()).toList());
    for (JsonNode t : want.get("tensors")) {
      FloatTensor g = got.get(t.get("name").asString());
      assertThat(g.shape()).isEqualTo(
          t.get("shape").valueStream().mapToInt(JsonNode::asInt).toArray());
      assertThat(TorchPython.sha256(g)).as(t.get("name").asString())
          .isEqualTo(t.get("sha256").asString());
    }
    assertThat(want.get("shared").toString()).contains("base").contains("tied");
  }
}
