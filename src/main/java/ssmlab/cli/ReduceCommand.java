package ssmlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.nc1.Barrington;
import ssmlab.nc1.BoolFormula;
import ssmlab.nc1.BranchingProgram;
import ssmlab.nc1.FormulaParser;
import ssmlab.nc1.Perm;
import ssmlab.nc1.Spira;

/** {@code ssmlab reduce}: the reductions behind the hardness results. */
@Command(name = "reduce", description = "Reductions between NC1 problems.",
    mixinStandardHelpOptions = true, subcommands = ReduceCommand.BarringtonCmd.class,
    footer = {"", "Example:",
      "  ssmlab reduce barrington --formula \"x1 & !x2 | x3\" --assign x1=1,x2=0,x3=0"})
final class ReduceCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code reduce barrington}: formula to width-5 permutation branching program. */
  @Command(name = "barrington",
      description = "Balance a Boolean formula (Spira) and compile it into a width-5 "
          + "permutation branching program (Barrington); JSON on stdout.",
      mixinStandardHelpOptions = true,
      footer = {"", "Example:",
        "  ssmlab reduce barrington --formula \"x1 & !x2 | x3\" --assign x1=1,x2=0,x3=0"})
  static final class BarringtonCmd implements Runnable {

    /** Programs longer than this are refused rather than printed. */
    static final long MAX_LENGTH = 1L << 22;

    @Spec CommandSpec spec;

    @Option(names = "--formula", required = true,
        description = "x1, x2, ...; 0, 1; ! or not; & or and; | or or; parentheses")
    String formula;

    @Option(names = "--assign", paramLabel = "x1=1,x2=0,...",
        description = "also print the S5 word this assignment yields and its product")
    String assign;

    @Override
    public void run() {
      BoolFormula parsed = FormulaParser.parse(formula);
      int leaves = parsed.leaves();
      if ((long) leaves * leaves > MAX_LENGTH) {
        // a formula with s leaves has a program of at least s^2 instructions
        throw new IllegalArgumentException("formula too large: " + leaves
            + " leaves give at least " + (long) leaves * leaves + " instructions");
      }
      BoolFormula f = Spira.balance(parsed);
      boolean[] values = assign == null ? null : parseAssignment(assign, f);
      long length = Barrington.length(f);
      if (length > MAX_LENGTH) {
        throw new IllegalArgumentException("formula too large: after balancing (depth "
            + f.depth() + ") the program would have " + length + " instructions");
      }
      BranchingProgram p = Barrington.compile(f);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("depth", f.depth());
      out.put("length", p.length());
      out.put("cycle", p.cycle().toString());
      List<Map<String, String>> ins = new ArrayList<>(p.length());
      for (BranchingProgram.Instruction i : p.instructions()) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("var", "x" + i.variable());
        m.put("if0", i.if0().toString());
        m.put("if1", i.if1().toString());
        ins.add(m);
      }
      out.put("instructions", ins);
      out.put("balanced", f.toInfix());
      if (values != null) {
        List<String> word = new ArrayList<>(p.length());
        for (Perm g : p.word(values)) {
          word.add(g.toString());
        }
        Perm product = p.evaluate(values);
        out.put("word", word);
        out.put("product", product.toString());
        out.put("value", product.equals(p.cycle()) ? 1 : 0);
      }
      PrintWriter w = spec.commandLine().getOut();
      w.println(Json.write(out));
      w.flush();
    }

    /** {@code x1=1,x2=0} into an array indexed by variable; every variable of f needs a value. */
    static boolean[] parseAssignment(String text, BoolFormula f) {
      Map<Integer, Boolean> given = new LinkedHashMap<>();
      int max = Math.max(1, f.maxVariable());
      for (String part : text.split(",")) {
        String[] kv = part.strip().split("=");
        if (kv.length != 2 || !kv[0].strip().matches("x[1-9][0-9]{0,6}")
            || !kv[1].strip().matches("[01]")) {
          throw new IllegalArgumentException("bad assignment '" + part.strip()
              + "' (expected x<i>=0 or x<i>=1, comma separated)");
        }
        int var = Integer.parseInt(kv[0].strip().substring(1));
        if (given.put(var, kv[1].strip().equals("1")) != null) {
          throw new IllegalArgumentException("--assign gives x" + var + " more than once");
        }
        max = Math.max(max, var);
      }
      boolean[] values = new boolean[max + 1];
      for (int v : f.variables()) {
        Boolean b = given.get(v);
        if (b == null) {
          throw new IllegalArgumentException("--assign gives no value for x" + v);
        }
        values[v] = b;
      }
      given.forEach((v, b) -> values[v] = b);
      return values;
    }
  }
}
