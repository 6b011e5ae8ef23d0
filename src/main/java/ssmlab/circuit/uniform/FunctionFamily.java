package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import ssmlab.circuit.GateType;
import ssmlab.circuit.fp.FpWires;

/**
 * A {@link FunctionProgram} as one addressed family: its operations' families ({@link OperationFamily})
 * composed in program order. Address = k·2^W + h with W the widest operation's address bits:
 * k = 0 holds the circuit's own leaves (h = 0 false, 1 true, 2 + i bit i of the input x), and
 * k ≥ 1 gate h of operation k − 1's family, whose own leaves are no gates here: a gate's input
 * that is one is answered by arithmetic on the program, as the output gate of the operation
 * that produced the operand (its output bit i), the input's bit i, or false/true for a bit of
 * a constant. The outputs are the last operation's.
 *
 * <p>A query is the operation's query plus O(1) reads of the program (advice of O(p) entries)
 * per input leaf it resolves; {@link #inputIndex} scans the fan-in. Set-up resolves every
 * operation's output bits once to tell each sum which of its port bits are the constant false
 * (the builder's column sums leave those out).
 */
final class FunctionFamily implements AddressedFamily {
  private final String describe;
  private final List<OperationFamily> ops;
  /** The bits of h; while the operations are set up, the widest so far. */
  private int inner;
  private final int bits;
  private final int inputWidth;

  /** @throws IllegalArgumentException when an operation has no family, or addresses exceed 63 bits */
  FunctionFamily(String describe, FunctionProgram program) {
    if (program.ops().isEmpty() || program.output().op() != program.ops().size() - 1) {
      throw new IllegalArgumentException(describe + ": the output must be the last operation's");
    }
    this.describe = describe;
    this.ops = new ArrayList<>();
    int w = 2;
    for (ProgramOp op : program.ops()) {
      List<BigInteger> falseBits = new ArrayList<>();
      for (ProgramValue v : op.operands()) {
        falseBits.add(v.isConstant() ? OperationFamily.zeros(v.constant())
            : v.op() < 0 ? null : falseOutputs(v.op(), FpWires.width(v.format())));
      }
      OperationFamily f = OperationFamily.of(op, falseBits);
      ops.add(f);
      w = Math.max(w, f.family().addressBits());
      this.inner = w;
    }
    this.bits = w + Stage.bitLength(ops.size());
    if (bits > 63) {
      throw new IllegalArgumentException(describe + " needs addresses of " + bits + " bits");
    }
    this.inputWidth = FpWires.width(program.format());
  }

  private long at(long k, long h) {
    return k << inner | h;
  }

  /** The output bits of operation k that are the constant false here (polynomial set-up). */
  private BigInteger falseOutputs(int k, int width) {
    BigInteger m = BigInteger.ZERO;
    for (int i = 0; i < width; i++) {
      m = output(k, i) == 0 ? m.setBit(i) : m;
    }
    return m;
  }

  /** The address here of address h of operation k's family. */
  private long resolve(int k, long h) {
    PartLeaf leaf = PartLeaf.at(ops.get(k).family(), h);
    if (leaf == null) {
      return at(k + 1L, h);
    }
    if (leaf.constant()) {
      return leaf.operand();
    }
    int bit = leaf.bit();
    ProgramValue v = ops.get(k).ports().get((int) leaf.operand());
    if (v.isConstant()) {
      BigInteger c = FpWires.encode(v.constant());
      return c.testBit(bit) ? 1 : 0;
    }
    return v.op() < 0 ? 2 + bit : output(v.op(), bit);
  }

  /** Output bit i of operation k, here. */
  private long output(int k, int i) {
    return resolve(k, ops.get(k).family().output(i));
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public int addressBits() {
    return bits;
  }

  /** The operation index field and the inner address: {k, h}. */
  @Override
  public int[] fieldBits() {
    return new int[] {bits - inner, inner};
  }

  @Override
  public Gate gate(long address) {
    long k = address < 0 ? -1 : address >>> inner;
    long h = address & ((1L << inner) - 1);
    if (k < 0 || k > ops.size()) {
      throw new IllegalArgumentException("address " + address + " is no gate of " + describe
          + ": operation field " + k + " outside 0.." + ops.size());
    }
    if (k == 0) {
      if (h >= 2 + inputWidth) {
        throw new IllegalArgumentException("address " + address + " is no gate of " + describe
            + ": leaves are 0, 1 and the input's " + inputWidth + " bits");
      }
      return Gate.leaf(address, h == 0 ? GateType.CONST0 : h == 1 ? GateType.CONST1
          : GateType.INPUT);
    }
    int op = (int) k - 1;
    AddressedFamily f = ops.get(op).family();
    if (PartLeaf.at(f, h) != null) {
      throw new IllegalArgumentException("address " + address + " is no gate of " + describe
          + ": a leaf of operation " + op + ", which is " + resolve(op, h) + " here");
    }
    Gate g;
    try {
      g = f.gate(h);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("address " + address + " is no gate of " + describe
          + ": operation " + op + ": " + e.getMessage(), e);
    }
    return new Gate(address, g.type(), g.fanIn(), g.threshold(),
        i -> resolve(op, g.input(i)), g.weighted() ? g::weight : null);
  }

  @Override
  public int inputIndex(long g, long h) {
    return Stage.scan(gate(g), h);
  }

  @Override
  public long gateCount() {
    long n = 2 + inputWidth;
    for (OperationFamily f : ops) {
      n += f.family().gateCount() - f.leafCount();
    }
    return n;
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    for (long h = 0; h < 2 + inputWidth; h++) {
      sink.accept(h);
    }
    for (int k = 0; k < ops.size(); k++) {
      AddressedFamily f = ops.get(k).family();
      long prefix = at(k + 1L, 0);
      f.forEachAddress(h -> {
        if (PartLeaf.at(f, h) == null) {
          sink.accept(prefix | h);
        }
      });
    }
  }

  @Override
  public int outputBits() {
    return ops.getLast().family().outputBits();
  }

  @Override
  public long output(int i) {
    return output(ops.size() - 1, i);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    int k = rnd.nextInt(ops.size());
    AddressedFamily f = ops.get(k).family();
    long h;
    do {
      h = f.sample(rnd);
    } while (PartLeaf.at(f, h) != null);
    return at(k + 1L, h);
  }
}
