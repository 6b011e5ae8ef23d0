package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ssmlab.nc1.Perm;
import tools.jackson.databind.JsonNode;

final class ReduceCommandTest {

  @Test
  void barrington_printsProgramAndWord() {
    MainTest.Result r = MainTest.run("reduce", "barrington", "--formula", "x1 & !x2 | x3",
        "--assign", "x1=1,x2=0,x3=0");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    int depth = j.get("depth").asInt();
    int length = j.get("length").asInt();
    assertThat(depth).isEqualTo(2);
    assertThat(length).isLessThanOrEqualTo(1 << (2 * depth));
    assertThat(j.get("cycle").asString()).isEqualTo("23451");
    assertThat(j.get("instructions").size()).isEqualTo(length);
    assertThat(j.get("word").size()).isEqualTo(length);
    // x1 & !x2 | x3 with x1=1, x2=0, x3=0 is true: the product is the cycle
    Perm p = Perm.identity(5);
    for (JsonNode g : j.get("word")) {
      p = p.then(Perm.parse(g.asString()));
    }
    assertThat(p.toString()).isEqualTo("23451").isEqualTo(j.get("product").asString());
  }

  @Test
  void barrington_falseAssignment_givesIdentity() {
    MainTest.Result r = MainTest.run("reduce", "barrington", "--formula", "x1 and x2",
        "--assign", "x1=1,x2=0");
    assertThat(Json.MAPPER.readTree(r.out()).get("product").asString()).isEqualTo("12345");
  }

  @Test
  void barrington_instructionsReadTheRightVariables() {
    MainTest.Result r = MainTest.run("reduce", "barrington", "--formula", "x2 & x5");
    JsonNode ins = Json.MAPPER.readTree(r.out()).get("instructions");
    assertThat(ins.get(0).get("var").asString()).isEqualTo("x2");
    assertThat(ins.get(1).get("var").asString()).isEqualTo("x5");
    assertThat(ins.get(2).get("var").asString()).isEqualTo("x2");
  }

  @Test
  void barrington_badFormulaOrAssignment_isOneLineAndExitTwo() {
    for (String[] args : new String[][] {
        {"reduce", "barrington", "--formula", "x1 &"},
        {"reduce", "barrington", "--formula", "x1 & x2", "--assign", "x1=1"},
        {"reduce", "barrington", "--formula", "x1", "--assign", "x1=2"}}) {
      MainTest.Result r = MainTest.run(args);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }
  }
}
