package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;

/**
 * The CRT reconstruction {@code Residues.reconstruct} as six parts of a composed family (int-prod,
 * int-div), from one-hot residues given by address; in build order, parts {@code first + 0..5}:
 * <ol start="0">
 *   <li>the lookups, with A = r·u_j mod q (u_j = (M/q_j)^{−1} mod q_j): section 0 bit a of
 *       γ_j = (M/q_j)·A, 1 bit a of ⌊A·2^F/q⌋, each the OR over r of [X ≡ r] or false;
 *   <li>Ŝ = Σ_j ⌊A_j 2^F/q_j⌋ + 2^{F−2} (iterated addition);
 *   <li>[t = v] for t = ⌊Ŝ/2^F⌋: 0 NOT (a = v, b = i), 1 AND (a = v);
 *   <li>Σ_j γ_j (iterated addition);
 *   <li>0 bit i of t·M (lookup on [t = v]), 1 its NOT;
 *   <li>the adder of Σ γ_j + ¬(t·M) + 1, whose low bits are X.
 * </ol>
 * A lookup bit that no table entry has is the constant false (no gate): where γ_j or t·M lacks
 * bit i, decided by {@link BigBits#someMultipleHasBit}. The verbatim build sums exactly the bits
 * the tables have (a lookup bit is false only where no entry has it), so it has this shape with
 * {@code reconstruct(…, byTables)} either way.
 *
 * <p>Advice, computed once per member in polynomial time: the primes, M = Π q_j, the cofactors
 * M/q_j (k numbers of about log₂ M bits) and the column heights of Σ γ_j. A query then reads a
 * window of a cofactor to decide whether an input of a lookup has a bit (O(1) word operations
 * but in one case of about 2^8, then O(log M / w)), and the entries of a Σ γ_j column from a
 * table of which γ_j have each bit (log₂ M · k bits of advice; rank and select in O(k/64)).
 */
final class Reconstruction {
  private final Parts parts;
  private final int look;
  private final int[] primes;
  private final LongBinaryOperator residue;
  private final int width;
  private final BigInteger modulus;
  private final BigBits modulusBits;
  private final BigBits[] cofactorBits;
  private final long[] inverses;
  /** Bit j of words c·stride.. is set when γ_j has bit c for some A: column c of Σ γ_j. */
  private final long[] gammaColumns;
  private final int stride;
  private final int[] gammaHeights;
  private final int mBits;
  private final int frac;
  private final SumStages sHat;
  private final SumStages gSum;
  private final AdderStage sub;
  private final int tWidth;
  private final int tmCount;

  /**
   * @param first the part number of the lookups; the other five follow
   * @param residue (j, r) → the address of [X ≡ r (mod q_j)]
   * @param width the bits of X the caller reads
   */
  Reconstruction(Parts parts, int first, int[] primes, LongBinaryOperator residue, int width) {
    this.parts = parts;
    this.look = first;
    this.primes = primes;
    this.residue = residue;
    this.width = width;
    int k = primes.length;
    this.modulus = modulus(primes);
    this.modulusBits = new BigBits(modulus);
    this.mBits = modulus.bitLength();
    this.frac = Stage.bitLength(k) + 3;
    this.gammaHeights = new int[mBits];
    this.cofactorBits = new BigBits[k];
    this.inverses = new long[k];
    this.stride = (k + 63) >>> 6;
    this.gammaColumns = new long[mBits * stride];
    for (int j = 0; j < k; j++) {
      int q = primes[j];
      BigInteger bq = BigInteger.valueOf(q);
      BigInteger cofactor = modulus.divide(bq);
      cofactorBits[j] = new BigBits(cofactor);
      inverses[j] = cofactor.mod(bq).modInverse(bq).longValue();
      BigBits mj = cofactorBits[j];
      for (int c = 0; c < mBits; c++) {
        if (mj.someMultipleHasBit(q - 1, c)) {
          gammaHeights[c]++;
          gammaColumns[c * stride + (j >>> 6)] |= 1L << j;
        }
      }
    }
    this.sHat = new SumStages(parts.layout(look + 1, 0), new FracColumns(), k + 1);
    this.tWidth = sHat.width() - frac;
    int maxH = 0;
    for (int h : gammaHeights) {
      maxH = Math.max(maxH, h);
    }
    this.gSum = new SumStages(parts.layout(look + 3, 0), new GammaColumns(), maxH);
    int tm = 0;
    for (int i = 0; i < gSum.width(); i++) {
      tm += modulusBits.someMultipleHasBit(k, i) ? 1 : 0;
    }
    this.tmCount = tm;
    this.sub = new AdderStage(parts.layout(look + 5, 0), new SubColumns(), true);
  }

