package ssmlab.circuit.fp;

import java.math.BigInteger;
import java.util.List;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.circuit.tc0.Shifter;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FpAlgebra;

/**
 * {@link FpAlgebra} over wires: each operation is the F_p circuit of {@link FpOps} or one
 * {@link Rounding}, so {@code PaperFunctions} run on it builds circuits that agree bit for bit
 * with the same functions on exact floats. Public so that the addressed parts of the program
 * operations ({@code ssmlab.circuit.uniform.OpFamily}) are checked against this builder code.
 */
public final class WireAlgebra implements FpAlgebra<FpWires> {
  private final CircuitBuilder b;

  public WireAlgebra(CircuitBuilder b) {
    this.b = b;
  }

  @Override
  public FloatFormat format(FpWires x) {
    return x.format();
  }

  @Override
  public FpWires constant(FloatP c) {
    return FpWires.constant(c);
  }

  @Override
  public FpWires convert(FpWires x, FloatFormat to) {
    return x.format().equals(to) ? x : Rounding.round(b, to, x.sign(), x.m(), x.e());
  }

  @Override
  public FpWires sum(List<FpWires> xs) {
    return FpOps.sum(b, xs);
  }

  @Override
  public FpWires product(List<FpWires> xs) {
    return FoldedProduct.product(b, xs);
  }

  @Override
  public FpWires floor(FpWires x) {
    return FpOps.floor(b, x);
  }

  @Override
  public FpWires negate(FpWires x) {
    return FpOps.negate(b, x);
  }

  @Override
  public FpWires lessThanSelect(FpWires x, FpWires y, FpWires ifLess, FpWires otherwise) {
    int c = FpOps.lessThan(b, x, y);
    int[] p = ifLess.bits();
    int[] q = otherwise.bits();
    int[] out = new int[p.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.mux(c, p[i], q[i]);
    }
    return FpWires.of(ifLess.format(), out);
  }

  @Override
  public FpWires lookup(FpWires x, List<FloatP> keys, List<FloatP> values) {
    int[] bits = x.bits();
    int[] hit = new int[keys.size()];
    BigInteger[] table = new BigInteger[keys.size()];
    int[] lits = new int[bits.length];
    for (int i = 0; i < hit.length; i++) {
      BigInteger key = FpWires.encode(keys.get(i));
      for (int k = 0; k < bits.length; k++) {
        lits[k] = key.testBit(k) ? bits[k] : b.not(bits[k]);
      }
      hit[i] = b.and(lits);
      table[i] = FpWires.encode(values.get(i));
    }
    FloatFormat g = values.getFirst().format();
    return FpWires.of(g, Encoder.lookup(b, hit, table, FpWires.width(g)));
  }

  @Override
  public FpWires exponent(FpWires x, FloatFormat to) {
    FloatFormat f = x.format();
    int w = Signed.widthFor(f.minExponent() + f.p() - 1, f.maxExponent() + f.p() - 1) + 1;
    int[] k = Signed.add(b, x.e(), Signed.constant(f.p() - 1, w), w);
    for (int i = 0; i < w; i++) {
      k[i] = b.and(k[i], x.nonZero());
    }
    int negative = k[w - 1];
    int[] magnitude = conditionalNegate(k, negative, w);
    return Rounding.round(b, to, negative, magnitude, Signed.constant(0, 2));
  }

  @Override
  public FpWires mantissa(FpWires x) {
    FloatFormat f = x.format();
    int[] e = Signed.constant(-(f.p() - 1), f.q() + 1);
    for (int i = 0; i < e.length; i++) {
      e[i] = b.and(e[i], x.nonZero());
    }
    return new FpWires(f, CircuitBuilder.FALSE, x.m(), e);
  }

  /**
   * round_to(x · 2^k): |k| = (m_k · 2^(e_k + p_k − 1)) / 2^(p_k − 1) by one shift, then the
   * exponent e_x ± |k| into the rounding.
   */
  @Override
  public FpWires scale(FpWires x, FpWires k, FloatFormat to) {
    FloatFormat g = k.format();
    int pk = g.p();
    int kb = Math.max(to.q(), Math.max(g.q(), x.format().q())) + 3;
    int aw = Signed.widthFor(g.minExponent() + pk - 1, g.maxExponent() + pk - 1);
    int[] a = Signed.add(b, k.e(), Signed.constant(pk - 1, aw), aw);
    int amountBits = Bits.bitLength(pk - 1 + kb);
    int[] amount = new int[amountBits];
    for (int i = 0; i < amountBits; i++) {
      amount[i] = i < aw ? b.and(a[i], b.not(a[aw - 1])) : CircuitBuilder.FALSE;
    }
    int[] shifted = Shifter.shiftLeft(b, k.m(), amount, pk - 1 + kb);
    int[] magnitude = Bits.slice(shifted, pk - 1, pk - 1 + kb);
    int ew = Math.max(x.format().q() + 1, kb + 1) + 2;
    int s = k.sign();
    int[] signed = new int[ew];
    for (int i = 0; i < ew; i++) {
      signed[i] = b.xor(i < kb ? magnitude[i] : CircuitBuilder.FALSE, s);
    }
    int[] e = Signed.add(b, x.e(), signed, s, ew);
    return Rounding.round(b, to, x.sign(), x.m(), e);
  }

  /** |v| of a two's complement bus whose sign is {@code negative}. */
  private int[] conditionalNegate(int[] v, int negative, int w) {
    int[] flipped = new int[w];
    for (int i = 0; i < w; i++) {
      flipped[i] = b.xor(v[i], negative);
    }
    return Signed.add(b, flipped, Signed.constant(0, w), negative, w);
  }
}
