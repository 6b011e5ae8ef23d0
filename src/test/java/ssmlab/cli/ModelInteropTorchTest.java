package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.io.FloatTensor;
import ssmlab.io.TorchPython;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.ForeignMamba;
import ssmlab.train.RunFolder;
import tools.jackson.databind.JsonNode;

/**
 * {@code model export --format mamba_ssm} against real PyTorch: {@code torch.load} gives every
 * tensor bit for bit with the head sharing the embedding's storage, and the peer Mamba of
 * torch_peer.py loads the state dict with {@code strict=True} and computes ssmlab's logits.
 * Skipped without python3-torch.
 */
@Tag("slow")
final class ModelInteropTorchTest {

  @TempDir Path dir;

  @Test
  void exportedPytorchModelBin_loadsInTorch_andGivesTheSameLogits() throws Exception {
    for (String[] variant : new String[][] {{"plain"}, {"signed", "--eigenvalues", "-1,1"}}) {
      String[] train = {"train", "--task", "parity", "--model", "mamba", "--d-model", "16",
          "--layers", "2", "--steps", "3", "--batch", "2", "--train-lengths", "2..6",
          "--no-progress", "--out", dir.resolve(variant[0]).toString()};
      String[] extra = java.util.Arrays.copyOfRange(variant, 1, variant.length);
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(train),
          java.util.Arrays.stream(extra)).toArray(String[]::new);
      assertThat(MainTest.run(args).code()).isZero();
      Path folder = dir.resolve(variant[0] + "-ssm");
      assertThat(MainTest.run("model", "export", "--run", dir.resolve(variant[0]).toString(),
          "--format", "mamba_ssm", "--out", folder.toString()).code()).isZero();
      SequenceModel model = RunFolder.load(dir.resolve(variant[0])).model();

      JsonNode loaded = TorchPython.run("load", folder.resolve("pytorch_model.bin").toString());
      Map<String, FloatTensor> want = ForeignMamba.tensorsOf(model);
      assertThat(loaded.get("tensors")).hasSize(want.size());
      for (JsonNode t : loaded.get("tensors")) {
        assertThat(t.get("sha256").asString()).as(t.get("name").asString())
            .isEqualTo(TorchPython.sha256(want.get(t.get("name").asString())));
      }
      assertThat(loaded.get("shared").toString())
          .isEqualTo("[[\"backbone.embedding.weight\",\"lm_head.weight\"]]");

      int[] tokens = {1, 0, 1, 1, 0, 1, 0};
      float[] logits = model.forward(tokens, 1, tokens.length);
      JsonNode torch = TorchPython.run("forward", folder.toString(), "1 0 1 1 0 1 0");
      double max = 0;
      double err = 0;
      int v = model.vocabSize();
      for (int t = 0; t < tokens.length; t++) {
        for (int k = 0; k < v; k++) {
          double w = torch.get("logits").get(t).get(k).asDouble();
          max = Math.max(max, Math.abs(w));
          err = Math.max(err, Math.abs(w - logits[t * v + k]));
        }
      }
      assertThat(err / max).as(variant[0]).isLessThan(1e-4);
    }
  }
}
