package ssmlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ssmlab model}: the model registry, and commands on one model checkpoint. */
@Command(
    name = "model",
    description = "The model families, and commands on a model checkpoint.",
    mixinStandardHelpOptions = true,
    subcommands = {ModelList.class, ModelForward.class, ModelForms.class, ModelExport.class,
      ModelImport.class})
final class ModelCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
