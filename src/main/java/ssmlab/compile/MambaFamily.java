package ssmlab.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.LongConsumer;
import ssmlab.circuit.GateType;
import ssmlab.circuit.uniform.AddressedFamily;
import ssmlab.circuit.uniform.FpFamilies;
import ssmlab.circuit.uniform.Gate;
import ssmlab.circuit.uniform.PartLeaf;
import ssmlab.compile.uniform.Call;
import ssmlab.compile.uniform.MambaProgram;
import ssmlab.compile.uniform.Operand;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

/**
 * A trained Mamba compiled for length n ({@code circuit model}'s construction, verbatim) as an
 * addressed family: any gate from its address, for fixed weights and format and any n.
 *
 * <p>Address = (section·2^wk + k)·2^wl + local, section 0 the constants, 1 token bit (t, j),
 * 2 gate (t, offset) of position t's embedding multiplexers, 3 gate {@code local} of program step
 * k ({@link MambaProgram}). A step's gates are its F_p block: for the steps that do not grow
 * with n (everything but the unrolled scan's products and sums) the block of its template step,
 * stored once from the verbatim build at the template length ({@link GateBlock}: constant size
 * in n, the model hard-wired); for the scan's growing products and sums the addressed fp-prod
 * and fp-sum families of their arity, whose leaves are replaced by the operands' gates. An
 * operand bit is found by {@link MambaProgram#operand}: the producing step's result bit (the
 * producer's block or family output; a block's result may be an operand's bit passed through, a
 * product or sum of one term is its term), or a multiplexer output of the embedded token.
 */
public final class MambaFamily implements AddressedFamily {
  private static final int CONST = 0;
  private static final int TOKEN = 1;
  private static final int MUX = 2;
  private static final int STEP = 3;

  private final String describe;
  private final MambaProgram program;
  private final long n;
  private final FloatFormat format;
  private final int width;
  private final int tokenBits;
  private final int vocab;
  private final GateBlock mux;
  private final long[][] embedded;
  private final GateBlock[] blocks;
  private final Map<Long, AddressedFamily> parts = new HashMap<>();
  private final int wk;
  private final int wl;

  private MambaFamily(String describe, MambaProgram program, long n, FloatFormat format,
      int tokenBits, int vocab, GateBlock mux, long[][] embedded, GateBlock[] blocks) {
    this.describe = describe;
    this.program = program;
    this.n = n;
    this.format = format;
    this.width = format.p() + format.q() + 2;
    this.tokenBits = tokenBits;
    this.vocab = vocab;
    this.mux = mux;
    this.embedded = embedded;
    this.blocks = blocks;
    int local = Math.max(bitLength(mux.size()), bitLength(tokenBits));
    for (GateBlock b : blocks) {
      local = b == null ? local : Math.max(local, bitLength(b.size()));
    }
    if (program.form() == ScanForm.UNROLLED && n > 1) {
      local = Math.max(local, Math.max(part(Call.SUM, n).addressBits(),
          part(Call.PRODUCT, n).addressBits()));
    }
    this.wl = local;
    this.wk = bitLength(Math.max(program.size(n), n));
    if (4 + wk + wl > 63) {
      throw new IllegalArgumentException(describe + " needs addresses of " + (4 + wk + wl)
          + " bits, more than 63; use a smaller --length");
    }
  }

  /** The member at length n of the family of {@code w} in F_f (functions as tables or paper). */
  public static MambaFamily of(String name, MambaWeights w, FloatFormat f, Functions functions,
      ScanForm form, long n) {
    if (n < 1) {
      throw new IllegalArgumentException("--length must be at least 1, got " + n);
    }
    MambaProgram program = MambaProgram.of(w, form);
    int n0 = program.templateLength();
    ForwardSpans built = ForwardSpans.of(w, f, functions, form, n0);
    int vocab = w.embedding().length;
    int bits = TokenPorts.tokenBits(vocab);
    int muxStart = 2 + n0 * bits;
    int muxSize = (built.prologue() - muxStart) / n0;
    GateBlock mux = null;
    for (int t = 0; t < n0; t++) {
      int[] token = new int[bits];
      for (int j = 0; j < bits; j++) {
        token[j] = 2 + t * bits + j;
      }
      GateBlock b = GateBlock.of(built.builder(), muxStart + t * muxSize, muxSize,
          new int[][] {token}, new int[0]);
      if (mux != null && !mux.sameAs(b)) {
        throw new IllegalStateException("the embedding's multiplexers differ by position");
      }
      mux = b;
    }
    long[][] embedded = embeddedCodes(program, built, n0, w.config().dModel(), muxStart, muxSize,
        f.p() + f.q() + 2);
    GateBlock[] blocks = new GateBlock[built.spans().size()];
    Map<Integer, List<GateBlock>> distinct = new HashMap<>();
    for (int k = 0; k < blocks.length; k++) {
      if (program.templateIndex(n0, k) == k) {
        ForwardSpans.Span s = built.spans().get(k);
        GateBlock b = GateBlock.of(built.builder(), s.first(), s.gates(), s.operands(),
            s.result());
        // one copy of each distinct block: the function tables and the products of one shape
        // repeat, gate for gate
        List<GateBlock> same = distinct.computeIfAbsent(b.contentHash(), h -> new ArrayList<>());
        blocks[k] = same.stream().filter(b::sameAs).findFirst().orElse(b);
        if (blocks[k] == b) {
          same.add(b);
        }
      }
    }
    String d = "--checkpoint " + name + " --length " + n + " --precision " + f.p()
        + " --exponent-bits " + f.q() + " --form " + form.id()
        + (functions == Functions.PAPER ? " --functions paper" : "");
    return new MambaFamily(d, program, n, f, bits, vocab, mux, embedded, blocks);
  }

