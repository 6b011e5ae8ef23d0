package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ssmlab.tasks.LengthRange;

final class ExampleSpecsTest {

  static Stream<Path> specs() throws IOException {
    return Files.list(Path.of("experiments"))
        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void spec_inExperiments_parsesExpandsAndValidates(Path file) throws IOException {
    SweepSpec spec = SweepSpecs.read(file);
    assertThat(spec.name() + ".yaml").isEqualTo(file.getFileName().toString());
    assertThat(spec.expand()).isNotEmpty();
    var executor = new TrainingExecutor();
    spec.expand().forEach(run -> executor.validate(run.spec()));
  }

  @Test
  void parity_followsGrazziProtocol() throws IOException {
    SweepSpec spec = SweepSpecs.read(Path.of("experiments", "parity.yaml"));
    // 4 models x 3 seeds
    assertThat(spec.expand()).hasSize(12).allSatisfy(run -> {
      assertThat(run.spec().trainLengths()).isEqualTo(new LengthRange(3, 40));
      assertThat(run.spec().testLengths()).startsWith(40).endsWith(256);
    });
    assertThat(spec.models()).extracting(SweepSpec.ModelEntry::name)
        .containsExactly("mamba[0,1]", "mamba[-1,1]", "lstm", "transformer");
  }
}