  static BigInteger modulus(int[] primes) {
    BigInteger prod = BigInteger.ONE;
    for (int q : primes) {
      prod = prod.multiply(BigInteger.valueOf(q));
    }
    return prod;
  }

  /**
   * The largest values of fields a and b the six parts use: columns (at most mBits + 3L + 8, as
   * in {@link ColumnSum#layoutFor}), block sums below 4L², prime indices.
   */
  static long[] fieldNeeds(int[] primes) {
    int k = primes.length;
    long l2 = Stage.bitLength(k + 1L);
    long cols = modulus(primes).bitLength() + 3 * l2 + 8;
    return new long[] {cols, Math.max(k + 2L, Math.max(4 * l2 * l2, cols))};
  }

  boolean owns(int part) {
    return part >= look && part < look + 6;
  }

  /** The address of bit i of X: the subtraction's sum, false beyond Σ γ_j's width. */
  long bit(int i) {
    if (i < 0 || i >= width) {
      throw new IndexOutOfBoundsException("bit " + i + " of " + width);
    }
    return i < gSum.width() ? sub.sumBit(i) : parts.const0();
  }

  private long at(int part, long j, int sec, long a, long b) {
    return parts.at(look + part, j, sec, a, b);
  }

  private long crtInverse(int j) {
    return inverses[j];
  }

  private boolean gammaBitExists(int j, int c) {
    return c >= 0 && c < mBits && (gammaColumns[c * stride + (j >>> 6)] >>> j & 1) != 0;
  }

  private static IllegalArgumentException none(String what) {
    return new IllegalArgumentException(what);
  }

  /** The gate of a valid part (see {@link #owns}) at j and section sec. */
  Gate gate(long address, int part, long j, int sec, long a, long b) {
    int rel = part - look;
    if (rel != 0 && j != 0 || j >= primes.length) {
      throw none("no prime index " + j + " (" + primes.length + " primes; the sums have j = 0)");
    }
    return switch (rel) {
      case 0 -> lookup(address, (int) j, sec, a, b);
      case 1 -> parts.sumGate(sHat, part, 0, address);
      case 2 -> select(address, sec, a, b);
      case 3 -> parts.sumGate(gSum, part, 0, address);
      case 4 -> timesM(address, sec, a, b);
      default -> parts.adderGate(sub, part, 0, address);
    };
  }

  /** inputIndex of gate g (valid) of one of the six parts. */
  int inputIndex(Gate gate, int part, long g, long h) {
    return switch (part - look) {
      case 1 -> parts.inputIndex(sHat, null, g, h);
      case 3 -> parts.inputIndex(gSum, null, g, h);
      case 5 -> parts.inputIndex(null, sub, g, h);
      default -> Stage.scan(gate, h);
    };
  }

  private Gate lookup(long address, int j, int sec, long a, long b) {
    int q = primes[j];
    if (b != 0 || sec > 1) {
      throw none("lookup sections 0 (γ) and 1 (fraction) with b = 0");
    }
    long u = crtInverse(j);
    if (sec == 0) {
      if (a >= mBits || !gammaBitExists(j, (int) a)) {
        throw none("bit " + a + " of γ_" + j + " is 0 in every entry (or beyond " + mBits
            + " bits): the constant false");
      }
      BigBits mj = cofactorBits[j];
      return new Gate(address, OR, q, 0, r -> mj.bitOfMultiple(r * u % q, (int) a)
          ? residue.applyAsLong(j, r) : parts.const0(), null);
    }
    if (a >= frac) {
      throw none("fractions have " + frac + " bits, not bit " + a);
    }
    return new Gate(address, OR, q, 0,
        r -> ((((r * u % q) << frac) / q) >>> a & 1) != 0 ? residue.applyAsLong(j, r)
            : parts.const0(), null);
  }

