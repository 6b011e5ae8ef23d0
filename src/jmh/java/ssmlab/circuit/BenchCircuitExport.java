package ssmlab.circuit;

import java.nio.file.Path;

/**
 * Writes the random circuit CircuitEvalBench evaluates (same seed and shape) as Verilog, for the
 * Verilator side-by-side in {@code src/jmh/verilator/run.sh}. Arguments: gates, output file.
 */
public final class BenchCircuitExport {
  private BenchCircuitExport() {}

  public static void main(String[] args) {
    int gates = Integer.parseInt(args[0]);
    Circuit c = CircuitEvalBench.circuit(gates, 4);
    ExportFormat.VERILOG.write(c, "dut", Path.of(args[1]));
    System.out.println(c.stats().gates());
  }
}
