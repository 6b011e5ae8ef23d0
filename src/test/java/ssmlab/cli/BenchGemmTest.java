package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;

final class BenchGemmTest {

  @Test
  void shape_readsSizesAndOperandOrder() {
    assertThat(BenchGemm.Shape.parse("3x4x5:tn"))
        .isEqualTo(new BenchGemm.Shape(3, 4, 5, true, false, "tn"));
    assertThat(BenchGemm.Shape.parse("2048x256x64:NT"))
        .isEqualTo(new BenchGemm.Shape(2048, 256, 64, false, true, "nt"));
    assertThat(BenchGemm.Shape.parse(" 7x8x9 "))
        .isEqualTo(new BenchGemm.Shape(7, 8, 9, false, false, "nn"));
  }

  @Test
  void shape_badForms_areRefused() {
    for (String s : List.of("2x3", "2x3x4:tt", "2x3x4:nt:x", "0x3x4", "ax3x4", "100000x100000x2")) {
      assertThatThrownBy(() -> BenchGemm.Shape.parse(s)).as(s)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--shapes");
    }
  }

  @Test
  void printsOneLinePerShape_flopsFromTheMedian() throws Exception {
    Result r = MainTest.run("bench", "gemm", "--shapes", "16x8x4:nt,8x8x8:tn", "--threads", "1",
        "--reps", "3");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().strip().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = Json.MAPPER.readTree(lines.get(0));
    assertThat(first.get("op").asString()).isEqualTo("nt");
    assertThat(first.get("gflop_per_s").asDouble())
        .isCloseTo(2.0 * 16 * 8 * 4 / (first.get("median_ms").asDouble() * 1e-3) / 1e9,
            org.assertj.core.data.Percentage.withPercentage(1e-6));
    Result bad = MainTest.run("bench", "gemm", "--shapes", "2x3");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip().lines()).hasSize(1);
  }
}