  private Gate select(long address, int sec, long v, long i) {
    int k = primes.length;
    if (v > k || Stage.bitLength(v) > tWidth || sec > 1) {
      throw none("[t = v] for v = 0.." + Math.min(k, (1L << tWidth) - 1) + ", sections 0..1");
    }
    if (sec == 0) {
      if (i >= tWidth || (v >>> i & 1) != 0) {
        throw none("NOTs of the zero bits of v below " + tWidth + ", not bit " + i);
      }
      return Gate.of(address, NOT, sHat.bit(frac + (int) i));
    }
    if (i != 0) {
      throw none("b = 0 for [t = v]");
    }
    return new Gate(address, ssmlab.circuit.GateType.AND, tWidth, 0,
        e -> (v >>> e & 1) != 0 ? sHat.bit(frac + e) : at(2, 0, 0, v, e), null);
  }

  /** [t = v], or false where v does not fit t's width. */
  private long tIs(long v) {
    return Stage.bitLength(v) <= tWidth ? at(2, 0, 1, v, 0) : parts.const0();
  }

  private long tmBit(long i) {
    return modulusBits.someMultipleHasBit(primes.length, (int) i) ? at(4, 0, 0, i, 0)
        : parts.const0();
  }

  private Gate timesM(long address, int sec, long i, long b) {
    if (b != 0 || sec > 1 || i >= gSum.width()) {
      throw none("bits 0.." + (gSum.width() - 1) + " of t·M (section 0) and their NOTs (1)");
    }
    if (sec == 1) {
      return Gate.of(address, NOT, tmBit(i));
    }
    if (tmBit(i) != address) {
      throw none("bit " + i + " of v·M is 0 for every v: the constant false");
    }
    int k = primes.length;
    return new Gate(address, OR, k + 1, 0,
        v -> modulusBits.bitOfMultiple(v, (int) i) ? tIs(v) : parts.const0(), null);
  }

  void forEach(LongConsumer sink) {
    int k = primes.length;
    for (int j = 0; j < k; j++) {
      BigBits mj = cofactorBits[j];
      for (int c = 0; c < mBits; c++) {
        if (mj.someMultipleHasBit(primes[j] - 1, c)) {
          sink.accept(at(0, j, 0, c, 0));
        }
      }
      for (int c = 0; c < frac; c++) {
        sink.accept(at(0, j, 1, c, 0));
      }
    }
    sHat.forEach(sink);
    for (long v = 0; v <= k && Stage.bitLength(v) <= tWidth; v++) {
      for (int i = 0; i < tWidth; i++) {
        if ((v >>> i & 1) == 0) {
          sink.accept(at(2, 0, 0, v, i));
        }
      }
      sink.accept(at(2, 0, 1, v, 0));
    }
    gSum.forEach(sink);
    for (int i = 0; i < gSum.width(); i++) {
      if (tmBit(i) != parts.const0()) {
        sink.accept(at(4, 0, 0, i, 0));
      }
    }
    for (int i = 0; i < gSum.width(); i++) {
      sink.accept(at(4, 0, 1, i, 0));
    }
    sub.forEach(sink);
  }

  long gateCount() {
    int k = primes.length;
    long total = 0;
    for (int h : gammaHeights) {
      total += h;
    }
    total += (long) k * frac + sHat.gateCount();
    long vMax = Math.min(k, (1L << tWidth) - 1);
    total += (vMax + 1) * (tWidth + 1) - ProdFamily.onesUpTo(vMax);
    return total + gSum.gateCount() + tmCount + gSum.width() + sub.gateCount();
  }

