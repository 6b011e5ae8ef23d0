package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ssmlab.cli.MainTest.Result;

/** The tiny trained Mamba the circuit commands' tests compile: d_model 2, d_state 1, d_conv 2. */
final class TinyMamba {
  private TinyMamba() {}

  /** Trains it for 20 steps on flip-flop into {@code dir}/tiny; returns the run folder. */
  static Path train(Path dir) {
    Path run = dir.resolve("tiny");
    Result t = MainTest.run("train", "--task", "flipflop", "--model", "mamba", "--d-model", "2",
        "--layers", "1", "--d-state", "1", "--model-option", "d_conv=2", "--steps", "20",
        "--batch", "4", "--train-lengths", "2..8", "--no-progress", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    return run;
  }
}
