package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.ExternalTool;

import ssmlab.circuit.tc0.IteratedAddition;

/** BLIF covers stay within Yosys's 12 inputs and compute what the evaluator computes. */
final class BlifExportTest {
  @TempDir Path dir;

  /** Wide AND and OR gates (68 and 30 inputs), a wide weighted threshold gate and a sum. */
  static Circuit wide() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 68);
    int[] w = new int[40];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 3 == 0 ? -(1 + i % 5) : 1 + i % 7;
    }
    int[] x40 = Arrays.copyOf(x, 40);
    b.output("all", b.and(x));
    b.output("any", b.or(Arrays.copyOfRange(x, 20, 50)));
    b.output("th", b.threshold(x40, w, 17));
    b.output("maj", b.majority(x));
    List<int[]> nibbles = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      nibbles.add(Arrays.copyOfRange(x, 4 * i, 4 * i + 4));
    }
    b.output("sum", IteratedAddition.sum(b, nibbles));
    return b.build();
  }

  /** A BLIF model read back: covers in file order, evaluated on one input vector. */
  record Blif(List<String> inputs, List<String> outputs, List<Cover> covers) {
    record Cover(List<String> in, String out, List<String> rows) {}

    static Blif parse(String text) {
      List<String> inputs = new ArrayList<>();
      List<String> outputs = new ArrayList<>();
      List<Cover> covers = new ArrayList<>();
      for (String line : text.lines().toList()) {
        String[] t = line.strip().split("\\s+");
        switch (t[0]) {
          case ".inputs" -> inputs.addAll(List.of(t).subList(1, t.length));
          case ".outputs" -> outputs.addAll(List.of(t).subList(1, t.length));
          case ".names" -> covers.add(new Cover(List.of(t).subList(1, t.length - 1),
              t[t.length - 1], new ArrayList<>()));
          case ".model", ".end" -> { }
          default -> covers.get(covers.size() - 1).rows().add(line.strip());
        }
      }
      return new Blif(inputs, outputs, covers);
    }

    Map<String, Boolean> run(boolean[] x) {
      Map<String, Boolean> net = new HashMap<>();
      for (int i = 0; i < x.length; i++) {
        net.put(inputs.get(i), x[i]);
      }
      for (Cover c : covers) {
        boolean onSet = c.rows().isEmpty() || c.rows().get(0).endsWith("1");
        boolean hit = false;
        for (String row : c.rows()) {
          String pattern = c.in().isEmpty() ? "" : row.split(" ")[0];
          boolean match = true;
          for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            match &= p == '-' || (p == '1') == net.get(c.in().get(i));
          }
          hit |= match;
        }
        net.put(c.out(), c.rows().isEmpty() ? false : hit == onSet);
      }
      return net;
    }
  }

  @Test
  void wideGates_split_everyCoverAtMost12InputsAndSameFunction() throws Exception {
    Circuit c = wide();
    Path f = dir.resolve("wide.blif");
    ExportFormat.BLIF.write(c, "wide", f);
    Blif blif = Blif.parse(Files.readString(f));
    assertThat(blif.covers()).allSatisfy(cv -> assertThat(cv.in()).hasSizeLessThanOrEqualTo(12));
    assertThat(blif.covers()).anySatisfy(cv -> assertThat(cv.in()).hasSize(12));
    var rnd = new SplittableRandom(13);
    for (int trial = 0; trial < 300; trial++) {
      boolean[] x = new boolean[c.inputBits()];
      // Mostly ones or mostly zeros, so the wide AND and OR take both values.
      double p = trial % 3 == 0 ? 0.99 : trial % 3 == 1 ? 0.02 : 0.5;
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextDouble() < p;
      }
      boolean[] want = ReferenceEvaluator.evaluate(c, x);
      Map<String, Boolean> got = blif.run(x);
      for (int o = 0; o < want.length; o++) {
        assertThat(got.get(blif.outputs().get(o))).as("trial %d output %s", trial,
            blif.outputs().get(o)).isEqualTo(want[o]);
      }
    }
  }

  @Test
  void randomCircuits_splitAtThree_sameFunction() throws Exception {
    for (long seed = 0; seed < 4; seed++) {
      Circuit c = RandomCircuits.layered(seed, 12, 3, 10, 7);
      Circuit split = Lowering.toAndOr(c, 3);
      assertThat(split.stats().maxFanIn()).isLessThanOrEqualTo(3);
      var rnd = new SplittableRandom(seed);
      long[] in = rnd.longs(c.inputBits()).toArray();
      assertThat(LoweringTest.outputs(split, in)).as("seed=%d", seed)
          .containsExactly(LoweringTest.outputs(c, in));
    }
  }

  @Test
  void wideCircuitWithoutSplitting_refused() {
    assertThatThrownBy(() -> BlifExport.write(Lowering.toAndOr(wide()), "w", new StringWriter()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 12");
  }

  @Test
  void wideGates_yosysReadBlif_accepts() throws Exception {
    assumeTrue(ExternalTool.has("yosys", "-V"),
        "yosys is not installed (Debian package yosys): BLIF read check skipped");
    Path f = dir.resolve("wide.blif");
    ExportFormat.BLIF.write(wide(), "wide", f);
    String out = ExternalTool.run(dir, "yosys", "-q", "-p", "read_blif wide.blif; stat");
    assertThat(out).doesNotContainIgnoringCase("error");
  }
}
