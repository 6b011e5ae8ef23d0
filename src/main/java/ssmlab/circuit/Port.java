package ssmlab.circuit;

import java.util.Arrays;

/**
 * A named multi-bit input or output of a circuit: wire ids, least significant bit first.
 *
 * @param name the port name
 * @param wires the wire ids of its bits, LSB first. Not modified.
 */
public record Port(String name, int[] wires) {
  public Port {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a port needs a name");
    }
    wires = wires.clone();
  }

  public int width() {
    return wires.length;
  }

  public int wire(int bit) {
    return wires[bit];
  }

  @Override
  public int[] wires() {
    return wires.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Port p && p.name.equals(name) && Arrays.equals(p.wires, wires);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(wires);
  }

  @Override
  public String toString() {
    return name + "[" + wires.length + "]";
  }
}
