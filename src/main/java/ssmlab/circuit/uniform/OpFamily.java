package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.GateType;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireAlgebra;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * One operation of a {@link FunctionProgram} alone, as a family: part 0 the leaves (constants,
 * then one input port per distinct variable operand, field a = bus bit, b = port), part 1 on the
 * kind's {@link OpPart}, whose operand wires are those ports' bits or, for a constant operand, the
 * constants holding its bits. {@link #build} makes the same call of {@code WireAlgebra} on the
 * same ports, so {@code FamilyCheck} compares the part with its builder code gate for gate; a
 * composed function family would wire the operands to earlier operations' outputs instead.
 */
final class OpFamily extends PartedFamily {
  private static final int LEAF = 0;
  private static final int FIRST = 1;

  private final ProgramOp op;
  /** Variable operands (by the op that computes them, −1 for the input) → port. */
  private final Map<Integer, Integer> ports = new LinkedHashMap<>();
  private final List<FloatFormat> portFormats = new ArrayList<>();
  private final Parts parts;
  private final OpPart part;

  OpFamily(String describe, ProgramOp op) {
    super(describe, FIRST + partCount(op.kind()));
    this.op = op;
    long need = 16; // small fixed fields: the rounding's flags (b ≤ 12), an adder bit's gates
    for (ProgramValue v : op.operands()) {
      if (!v.isConstant() && !ports.containsKey(v.op())) {
        ports.put(v.op(), ports.size());
        portFormats.add(v.format());
      }
      need = Math.max(need, FpWires.width(v.format()) + 1L);
    }
    need = Math.max(need, Math.max(ports.size(), partNeed(op)));
    this.parts = new Parts(Layout.forMax(need, need), 0,
        Stage.bitLength(FIRST + partCount(op.kind())));
    List<OperandBus> in = op.operands().stream().map(this::operand).toList();
    this.part = switch (op.kind()) {
      case NEGATE -> new NegatePart(parts, FIRST, in.getFirst());
      case MANTISSA -> new MantissaPart(parts, FIRST, in.getFirst());
      case LESS_THAN_SELECT -> new SelectPart(parts, FIRST, in.get(0), in.get(1), in.get(2),
          in.get(3));
      case LOOKUP -> new LookupPart(parts, FIRST, in.getFirst(), op.keys(), op.values());
      case EXPONENT -> new ExponentPart(parts, FIRST, in.getFirst(), op.format());
      case SCALE -> new ScalePart(parts, FIRST, in.get(0), in.get(1), op.format());
      default -> throw unaddressed(op.kind());
    };
  }

  private static IllegalArgumentException unaddressed(OpKind kind) {
    return new IllegalArgumentException("no operation part for " + kind.label());
  }

  private static int partCount(OpKind kind) {
    return switch (kind) {
      case NEGATE, MANTISSA, LOOKUP -> 1;
      case LESS_THAN_SELECT -> LessThanPart.PARTS + 1;
      case EXPONENT -> ExponentPart.PARTS;
      case SCALE -> ScalePart.PARTS;
      default -> throw unaddressed(kind);
    };
  }

  /** The largest field value the kind's part uses for this operation. */
  private static long partNeed(ProgramOp op) {
    FloatFormat f = op.operands().getFirst().format();
    OperandBus x = bus(f);
    return switch (op.kind()) {
      case NEGATE -> 2;
      case MANTISSA -> f.q() + 1L;
      case LESS_THAN_SELECT -> SelectPart.need(x, bus(op.operands().get(2).format()));
      case LOOKUP -> LookupPart.need(x, op.keys().size(),
          FpWires.width(op.values().getFirst().format()));
      case EXPONENT -> ExponentPart.need(f, op.format());
      case SCALE -> ScalePart.need(f, op.operands().get(1).format(), op.format());
      default -> throw unaddressed(op.kind());
    };
  }

  /** A bus of format f for its widths only. */
  private static OperandBus bus(FloatFormat f) {
    return new OperandBus(f, i -> 0, h -> -1);
  }

  /** The wires of operand v: a port's input bits, or the constants holding its bits. */
  private OperandBus operand(ProgramValue v) {
    Layout l = parts.base();
    if (v.isConstant()) {
      BigInteger bits = FpWires.encode(v.constant());
      int width = FpWires.width(v.format());
      long one = parts.const1();
      long zero = parts.const0();
      return new OperandBus(v.format(), i -> bits.testBit((int) i) ? one : zero, h -> {
        long i = h == one ? bits.getLowestSetBit() : h == zero ? bits.not().getLowestSetBit() : -1;
        return i < width ? i : -1;
      });
    }
    long port = ports.get(v.op());
    return new OperandBus(v.format(), i -> l.address(Section.INPUT, i, port),
        h -> l.section(h) == Section.INPUT && l.b(h) == port ? l.a(h) : -1);
  }

  /**
   * Builds the operation as {@code WireAlgebra} does into {@code b}: input ports x0, x1, ... for
   * the variable operands, constant wires for the others; returns the output bus z (also the
   * output port).
   */
  int[] build(CircuitBuilder b) {
    List<FpWires> declared = new ArrayList<>();
    for (int i = 0; i < portFormats.size(); i++) {
      declared.add(FpWires.input(b, "x" + i, portFormats.get(i)));
    }
    List<FpWires> in = new ArrayList<>();
    for (ProgramValue v : op.operands()) {
      in.add(v.isConstant() ? FpWires.constant(v.constant()) : declared.get(ports.get(v.op())));
    }
    WireAlgebra a = new WireAlgebra(b);
    FpWires z = switch (op.kind()) {
      case NEGATE -> a.negate(in.getFirst());
      case MANTISSA -> a.mantissa(in.getFirst());
      case LESS_THAN_SELECT -> a.lessThanSelect(in.get(0), in.get(1), in.get(2), in.get(3));
      case LOOKUP -> a.lookup(in.getFirst(), op.keys(), op.values());
      case EXPONENT -> a.exponent(in.getFirst(), op.format());
      case SCALE -> a.scale(in.get(0), in.get(1), op.format());
      default -> throw unaddressed(op.kind());
    };
    int[] out = z.bits();
    b.output("z", out);
    return out;
  }

  /** The widths of the input ports, in order. */
  int inputBits() {
    return portFormats.stream().mapToInt(FpWires::width).sum();
  }

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  Gate decode(long address, int p, long j, int sec, long a, long b) {
    if (p != LEAF) {
      return part.gate(address, p, j, sec, a, b);
    }
    requireNoIndex(p, j);
    Section s = parts.base().section(address);
    if (s == Section.CONST) {
      OpPart.require(a == 0 && b <= 1, "constants are a = 0, b = 0 (false) and 1 (true)");
      return Gate.leaf(address, b == 0 ? GateType.CONST0 : GateType.CONST1);
    }
    OpPart.require(s == Section.INPUT && b < portFormats.size()
        && a < FpWires.width(portFormats.get((int) b)), "leaves are constants and the bits of "
        + portFormats.size() + " input ports");
    return Gate.leaf(address, GateType.INPUT);
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int p = parts.part(g);
    return p == LEAF ? -1 : part.inputIndex(gate, p, g, h);
  }

  @Override
  public long gateCount() {
    return 2 + inputBits() + part.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    Layout l = parts.base();
    sink.accept(parts.const0());
    sink.accept(parts.const1());
    for (int port = 0; port < portFormats.size(); port++) {
      for (int i = 0; i < FpWires.width(portFormats.get(port)); i++) {
        sink.accept(l.address(Section.INPUT, i, port));
      }
    }
    part.forEach(sink);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return part.sample(rnd);
  }

  @Override
  public int outputBits() {
    return part.outputBits();
  }

  @Override
  public long output(int i) {
    if (i < 0 || i >= outputBits()) {
      throw new IndexOutOfBoundsException("output bit " + i + " of " + outputBits());
    }
    return part.output(i);
  }
}
