package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * {@code model export} against real PyTorch: {@code torch.load} of the mamba_ssm folder's
 * {@code pytorch_model.bin} gives every tensor bit for bit, the head sharing the embedding's
 * storage; the peer Mamba of torch_peer.py loads either folder's weights with {@code strict=True}
 * and computes ssmlab's logits; and transformers' own {@code MambaForCausalLM} loads the hf
 * folder where transformers is installed. Skipped without python3-torch.
 */
@Tag("slow")
final class ModelInteropTorchTest {

  private static final int[] TOKENS = {1, 0, 1, 1, 0, 1, 0};

  @TempDir Path dir;

  private Path train(String name, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--task", "parity", "--model", "mamba",
        "--d-model", "16", "--layers", "2", "--steps", "3", "--batch", "2", "--train-lengths",
        "2..6", "--no-progress", "--out", dir.resolve(name).toString()));
    args.addAll(List.of(extra));
    assertThat(MainTest.run(args.toArray(String[]::new)).code()).isZero();
    return dir.resolve(name);
  }

  private Path export(Path run, String format) {
    Path folder = dir.resolve(run.getFileName() + "-" + format);
    assertThat(MainTest.run("model", "export", "--run", run.toString(), "--format", format,
        "--out", folder.toString()).code()).isZero();
    return folder;
  }

  private static double relativeError(JsonNode torch, SequenceModel model) {
    float[] logits = model.forward(TOKENS, 1, TOKENS.length);
    int v = model.vocabSize();
    double max = 0;
    double err = 0;
    for (int t = 0; t < TOKENS.length; t++) {
      for (int k = 0; k < v; k++) {
        double w = torch.get("logits").get(t).get(k).asDouble();
        max = Math.max(max, Math.abs(w));
        err = Math.max(err, Math.abs(w - logits[t * v + k]));
      }
    }
    return err / max;
  }

  @Test
  void mambaSsmExport_loadsInTorch_bitForBit_andGivesTheSameLogits() throws Exception {
    for (Path run : List.of(train("plain"), train("signed", "--eigenvalues", "-1,1"))) {
      Path folder = export(run, "mamba_ssm");
      SequenceModel model = RunFolder.load(run).model();
      JsonNode loaded = TorchPython.run("load", folder.resolve("pytorch_model.bin").toString());
      Map<String, FloatTensor> want = ForeignMamba.tensorsOf(model);
      assertThat(loaded.get("tensors")).hasSize(want.size());
      for (JsonNode t : loaded.get("tensors")) {
        assertThat(t.get("sha256").asString()).as(t.get("name").asString())
            .isEqualTo(TorchPython.sha256(want.get(t.get("name").asString())));
      }
      assertThat(loaded.get("shared").toString())
          .isEqualTo("[[\"backbone.embedding.weight\",\"lm_head.weight\"]]");
      JsonNode torch = TorchPython.run("forward", folder.toString(), "1 0 1 1 0 1 0");
      assertThat(relativeError(torch, model)).as(run.toString()).isLessThan(1e-4);
    }
  }

  @Test
  void hfExport_loadsStrictlyUnderTransformersNames_andGivesTheSameLogits() throws Exception {
    Path run = train("plain");
    JsonNode torch = TorchPython.run("forward-hf", export(run, "hf").toString(),
        "1 0 1 1 0 1 0");
    assertThat(relativeError(torch, RunFolder.load(run).model())).isLessThan(1e-4);
  }

  @Test
  void hfExport_loadsInTransformersOwnMamba_whereInstalled() throws Exception {
    Path run = train("plain");
    JsonNode torch = TorchPython.run("forward-transformers", export(run, "hf").toString(),
        "1 0 1 1 0 1 0");
    assumeTrue(!torch.has("skipped"), "transformers is not installed");
    assertThat(relativeError(torch, RunFolder.load(run).model())).isLessThan(1e-4);
  }
}
