package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import ssmlab.model.Models;

/** The model registry on the command line: listed, in help, and enforced by {@code train}. */
final class ModelListTest {

  @Test
  void modelList_printsEveryFamily_asTextAndJson() throws Exception {
    Result text = MainTest.run("model", "list");
    assertThat(text.code()).isZero();
    Result json = MainTest.run("model", "list", "--format", "json");
    assertThat(json.code()).isZero();
    String[] lines = json.out().strip().split("\n");
    assertThat(lines).hasSize(Models.families().size());
    for (int i = 0; i < lines.length; i++) {
      String family = Models.families().get(i);
      assertThat(text.out()).contains("  " + family + ": ");
      assertThat(Json.MAPPER.readTree(lines[i]).get("family").asString()).isEqualTo(family);
    }
    assertThat(json.out()).contains("\"name\":\"eigenvalues\",\"type\":\"choice\","
        + "\"choices\":[\"0,1\",\"-1,1\"]");
  }

  @Test
  void trainHelp_listsTheFamiliesOptions() {
    Result help = MainTest.run("train", "--help");
    assertThat(help.out()).contains("Model families and their options")
        .contains("      d_conv=N  width of the causal convolution (default: 4)")
        .contains("      hidden=N  units of each recurrent layer (default: d_model)");
  }

  @Test
  void train_optionsTheFamilyLacks_areRefusedBeforeTraining(@TempDir Path dir) {
    Result r = MainTest.run("train", "--task", "parity", "--model", "lstm", "--eigenvalues",
        "-1,1", "--discretization", "zoh", "--d-state", "99", "--out",
        dir.resolve("r").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("ssmlab: lstm: unknown option '").contains("it takes hidden");
    assertThat(dir.resolve("r")).doesNotExist();
  }
}
