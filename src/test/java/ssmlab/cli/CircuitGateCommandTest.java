package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

final class CircuitGateCommandTest {
  /** T_3 of column 0 of int-sum at p = 8, n = 16 (IntFamiliesTest computes the address). */
  @Test
  void address_printsTheGateAsOneJsonLine() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "int-sum", "--precision", "8",
        "--arity", "16", "--address", "12291");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip().lines()).hasSize(1);
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.propertyNames()).containsExactly("address", "type", "weights", "threshold",
        "inputs");
    assertThat(j.get("address").asLong()).isEqualTo(12291);
    assertThat(j.get("type").asString()).isEqualTo("threshold");
    assertThat(j.get("threshold").asLong()).isEqualTo(3);
    assertThat(j.get("inputs")).hasSize(16);
    assertThat(j.get("inputs").get(15).asLong()).isEqualTo(4096 + 15);
    assertThat(j.get("weights").get(0).asLong()).isEqualTo(1);
    JsonNode and = Json.MAPPER.readTree(MainTest.run("circuit", "gate", "--op", "int-add",
        "-p", "2", "--address", String.valueOf((7 * 32 + 1) * 32)).out());
    assertThat(and.get("type").asString()).isEqualTo("and");
    assertThat(and.get("weights")).isEmpty();
    assertThat(and.get("threshold").isNull()).isTrue();
  }

  @Test
  void badAddress_isOneLineAndExit2() {
    for (String a : new String[] {"2", "-5", "99999999999"}) {
      MainTest.Result r = MainTest.run("circuit", "gate", "--op", "int-sum", "--arity", "16",
          "--address", a);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().strip().lines()).singleElement().asString()
          .startsWith("ssmlab: address " + a + " is no gate of int-sum");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void check_countsEveryGate() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "int-mul", "--precision", "6",
        "--check");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("agrees").asBoolean()).isTrue();
    assertThat(j.get("gates_checked").asLong()).isEqualTo(j.get("gates").asLong()).isPositive();
    assertThat(j.get("simplified_gates").asLong()).isLessThan(j.get("live_gates").asLong());
    MainTest.Result big = MainTest.run("circuit", "gate", "--op", "int-sum", "--arity",
        "1000000", "--check");
    assertThat(big.code()).isEqualTo(2);
    assertThat(big.err()).contains("--sample");
  }

  @Test
  void sample_timesQueriesAtAnArityNoCircuitCouldHave() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "int-sum", "--precision", "8",
        "--arity", "1048576", "--sample", "200", "--seed", "3");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("gates").asLong()).isGreaterThan(16_000_000L);
    assertThat(j.get("address_bits").asInt()).isEqualTo(32);
    assertThat(j.get("field_bits").get(0).asInt() + j.get("field_bits").get(1).asInt())
        .isEqualTo(28);
    assertThat(j.get("queries").asInt()).isEqualTo(200);
    assertThat(j.get("nanos_per_query").asDouble()).isPositive();
  }

  @Test
  void modes_areExclusiveAndOneIsNeeded() {
    assertThat(MainTest.run("circuit", "gate", "--op", "int-sum", "--check", "--sample", "3")
        .code()).isEqualTo(2);
    assertThat(MainTest.run("circuit", "gate", "--op", "int-sum").code()).isEqualTo(2);
    assertThat(MainTest.run("circuit", "gate", "--op", "fp-div", "--check").err())
        .contains("no addressed family").contains("fp-sum");
  }

  /** int-prod: --check agrees, --address prints the product's bit 0, a bad address exits 2. */
  @Test
  void intProd_checkAddressAndBadAddress() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "int-prod", "--precision", "4",
        "--arity", "3", "--check");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("agrees").asBoolean()).isTrue();
    assertThat(j.get("gates_checked").asLong()).isEqualTo(j.get("gates").asLong());
    long out0 = ssmlab.circuit.uniform.IntFamilies.of("int-prod", 4, 3).output(0);
    MainTest.Result a = MainTest.run("circuit", "gate", "--op", "int-prod", "-p", "4",
        "--arity", "3", "--address", String.valueOf(out0));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out().strip().lines()).hasSize(1);
    assertThat(Json.MAPPER.readTree(a.out()).get("address").asLong()).isEqualTo(out0);
    long bad = 15L << j.get("address_bits").asInt() - 4;
    MainTest.Result b = MainTest.run("circuit", "gate", "--op", "int-prod", "-p", "4",
        "--arity", "3", "--address", String.valueOf(bad));
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err().strip().lines()).singleElement().asString()
        .startsWith("ssmlab: address " + bad + " is no gate of int-prod");
    MainTest.Result s = MainTest.run("circuit", "gate", "--op", "int-prod", "-p", "8",
        "--arity", "64", "--sample", "50", "--seed", "2");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(Json.MAPPER.readTree(s.out()).get("nanos_per_query").asDouble()).isPositive();
  }

  /** fp-mul: --check agrees, --address prints the output's bit 0, bad addresses exit 2. */
  @Test
  void fpMul_checkAddressSampleAndBadAddress() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "fp-mul", "--precision", "4",
        "--exponent-bits", "3", "--check");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("agrees").asBoolean()).isTrue();
    assertThat(j.get("exponent_bits").asInt()).isEqualTo(3);
    assertThat(j.get("gates_checked").asLong()).isEqualTo(j.get("gates").asLong());
    long out0 = ssmlab.circuit.uniform.FpFamilies.of("fp-mul", 4, 3, 2).output(0);
    MainTest.Result a = MainTest.run("circuit", "gate", "--op", "fp-mul", "-p", "4", "-q", "3",
        "--address", String.valueOf(out0));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(Json.MAPPER.readTree(a.out()).get("inputs")).hasSize(3);
    for (long bad : new long[] {-1, 15L << j.get("address_bits").asInt() - 4,
        1L << j.get("address_bits").asInt()}) {
      MainTest.Result b = MainTest.run("circuit", "gate", "--op", "fp-mul", "-p", "4", "-q",
          "3", "--address", String.valueOf(bad));
      assertThat(b.code()).isEqualTo(2);
      assertThat(b.err().strip().lines()).singleElement().asString()
          .startsWith("ssmlab: address " + bad + " is no gate of fp-mul --precision 4");
    }
    MainTest.Result s = MainTest.run("circuit", "gate", "--op", "fp-mul", "-p", "4096", "-q",
        "16", "--sample", "50", "--seed", "2");
    assertThat(s.code()).as(s.err()).isZero();
    JsonNode sj = Json.MAPPER.readTree(s.out());
    assertThat(sj.get("gates").asLong()).isGreaterThan(10_000_000L);
    assertThat(sj.get("nanos_per_query").asDouble()).isPositive();
  }

  /** fp-prod: --check agrees at n = 3, --sample answers at n = 1024, one factor exits 2. */
  @Test
  void fpProd_checkSampleAndArityOne() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "fp-prod", "-p", "3", "-q", "2",
        "--arity", "3", "--check");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("agrees").asBoolean()).isTrue();
    assertThat(j.get("arity").asInt()).isEqualTo(3);
    MainTest.Result s = MainTest.run("circuit", "gate", "--op", "fp-prod", "-p", "8", "-q", "8",
        "--arity", "1024", "--sample", "50", "--seed", "2");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(Json.MAPPER.readTree(s.out()).get("gates").asLong()).isGreaterThan(1_000_000_000L);
    MainTest.Result one = MainTest.run("circuit", "gate", "--op", "fp-prod", "-p", "4",
        "--arity", "1", "--sample", "5");
    assertThat(one.code()).isEqualTo(2);
    assertThat(one.err().strip().lines()).singleElement().asString().contains("--arity 2");
  }

  /** int-div: --check agrees, --address prints quotient bit 0, a bad address exits 2. */
  @Test
  void intDiv_checkAddressSampleAndBadAddress() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "int-div", "--precision", "5",
        "--check");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip().lines()).hasSize(1);
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("agrees").asBoolean()).isTrue();
    assertThat(j.get("gates_checked").asLong()).isEqualTo(j.get("gates").asLong());
    long out0 = ssmlab.circuit.uniform.IntFamilies.of("int-div", 5, 1).output(0);
    MainTest.Result a = MainTest.run("circuit", "gate", "--op", "int-div", "-p", "5",
        "--address", String.valueOf(out0));
    assertThat(a.code()).as(a.err()).isZero();
    JsonNode g = Json.MAPPER.readTree(a.out());
    assertThat(g.get("type").asString()).isEqualTo("or");
    assertThat(g.get("inputs")).hasSize(2);
    for (long bad : new long[] {-3, 17L << j.get("address_bits").asInt() - 5,
        1L << j.get("address_bits").asInt()}) {
      MainTest.Result b = MainTest.run("circuit", "gate", "--op", "int-div", "-p", "5",
          "--address", String.valueOf(bad));
      assertThat(b.code()).isEqualTo(2);
      assertThat(b.err().strip().lines()).singleElement().asString()
          .startsWith("ssmlab: address " + bad + " is no gate of int-div --precision 5");
    }
    MainTest.Result s = MainTest.run("circuit", "gate", "--op", "int-div", "-p", "64",
        "--sample", "50", "--seed", "2");
    assertThat(s.code()).as(s.err()).isZero();
    JsonNode sj = Json.MAPPER.readTree(s.out());
    assertThat(sj.get("gates").asLong()).isGreaterThan(100_000_000L);
    assertThat(sj.get("nanos_per_query").asDouble()).isPositive();
    assertThat(MainTest.run("circuit", "gate", "--op", "int-div", "-p", "129", "--sample", "5")
        .code()).isEqualTo(2);
  }

  /**
   * fp-sum and fp-add: --check agrees in both regimes (q = 5 windowed, q = 3 aligned),
   * --address prints the output's bit 0, bad addresses and arities exit 2, --sample answers at
   * n = 2^14 (windowed) and 2^20 (aligned), circuits never built.
   */
  @Test
  void fpSum_checkAddressSampleAndBadInput() {
    for (String[] args : new String[][] {{"fp-sum", "-p", "3", "-q", "5", "--arity", "3"},
        {"fp-add", "-p", "4", "-q", "3"}, {"fp-sum", "-p", "3", "-q", "2", "--arity", "5"}}) {
      MainTest.Result r = MainTest.run(concat(args, "--check"));
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode j = Json.MAPPER.readTree(r.out());
      assertThat(j.get("agrees").asBoolean()).isTrue();
      assertThat(j.get("gates_checked").asLong()).isEqualTo(j.get("gates").asLong());
    }
    long out0 = ssmlab.circuit.uniform.FpFamilies.of("fp-sum", 3, 5, 3).output(0);
    MainTest.Result a = MainTest.run("circuit", "gate", "--op", "fp-sum", "-p", "3", "-q", "5",
        "--arity", "3", "--address", String.valueOf(out0));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(Json.MAPPER.readTree(a.out()).get("type").asString()).isEqualTo("or");
    int bits = ssmlab.circuit.uniform.FpFamilies.of("fp-sum", 3, 5, 3).addressBits();
    for (long bad : new long[] {-1, 31L << bits - 5, 1L << bits}) {
      MainTest.Result b = MainTest.run("circuit", "gate", "--op", "fp-sum", "-p", "3", "-q",
          "5", "--arity", "3", "--address", String.valueOf(bad));
      assertThat(b.code()).isEqualTo(2);
      assertThat(b.err().strip().lines()).singleElement().asString()
          .startsWith("ssmlab: address " + bad + " is no gate of fp-sum --precision 3");
    }
    for (String n : new String[] {"16384", "1048576"}) {
      MainTest.Result s = MainTest.run("circuit", "gate", "--op", "fp-sum", "-p", "8", "-q",
          n.equals("16384") ? "8" : "4", "--arity", n, "--sample", "50", "--seed", "2");
      assertThat(s.code()).as(s.err()).isZero();
      JsonNode sj = Json.MAPPER.readTree(s.out());
      assertThat(sj.get("gates").asLong()).isGreaterThan(100_000_000L);
      assertThat(sj.get("nanos_per_query").asDouble()).isPositive();
    }
    for (String n : new String[] {"0", "32768"}) {
      MainTest.Result b = MainTest.run("circuit", "gate", "--op", "fp-sum", "-p", "8", "-q",
          "8", "--arity", n, "--sample", "5");
      assertThat(b.code()).isEqualTo(2);
      assertThat(b.err().strip().lines()).hasSize(1);
    }
  }

  private static String[] concat(String[] opAndFormat, String mode) {
    String[] out = new String[opAndFormat.length + 4];
    out[0] = "circuit";
    out[1] = "gate";
    out[2] = "--op";
    System.arraycopy(opAndFormat, 0, out, 3, opAndFormat.length);
    out[out.length - 1] = mode;
    return out;
  }

  /** The paper's functions: refused in one line (exit 2), naming the kinds that lack a part. */
  @Test
  void paperFunctions_checkAgreesAndVerifies_tablesAreRefused() {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "fp-exp", "-p", "4", "-q", "8",
        "--functions", "paper", "--check");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("agrees").asBoolean()).isTrue();
    assertThat(j.get("gates_checked").asLong()).isEqualTo(j.get("gates").asLong()).isPositive();
    assertThat(j.get("verified").asInt()).isEqualTo(j.get("tried").asInt()).isPositive();
    assertThat(MainTest.run("circuit", "gate", "--op", "fp-log", "--functions", "table",
        "--sample", "3").err()).contains("--functions paper");
    assertThat(MainTest.run("circuit", "gate", "--op", "fp-exp", "--functions", "both",
        "--check").code()).isEqualTo(2);
  }

  /**
   * fp-floor: --check agrees, --sample answers at p = 4096, q ≤ 4 exits 2 in one line; fp-cmp's
   * --check agrees.
   */
  @Test
  void fpFloorAndCmp_checkSampleAndRefuseSmallQ() throws Exception {
    MainTest.Result r = MainTest.run("circuit", "gate", "--op", "fp-floor", "-p", "4", "-q", "5",
        "--check");
    assertThat(r.code()).isEqualTo(0);
    assertThat(Json.MAPPER.readTree(r.out()).get("agrees").asBoolean()).isTrue();
    MainTest.Result s = MainTest.run("circuit", "gate", "--op", "fp-floor", "-p", "4096", "-q",
        "12", "--sample", "50");
    assertThat(s.code()).isEqualTo(0);
    MainTest.Result q = MainTest.run("circuit", "gate", "--op", "fp-floor", "-p", "8", "-q", "4",
        "--check");
    assertThat(q.code()).isEqualTo(2);
    assertThat(q.err().strip()).contains("--exponent-bits >= 5").doesNotContain("\n");
    MainTest.Result c = MainTest.run("circuit", "gate", "--op", "fp-cmp", "-p", "5", "-q", "3",
        "--check");
    assertThat(c.code()).isEqualTo(0);
  }
}
