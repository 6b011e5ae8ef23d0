package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ssmlab.io.Provenance;
import ssmlab.tasks.LengthRange;

final class RunIdTest {

  private static RunSpec spec(Map<String, Object> modelOptions, long seed) {
    return new RunSpec("parity", Map.of(), "mamba", "m", modelOptions, LengthRange.parse("3-40"),
        List.of(40, 64), 100, 8, 0.001, Map.of(), seed);
  }

  @Test
  void of_isSha256OfHandWrittenCanonicalJson() throws Exception {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("layers", 2);
    options.put("d_model", 16);
    // Keys sorted at every level, no spaces: written by hand, not by the code under test.
    String canonical = "{\"batch\":8,\"label\":\"m\",\"lr\":0.001,\"model\":\"mamba\","
        + "\"model_options\":{\"d_model\":16,\"layers\":2},\"seed\":7,\"steps\":100,"
        + "\"task\":\"parity\",\"task_options\":{},\"test_lengths\":[40,64],"
        + "\"train_lengths\":\"3..40\",\"train_options\":{}}";
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest(canonical.getBytes(StandardCharsets.UTF_8));

    assertThat(Canonical.json(spec(options, 7))).isEqualTo(canonical);
    assertThat(RunId.of(spec(options, 7)))
        .isEqualTo(HexFormat.of().formatHex(digest).substring(0, 16));
  }

  @Test
  void of_optionOrder_doesNotMatter() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", List.of(-1, 1));
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", List.of(-1, 1));
    ba.put("a", 1);
    assertThat(RunId.of(spec(ab, 1))).isEqualTo(RunId.of(spec(ba, 1)));
  }

  @Test
  void of_anyFieldChanged_changesId() {
    String base = RunId.of(spec(Map.of("layers", 2), 1));
    assertThat(RunId.of(spec(Map.of("layers", 2), 2))).isNotEqualTo(base);
    assertThat(RunId.of(spec(Map.of("layers", 3), 1))).isNotEqualTo(base);
    assertThat(RunId.isWellFormed(base)).isTrue();
    assertThat(RunId.isWellFormed("ABCDEF0123456789")).isFalse();
  }

  @Test
  void json_roundTrip_keepsId() {
    RunSpec spec = spec(Map.of("layers", 2, "eigenvalues", List.of(-1, 1), "scale", 0.5), 3);
    RunSpec back = Canonical.MAPPER.readValue(Canonical.json(spec), RunSpec.class);
    assertThat(back).isEqualTo(spec);
    assertThat(RunId.of(back)).isEqualTo(RunId.of(spec));
  }

  // A diverged run's NaN loss survives the round trip through its result file.
  @Test
  void record_nanLoss_roundTrips() {
    RunSpec spec = spec(Map.of(), 1);
    var record = new RunRecord(RunId.of(spec), "s", "h", spec,
        new RunResult(List.of(new LengthMetrics(40, 0.5, 0, Double.NaN),
            new LengthMetrics(64, 0.5, 0, Double.POSITIVE_INFINITY)), 1, Double.NaN),
        new Provenance("c", false, "1", "25", false, 2, java.util.List.of()));
    String json = Canonical.MAPPER.writeValueAsString(record);
    assertThat(Canonical.MAPPER.readValue(json, RunRecord.class)).isEqualTo(record);
  }
}
