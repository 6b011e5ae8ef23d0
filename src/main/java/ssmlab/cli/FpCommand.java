package ssmlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FpExpression;

/** {@code ssmlab fp}: evaluates expressions in the paper's p-bit floating point F_p. */
@Command(
    name = "fp",
    mixinStandardHelpOptions = true,
    description = {"Evaluates expressions in the paper's p-bit floating point F_p.",
      "F_p is Def. A.1-A.3: "
        + "every literal and every operation rounds once to the nearest float, ties to even. "
        + "Operators + - * /, unary minus, parentheses; functions exp log sqrt sigmoid softplus "
        + "silu floor; sum(a, ...) and prod(a, ...) are iterated operations with one rounding. "
        + "Without EXPR, reads one expression per line from standard input and writes one "
        + "result per line."},
    footer = {"", "Example:", "  ssmlab fp --precision 24 'sum(1e8, 1, -1e8)'",
      "  {\"m\":\"8388608\",\"e\":-23,\"value\":\"1\"}"})
final class FpCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin FloatFormatOptions fp;


  @Option(names = "--format", paramLabel = "json|text", defaultValue = "json",
      description = "json (default): {\"m\", \"e\", \"value\"} per result; text: one readable line")
  String format;

  @Parameters(arity = "0..1", paramLabel = "EXPR", description = "the expression (else stdin)")
  String expression;

  private final InputStream in;

  FpCommand() {
    this(System.in);
  }

  FpCommand(InputStream in) {
    this.in = in;
  }

  /** One result as JSON: the significand as a string (it may exceed a double), e, exact value. */
  record Result(String m, long e, String value) {}

  /** One failed line in batch mode. */
  record Failure(String error) {}

  @Override
  public void run() {
    FloatFormat f = fp.format("fp");
    if (!format.equals("json") && !format.equals("text")) {
      throw new IllegalArgumentException("--format must be json or text, got '" + format + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (expression != null) {
      out.println(render(f, FpExpression.evaluate(f, expression)));
      return;
    }
    if (batch(f, out) > 0) {
      throw new BatchFailed();
    }
  }

  /** Answers every line of stdin; returns how many failed. */
  private int batch(FloatFormat f, PrintWriter out) {
    int failed = 0;
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        String answer;
        try {
          answer = render(f, FpExpression.evaluate(f, line));
        } catch (IllegalArgumentException | ArithmeticException e) {
          failed++;
          answer = format.equals("json") ? Json.write(new Failure(e.getMessage()))
              : "error: " + e.getMessage();
        }
        out.print(answer);
        out.print('\n');
        if (!reader.ready()) {
          out.flush(); // interactive use: answer before waiting for the next line
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    return failed;
  }

  private String render(FloatFormat f, FloatP x) {
    String exact = x.toExactString();
    if (format.equals("json")) {
      return Json.write(new Result(x.significand().toString(), x.exponent(), exact));
    }
    if (x.isZero()) {
      return "0 = <0, 0>";
    }
    // Short exact values as they are; long ones to the digits that identify the float.
    String shown = exact.length() <= 40 || exact.contains("*") ? exact
        : "~" + x.toBigDecimal().round(new MathContext((int) Math.ceil(f.p() * 0.30103) + 1))
            .stripTrailingZeros();
    return shown + " = <" + x.significand() + ", " + x.exponent() + ">";
  }

  /** Some batch lines failed: each already has its error line; the exit code is 2. */
  static final class BatchFailed extends IllegalArgumentException {
    BatchFailed() {
      super("some expressions failed (see their lines)");
    }
  }
}
