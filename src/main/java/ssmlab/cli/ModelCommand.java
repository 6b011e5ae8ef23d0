package ssmlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ssmlab model}: commands on one model checkpoint. */
@Command(
    name = "model",
    description = "Commands on a model checkpoint.",
    mixinStandardHelpOptions = true,
    subcommands = {ModelForward.class, ModelForms.class})
final class ModelCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
