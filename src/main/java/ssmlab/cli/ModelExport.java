package ssmlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.ForeignMamba;
import ssmlab.model.mamba.HfMambaFolder;
import ssmlab.model.mamba.MambaConfig;
import ssmlab.model.mamba.MambaLM;
import ssmlab.model.mamba.MambaSsmFolder;
import ssmlab.model.mamba.SsmlabSettings;
import ssmlab.train.RunFolder;

/** {@code ssmlab model export}: a Mamba run folder as mamba_ssm or Hugging Face load it. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {"Writes a trained Mamba run as a model folder for mamba_ssm or transformers.",
      "mamba_ssm (MambaLMHeadModel.from_pretrained): config.json, pytorch_model.bin, and "
          + "ssmlab.json for the settings mamba_ssm has no key for.",
      "hf (transformers' MambaForCausalLM): config.json, model.safetensors; eigenvalues -1,1 "
          + "and zoh are refused unless --force."},
    footer = {"", "Example:",
      "  ssmlab model export --run runs/parity --format mamba_ssm --out parity-ssm"})
final class ModelExport implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--run", required = true, paramLabel = "DIR",
      description = "a run folder of family mamba (from 'ssmlab train')")
  Path run;

  @Option(names = "--format", required = true, paramLabel = "mamba_ssm|hf",
      description = "mamba_ssm (MambaLMHeadModel) or hf (transformers' MambaForCausalLM)")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the model folder")
  Path out;

  @Option(names = "--force", description = "hf: write a model with eigenvalues -1,1 or zoh "
      + "anyway (transformers computes it as 0,1 and mamba), recording them under \"ssmlab\"")
  boolean force;

  @Override
  public Integer call() {
    ModelImport.checkFormat(format);
    RunFolder.Loaded loaded = RunFolder.load(run);
    String family = loaded.model().config().family();
    if (!family.equals("mamba")) {
      throw new IllegalArgumentException("run " + run + " is of family " + family + "; only mamba "
          + "runs export to mamba_ssm or hf");
    }
    if (Files.exists(out.resolve("config.json"))) {
      throw new IllegalArgumentException(out + " already holds a config.json; choose another "
          + "--out");
    }
    SequenceModel model = loaded.model();
    MambaConfig config = MambaLM.fromModelConfig(model.config());
    Map<String, Object> extra = format.equals("hf") ? HfMambaFolder.inexpressible(config)
        : SsmlabSettings.of(config).nonDefault();
    List<String> files = format.equals("hf")
        ? HfMambaFolder.write(out, config, ForeignMamba.tensorsOf(model), force)
        : MambaSsmFolder.write(out, config, ForeignMamba.tensorsOf(model));
    if (format.equals("mamba_ssm") && !extra.isEmpty()) {
      spec.commandLine().getErr().println("ssmlab: note: mamba_ssm computes this model with "
          + "its own settings; " + SsmlabSettings.FILE + " records " + extra);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("out", out.toString());
    result.put("format", format);
    result.put("files", files);
    result.put("ssmlab_only", extra);
    spec.commandLine().getOut().println(Json.write(result));
    return 0;
  }
}