  /** Where position 0's multiplexers put component c's bit j (a code of the mux block). */
  private static long[][] embeddedCodes(MambaProgram program, ForwardSpans built, int n0,
      int dModel, int muxStart, int muxSize, int width) {
    long[][] codes = new long[dModel][];
    int found = 0;
    for (int k = 0; found < dModel && k < built.spans().size(); k++) {
      for (int i = 0; i < program.arity(n0, k); i++) {
        if (program.operand(n0, k, i) instanceof Operand.Input in && in.position() == 0
            && codes[in.component()] == null) {
          int[] bus = built.spans().get(k).operands()[i];
          codes[in.component()] = new long[width];
          for (int j = 0; j < width; j++) {
            int wire = bus[j];
            codes[in.component()][j] = wire == 0 ? GateBlock.FALSE : wire == 1 ? GateBlock.TRUE
                : wire - muxStart;
            if (wire > 1 && (wire < muxStart || wire >= muxStart + muxSize)) {
              throw new IllegalStateException("position 0's input bit is gate " + wire
                  + ", not one of its multiplexers");
            }
          }
          found++;
        }
      }
    }
    if (found < dModel) {
      throw new IllegalStateException("the program reads " + found + " of " + dModel
          + " input components");
    }
    return codes;
  }

  private AddressedFamily part(Call call, long arity) {
    return parts.computeIfAbsent(arity * 2 + (call == Call.SUM ? 0 : 1),
        key -> FpFamilies.of(call == Call.SUM ? "fp-sum" : "fp-prod", format.p(), format.q(),
            (int) arity));
  }

  /** The part of a growing step; null for a product of one factor (no gates). */
  private AddressedFamily growing(long k) {
    long arity = program.arity(n, k);
    Call call = program.call(n, k);
    return call == Call.PRODUCT && arity == 1 ? null : part(call, arity);
  }

