package ssmlab.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import picocli.CommandLine.Option;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.TestVectors;
import ssmlab.circuit.VerilogTestbench;
import ssmlab.io.AtomicFile;

/**
 * {@code --vectors K FILE}: K input vectors with the evaluator's outputs in FILE, and beside it a
 * Verilog testbench {@code NAME_tb.v} that checks the {@code --export verilog} module against them.
 */
final class TestVectorsOption {
  static final int MAX = 1_000_000;
  static final long SEED = 1;

  @Option(names = "--vectors", arity = "2", paramLabel = "K FILE", hideParamSyntax = true,
      description = "also write K random input vectors with the expected outputs to FILE and a "
          + "Verilog testbench FILE-without-extension_tb.v beside it")
  String[] vectors;

  boolean requested() {
    return vectors != null;
  }

  /** The vector count, checked before anything is built. */
  int count() {
    int k;
    try {
      k = Integer.parseInt(vectors[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--vectors needs a count K and a file, got '"
          + vectors[0] + "'");
    }
    if (k < 1 || k > MAX) {
      throw new IllegalArgumentException("--vectors K must be in 1.." + MAX + ", got " + k);
    }
    return k;
  }

  /**
   * Writes the vectors and the testbench for module {@code module}; {@code inputs} gives each
   * input port's values (null: uniform random bits). Returns what to print.
   */
  Map<String, Object> write(Circuit c, String module,
      IntFunction<Map<String, BigInteger[]>> inputs) {
    int k = count();
    Path file = Path.of(vectors[1]);
    TestVectors v = inputs == null ? TestVectors.random(c, k, SEED)
        : TestVectors.of(c, inputs.apply(k), k);
    AtomicFile.writeText(file, v::write);
    Path tb = VerilogTestbench.beside(file);
    AtomicFile.writeText(tb, w -> VerilogTestbench.write(v, module,
        file.getFileName().toString(), w));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", k);
    out.put("file", file.toString());
    out.put("testbench", tb.toString());
    return out;
  }
}
