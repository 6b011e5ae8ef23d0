package ssmlab.model.mamba.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ssmlab.arith.DoubleArithmetic;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.Eigenvalues;
import ssmlab.model.mamba.MambaCheckpoint;
import ssmlab.model.mamba.MambaConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class MambaReferenceTest {

  /** A random mamba model; the engine initialises dt and A_log as the reference code does. */
  static SequenceModel model(int dModel, int layers, String eigenvalues, int dConv, String disc,
      long seed) {
    var config = new ModelConfig("mamba", 7, dModel, layers, Map.of("d_state", "4",
        "d_conv", "" + dConv, "eigenvalues", eigenvalues, "discretization", disc));
    return Models.create(config, seed);
  }

  static int[] tokens(int n, int vocab, long seed) {
    var r = new SplittableRandom(seed);
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = r.nextInt(vocab);
    }
    return t;
  }

  /** Logits (length, vocab) as one row-major float array. */
  static <T> float[] flat(List<List<T>> logits, ToDoubleFunction<T> value) {
    int vocab = logits.getFirst().size();
    float[] out = new float[logits.size() * vocab];
    for (int t = 0; t < logits.size(); t++) {
      for (int v = 0; v < vocab; v++) {
        out[t * vocab + v] = (float) value.applyAsDouble(logits.get(t).get(v));
      }
    }
    return out;
  }

  /** max |a - b| / max |b| over every logit. */
  static double relativeError(float[] engine, List<List<Double>> ref) {
    double worst = 0;
    double scale = 0;
    int vocab = ref.getFirst().size();
    for (int t = 0; t < ref.size(); t++) {
      for (int v = 0; v < vocab; v++) {
        scale = Math.max(scale, Math.abs(ref.get(t).get(v)));
        worst = Math.max(worst, Math.abs(engine[t * vocab + v] - ref.get(t).get(v)));
      }
    }
    return worst / scale;
  }

  @ParameterizedTest(name = "{0} layers, eigenvalues {1}, d_conv {2}, {3}")
  @CsvSource({"1, '0,1', 4, mamba", "2, '-1,1', 4, mamba", "2, '0,1', 1, zoh",
      "1, '-1,1', 2, zoh"})
  void doubleMeaning_matchesTheFloat32Engine(int layers, String ev, int dConv, String disc) {
    SequenceModel m = model(12, layers, ev, dConv, disc, 7);
    int[] tokens = tokens(20, 7, 3);
    float[] engine = m.forward(tokens, 1, tokens.length).clone();
    var ref = new MambaReference<>(DoubleArithmetic.INSTANCE, MambaWeights.of(m),
        ScanForm.SEQUENTIAL);
    assertThat(relativeError(engine, ref.logits(tokens))).isLessThan(1e-5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"d16-l2, '0,1'", "d12-l1, '0,1'", "d16-l1-neg, '-1,1'"})
  void doubleMeaning_matchesPyTorchGoldenLogits(String name, String ev) throws Exception {
    Path dir = golden(name);
    MambaConfig cfg = MambaConfig.read(dir.resolve("config.json"))
        .withEigenvalues(Eigenvalues.parse(ev));
    var model = MambaCheckpoint.load(dir.resolve("model.safetensors"), cfg);
    JsonNode g = JsonMapper.builder().build().readTree(dir.resolve("golden.json").toFile());
    int[] tokens = new int[g.get("tokens").size()];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = g.get("tokens").get(i).asInt();
    }
    var ref = new MambaReference<>(DoubleArithmetic.INSTANCE, MambaWeights.of(model),
        ScanForm.SEQUENTIAL).logits(tokens);
    float[] torch = new float[tokens.length * ref.getFirst().size()];
    for (int t = 0; t < tokens.length; t++) {
      for (int v = 0; v < ref.getFirst().size(); v++) {
        torch[t * ref.getFirst().size() + v] = (float) g.get("logits").get(t).get(v).asDouble();
      }
    }
    assertThat(relativeError(torch, ref)).as(name).isLessThan(1e-5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0,1", "-1,1"})
  void unrolledAndSequential_agreeInDouble_toRounding(String ev) {
    SequenceModel m = model(8, 2, ev, 4, "mamba", 11);
    int[] tokens = tokens(12, 7, 5);
    var w = MambaWeights.of(m);
    var seq = new MambaReference<>(DoubleArithmetic.INSTANCE, w, ScanForm.SEQUENTIAL)
        .logits(tokens);
    var unr = new MambaReference<>(DoubleArithmetic.INSTANCE, w, ScanForm.UNROLLED)
        .logits(tokens);
    assertThat(relativeError(flat(unr, Double::doubleValue), seq)).isLessThan(1e-6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0,1", "-1,1"})
  void floatP53_isCloseToDouble(String ev) {
    SequenceModel m = model(8, 1, ev, 4, "mamba", 13);
    int[] tokens = tokens(6, 7, 9);
    var w = MambaWeights.of(m);
    var dbl = new MambaReference<>(DoubleArithmetic.INSTANCE, w, ScanForm.SEQUENTIAL)
        .logits(tokens);
    List<List<FloatP>> fp = new MambaReference<>(
        new FloatPArithmetic(FloatFormat.of(53, 11)), w, ScanForm.SEQUENTIAL).logits(tokens);
    assertThat(relativeError(flat(fp, FloatP::toDouble), dbl)).isLessThan(1e-6);
  }

  static Path golden(String name) throws URISyntaxException {
    return Path.of(MambaReferenceTest.class
        .getResource("/ssmlab/model/mamba/golden/" + name).toURI());
  }
}