  private long address(int section, long k, long local) {
    return ((long) section << wk | k) << wl | local;
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public int addressBits() {
    return 4 + wk + wl;
  }

  @Override
  public int[] fieldBits() {
    return new int[] {wk, wl};
  }

  @Override
  public Gate gate(long address) {
    if (address < 0 || address >>> (wk + wl) > STEP) {
      throw new IllegalArgumentException("address " + address + ": the section must be 0..3");
    }
    int section = (int) (address >>> (wk + wl));
    long k = address >>> wl & ((1L << wk) - 1);
    long local = address & ((1L << wl) - 1);
    return switch (section) {
      case CONST -> {
        if (k != 0 || local > 1) {
          throw new IllegalArgumentException("address " + address + ": constants are 0 and 1");
        }
        yield leaf(address, local == 0 ? GateType.CONST0 : GateType.CONST1);
      }
      case TOKEN -> {
        if (k >= n || local >= tokenBits) {
          throw new IllegalArgumentException("address " + address + ": " + n + " tokens of "
              + tokenBits + " bits");
        }
        yield leaf(address, GateType.INPUT);
      }
      case MUX -> {
        if (k >= n || local >= mux.size()) {
          throw new IllegalArgumentException("address " + address + ": " + n + " positions of "
              + mux.size() + " multiplexer gates");
        }
        yield blockGate(address, mux, (int) local, code -> muxCode(k, code));
      }
      default -> stepGate(address, k, local);
    };
  }

  private Gate stepGate(long address, long k, long local) {
    if (k >= program.size(n)) {
      throw new IllegalArgumentException("address " + address + ": step " + k + " of "
          + program.size(n));
    }
    long t = program.templateIndex(n, k);
    if (t >= 0) {
      GateBlock b = blocks[(int) t];
      if (local >= b.size()) {
        throw new IllegalArgumentException("address " + address + ": step " + k + " has "
            + b.size() + " gates");
      }
      return blockGate(address, b, (int) local, code -> stepCode(k, code));
    }
    AddressedFamily part = growing(k);
    if (part == null) {
      throw new IllegalArgumentException("address " + address + ": step " + k
          + " is a product of one factor, no gates");
    }
    if (PartLeaf.at(part, local) != null) {
      throw new IllegalArgumentException("address " + address + ": a leaf of step " + k
          + "'s part is its operand's gate, not a gate of its own");
    }
    Gate g = part.gate(local);
    return new Gate(address, g.type(), g.fanIn(), g.threshold(),
        i -> partInput(k, part, g.input(i)), g.weighted() ? g::weight : null);
  }

  private static Gate blockGate(long address, GateBlock b, int g, LongUnaryOperator resolve) {
    long[] in = b.inputs()[g];
    int[] w = b.weights()[g];
    return new Gate(address, b.types()[g], in.length, b.thresholds()[g],
        i -> resolve.applyAsLong(in[i]), w == null ? null : i -> w[i]);
  }

  private static Gate leaf(long address, GateType type) {
    return new Gate(address, type, 0, 0, i -> {
      throw new IndexOutOfBoundsException(i);
    }, null);
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    for (int i = 0; i < gate.fanIn(); i++) {
      if (gate.input(i) == h) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public long gateCount() {
    long[] count = {0};
    forEachAddress(a -> count[0]++);
    return count[0];
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    sink.accept(address(CONST, 0, 0));
    sink.accept(address(CONST, 0, 1));
    for (long t = 0; t < n; t++) {
      for (int j = 0; j < tokenBits; j++) {
        sink.accept(address(TOKEN, t, j));
      }
    }
    for (long t = 0; t < n; t++) {
      for (int o = 0; o < mux.size(); o++) {
        sink.accept(address(MUX, t, o));
      }
    }
    for (long k = 0; k < program.size(n); k++) {
      long t = program.templateIndex(n, k);
      if (t >= 0) {
        for (int o = 0; o < blocks[(int) t].size(); o++) {
          sink.accept(address(STEP, k, o));
        }
        continue;
      }
      AddressedFamily part = growing(k);
      if (part != null) {
        long step = k;
        part.forEachAddress(a -> {
          if (PartLeaf.at(part, a) == null) {
            sink.accept(address(STEP, step, a));
          }
        });
      }
    }
  }

  @Override
  public int outputBits() {
    return Math.toIntExact(n * vocab * width);
  }

  @Override
  public long output(int i) {
    if (i < 0 || i >= outputBits()) {
      throw new IllegalArgumentException("output bit " + i + " of " + outputBits());
    }
    long t = i / ((long) vocab * width);
    int v = (int) (i / width % vocab);
    return resultBit(program.logitStep(n, t, v), i % width);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    while (true) {
      long k = rnd.nextLong(program.size(n));
      long t = program.templateIndex(n, k);
      if (t >= 0 && blocks[(int) t].size() > 0) {
        return address(STEP, k, rnd.nextInt(blocks[(int) t].size()));
      }
      AddressedFamily part = t >= 0 ? null : growing(k);
      if (part != null) {
        for (int tries = 0; tries < 64; tries++) {
          long a = part.sample(rnd);
          if (PartLeaf.at(part, a) == null) {
            return address(STEP, k, a);
          }
        }
      }
    }
  }

  /** The address a code of step k's block stands for. */
  private long stepCode(long k, long code) {
    if (code >= 0) {
      return address(STEP, k, code);
    }
    if (code >= GateBlock.TRUE) {
      return constant(code);
    }
    return operandBit(k, GateBlock.operand(code, width), GateBlock.bit(code, width));
  }

  /** The address a code of position t's multiplexer block stands for. */
  private long muxCode(long t, long code) {
    if (code >= 0) {
      return address(MUX, t, code);
    }
    if (code >= GateBlock.TRUE) {
      return constant(code);
    }
    return address(TOKEN, t, GateBlock.bit(code, tokenBits));
  }

  private long constant(long code) {
    return address(CONST, 0, code == GateBlock.FALSE ? 0 : 1);
  }

  /** Input address a of step k's part, its leaves replaced by the operands' gates. */
  private long partInput(long k, AddressedFamily part, long a) {
    PartLeaf leaf = PartLeaf.at(part, a);
    if (leaf == null) {
      return address(STEP, k, a);
    }
    return leaf.constant() ? address(CONST, 0, leaf.operand())
        : operandBit(k, (int) leaf.operand(), leaf.bit());
  }

  /** Bit j of operand i of step k. */
  private long operandBit(long k, int i, int j) {
    return switch (program.operand(n, k, i)) {
      case Operand.Step s -> resultBit(s.index(), j);
      case Operand.Input in -> muxCode(in.position(), embedded[in.component()][j]);
      case Operand.Constant c -> throw new IllegalStateException("step " + k
          + " reads a weight outside its block");
    };
  }

  /** Bit j of step k's result. */
  private long resultBit(long k, int j) {
    long t = program.templateIndex(n, k);
    if (t >= 0) {
      return stepCode(k, blocks[(int) t].result()[j]);
    }
    AddressedFamily part = growing(k);
    return part == null ? operandBit(k, 0, j) : partInput(k, part, part.output(j));
  }

  /** The bits of the numbers 0 .. v − 1 (at least 1). */
  private static int bitLength(long v) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, v) - 1));
  }
}
