package ssmlab.circuit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Input vectors with the outputs that ssmlab's evaluator computes for them, so another simulator
 * can check an export. The text format, read by Verilog's {@code $readmemb}: {@code //} comment
 * lines naming the ports, then one line per vector, the input ports and then the output ports in
 * port order, each MSB first in binary, separated by {@code _} (one {@code $readmemb} word: the
 * concatenation {@code {in0, in1, ..., out0, out1, ...}}).
 *
 * @param circuit the circuit
 * @param inputs each input port's value in every vector
 * @param outputs each output port's value in every vector, from {@link Simulation}
 * @param count the number of vectors
 */
public record TestVectors(Circuit circuit, Map<String, BigInteger[]> inputs,
    Map<String, BigInteger[]> outputs, int count) {

  /** The evaluator's outputs on {@code count} given vectors. Not modified. */
  public static TestVectors of(Circuit c, Map<String, BigInteger[]> inputs, int count) {
    return new TestVectors(c, inputs, Simulation.run(c, inputs, count), count);
  }

  /** {@code count} vectors of uniformly random bits on every input port. */
  public static TestVectors random(Circuit c, int count, long seed) {
    var rnd = new SplittableRandom(seed);
    Map<String, BigInteger[]> in = new LinkedHashMap<>();
    for (Port p : c.inputs()) {
      BigInteger[] xs = new BigInteger[count];
      for (int v = 0; v < count; v++) {
        byte[] bytes = new byte[(p.width() + 7) / 8];
        rnd.nextBytes(bytes);
        xs[v] = new BigInteger(1, bytes).mod(BigInteger.ONE.shiftLeft(p.width()));
      }
      in.put(p.name(), xs);
    }
    return of(c, in, count);
  }

  /** The width of one line's word: all input and output bits. */
  public int wordBits() {
    return circuit.inputBits() + circuit.outputBits();
  }

  /** Writes the vectors file (class Javadoc). */
  public void write(Writer w) throws IOException {
    w.write("// ssmlab test vectors: " + count + " vectors of " + wordBits() + " bits, MSB first"
        + " per port, ports separated by _\n");
    w.write("// inputs:" + ports(circuit.inputs()) + "\n");
    w.write("// outputs:" + ports(circuit.outputs()) + "\n");
    StringBuilder sb = new StringBuilder();
    for (int v = 0; v < count; v++) {
      sb.setLength(0);
      String sep = "";
      for (Port p : circuit.inputs()) {
        sb.append(sep);
        bits(inputs.get(p.name())[v], p.width(), sb);
        sep = "_";
      }
      for (Port p : circuit.outputs()) {
        sb.append(sep);
        bits(outputs.get(p.name())[v], p.width(), sb);
        sep = "_";
      }
      w.write(sb.append('\n').toString());
    }
  }

  private static String ports(Iterable<Port> ports) {
    StringBuilder sb = new StringBuilder();
    for (Port p : ports) {
      sb.append(' ').append(Names.identifier(p.name())).append('[').append(p.width() - 1)
          .append(":0]");
    }
    return sb.toString();
  }

  private static void bits(BigInteger x, int width, StringBuilder sb) {
    for (int b = width - 1; b >= 0; b--) {
      sb.append(x.testBit(b) ? '1' : '0');
    }
  }
}
