package ssmlab.attacks;

import org.junit.jupiter.api.Test;

/** Attacks on {@code reduce}: assignments that say two things. */
final class ReduceAttacksTest {

  @Test
  void assign_repeatedVariable_isRefused() {
    Cli.run("reduce", "barrington", "--formula", "x1 & x2", "--assign", "x1=1,x2=0,x1=0")
        .isOneLineError("--assign gives x1 more than once");
  }
}
