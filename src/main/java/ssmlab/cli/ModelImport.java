package ssmlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.ForeignMamba;
import ssmlab.model.mamba.HfMambaFolder;
import ssmlab.model.mamba.MambaSsmFolder;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;
import ssmlab.train.RunFolder;
import ssmlab.train.Trainer;

/** {@code ssmlab model import}: a mamba_ssm or Hugging Face model folder as a run folder. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {"Reads a Mamba model folder into a run folder for a task, which eval, "
        + "model forward and circuit model accept.",
      "mamba_ssm: config.json (+ ssmlab.json), pytorch_model.bin or model.safetensors.",
      "hf (transformers): config.json, model.safetensors or pytorch_model.bin."},
    footer = {"", "Example:",
      "  ssmlab model import --format hf --from parity-hf --task parity --out runs/p2"})
final class ModelImport implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "mamba_ssm|hf",
      description = "mamba_ssm (MambaLMHeadModel) or hf (transformers' MambaForCausalLM)")
  String format;

  @Option(names = "--from", required = true, paramLabel = "DIR", description = "the model folder")
  Path from;

  @Option(names = "--task", required = true, paramLabel = "T",
      description = "the task the run is for (ssmlab tasks list)")
  String task;

  @Mixin TaskOptionsMixin taskOptions;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the run folder")
  Path out;

  static void checkFormat(String format) {
    if (!format.equals("mamba_ssm") && !format.equals("hf")) {
      throw new IllegalArgumentException("--format must be mamba_ssm or hf, got '" + format + "'");
    }
  }

  @Override
  public Integer call() {
    checkFormat(format);
    if (Files.exists(out.resolve(RunFolder.RUN))) {
      throw new IllegalArgumentException(out + " already holds a run; choose another --out");
    }
    Map<String, String> options = taskOptions.asMap();
    Task t = TaskRegistry.create(task, options);
    ForeignMamba foreign = format.equals("hf") ? HfMambaFolder.read(from)
        : MambaSsmFolder.read(from);
    SequenceModel model = foreign.toModel();
    int needed = Trainer.modelVocabulary(t);
    if (needed > model.vocabSize()) {
      throw new IllegalArgumentException("task " + t.name() + " needs a vocabulary of " + needed
          + " tokens; the model has " + model.vocabSize());
    }
    RunFolder.save(out, model, new RunFolder.RunInfo(t.name(), options, model.config(), null));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("out", out.toString());
    result.put("task", t.name());
    result.put("model", model.config());
    result.put("parameters", model.parameterCount());
    spec.commandLine().getOut().println(Json.write(result));
    return 0;
  }
}
