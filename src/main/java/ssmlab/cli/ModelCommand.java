package ssmlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ssmlab model}: the model registry, and commands on one model checkpoint. */
@Command(
    name = "model",
    description = "The model families, and commands on a model checkpoint.",
    mixinStandardHelpOptions = true,
    footer = {"", "Examples:", "  ssmlab model list",
      "  ssmlab model forward --checkpoint src/test/resources/ssmlab/model/mamba/golden/d16-l2 "
          + "--tokens \"3 1 4 1\""},
    subcommands = {ModelList.class, ModelForward.class, ModelForms.class, ModelExport.class,
      ModelImport.class})
final class ModelCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