  /** A random gate of the six parts. */
  long sample(SplittableRandom rnd) {
    int j = rnd.nextInt(primes.length);
    return switch (rnd.nextInt(5)) {
      case 0 -> {
        if (rnd.nextBoolean()) {
          yield at(0, j, 1, rnd.nextInt(frac), 0);
        }
        int c;
        do {
          c = rnd.nextInt(mBits);
        } while (!gammaBitExists(j, c));
        yield at(0, j, 0, c, 0);
      }
      case 1 -> sHat.sample(rnd);
      case 2 -> gSum.sample(rnd);
      case 3 -> at(4, 0, 1, rnd.nextInt(gSum.width()), 0);
      default -> sub.sample(rnd);
    };
  }

  /** Fields of an address: {part − first, j, section, a, b}. */
  private long[] fields(long address) {
    return new long[] {parts.part(address) - look, parts.j(address), parts.section(address),
        parts.a(address), parts.b(address)};
  }

  // ---- the columns of the two sums and the subtraction ----

  /** Column c: bit c of the fraction of every prime, then 1 (the +1/4) in column F − 2. */
  private final class FracColumns implements Columns {
    @Override
    public int count() {
      return frac;
    }

    @Override
    public long height(int c) {
      return c < 0 || c >= frac ? 0 : primes.length + (c == frac - 2 ? 1 : 0);
    }

    @Override
    public long entry(int c, long e) {
      return e < primes.length ? at(0, e, 1, c, 0) : parts.const1();
    }

    @Override
    public long indexOf(int c, long address) {
      if (address == parts.const1()) {
        return c == frac - 2 ? primes.length : -1;
      }
      long[] f = fields(address);
      return f[0] == 0 && f[2] == 1 && f[3] == c && f[4] == 0 && f[1] < primes.length
          && c < frac ? f[1] : -1;
    }
  }

  /** Column c: bit c of γ_j for the primes j (ascending) whose γ_j has that bit somewhere. */
  private final class GammaColumns implements Columns {
    @Override
    public int count() {
      return mBits;
    }

    @Override
    public long height(int c) {
      return c < 0 || c >= mBits ? 0 : gammaHeights[c];
    }

    @Override
    public long entry(int c, long e) {
      long left = e;
      for (int w = 0; c >= 0 && c < mBits && w < stride; w++) {
        long word = gammaColumns[c * stride + w];
        int ones = Long.bitCount(word);
        if (left < ones) {
          for (long r = left; r > 0; r--) {
            word &= word - 1;
          }
          return at(0, 64L * w + Long.numberOfTrailingZeros(word), 0, c, 0);
        }
        left -= ones;
      }
      throw new IndexOutOfBoundsException("entry " + e + " of γ column " + c);
    }

    /** The number of primes before j whose γ has bit c: O(k/64) word operations. */
    @Override
    public long indexOf(int c, long address) {
      long[] f = fields(address);
      if (f[0] != 0 || f[2] != 0 || f[3] != c || f[4] != 0 || f[1] >= primes.length
          || !gammaBitExists((int) f[1], c)) {
        return -1;
      }
      int j = (int) f[1];
      long e = 0;
      for (int w = 0; w < j >>> 6; w++) {
        e += Long.bitCount(gammaColumns[c * stride + w]);
      }
      return e + Long.bitCount(gammaColumns[c * stride + (j >>> 6)] & ((1L << j) - 1));
    }
  }

  /** Column i of Σ γ_j − t·M: bit i of Σ γ_j, then ¬(bit i of t·M). */
  private final class SubColumns implements Columns {
    @Override
    public int count() {
      return gSum.width();
    }

    @Override
    public long height(int c) {
      return c >= 0 && c < gSum.width() ? 2 : 0;
    }

    @Override
    public long entry(int c, long e) {
      return e == 0 ? gSum.bit(c) : at(4, 0, 1, c, 0);
    }

    @Override
    public long indexOf(int c, long address) {
      return height(c) == 0 ? -1 : address == entry(c, 0) ? 0 : address == entry(c, 1) ? 1 : -1;
    }
  }
}
