package ssmlab.nc1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A permutation of {1..k}, immutable, written in one-line notation: {@code "21345"} maps 1 to 2,
 * 2 to 1 and fixes 3, 4, 5 (paper, Definition C.8).
 */
public final class Perm {

  private final byte[] image; // image[x] = π(x+1) - 1, 0-based

  private Perm(byte[] image) {
    this.image = image;
  }

  public static Perm identity(int k) {
    byte[] im = new byte[k];
    for (int i = 0; i < k; i++) {
      im[i] = (byte) i;
    }
    return new Perm(im);
  }

  /** From 0-based images: {@code image[x]} is where {@code x} goes. Not modified. */
  public static Perm ofImages(int... image) {
    int k = image.length;
    byte[] im = new byte[k];
    boolean[] seen = new boolean[k];
    for (int x = 0; x < k; x++) {
      int y = image[x];
      if (y < 0 || y >= k || seen[y]) {
        throw new IllegalArgumentException("not a permutation: " + Arrays.toString(image));
      }
      seen[y] = true;
      im[x] = (byte) y;
    }
    return new Perm(im);
  }

  /** Parses one-line notation over 1..k, k at most 9 ({@code "23451"}). */
  public static Perm parse(String oneLine) {
    int k = oneLine.length();
    if (k < 1 || k > 9) {
      throw new IllegalArgumentException("not a permutation in one-line notation: " + oneLine);
    }
    int[] im = new int[k];
    for (int i = 0; i < k; i++) {
      char c = oneLine.charAt(i);
      if (c < '1' || c > '9') {
        throw new IllegalArgumentException("not a permutation in one-line notation: " + oneLine);
      }
      im[i] = c - '1';
    }
    try {
      return ofImages(im);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a permutation in one-line notation: " + oneLine);
    }
  }

  /**
   * The cycle {@code (c1 c2 ... cm)} on {1..k}: c1 to c2, ..., cm to c1, written 1-based.
   */
  public static Perm cycle(int k, int... points) {
    int[] im = new int[k];
    for (int i = 0; i < k; i++) {
      im[i] = i;
    }
    for (int i = 0; i < points.length; i++) {
      im[points[i] - 1] = points[(i + 1) % points.length] - 1;
    }
    return ofImages(im);
  }

  /** Number of points, k. */
  public int degree() {
    return image.length;
  }

  /** Where the 1-based point {@code x} goes, 1-based. */
  public int apply(int x) {
    return image[x - 1] + 1;
  }

  /** This permutation first, then {@code next}: {@code x -> next(this(x))} (Definition C.9). */
  public Perm then(Perm next) {
    int k = image.length;
    if (next.image.length != k) {
      throw new IllegalArgumentException("degrees differ: " + k + " and " + next.image.length);
    }
    byte[] im = new byte[k];
    for (int x = 0; x < k; x++) {
      im[x] = next.image[image[x]];
    }
    return new Perm(im);
  }

  public Perm inverse() {
    byte[] im = new byte[image.length];
    for (int x = 0; x < image.length; x++) {
      im[image[x]] = (byte) x;
    }
    return new Perm(im);
  }

  public boolean isIdentity() {
    for (int x = 0; x < image.length; x++) {
      if (image[x] != x) {
        return false;
      }
    }
    return true;
  }

  /** True iff the permutation is one cycle through all k points. */
  public boolean isFullCycle() {
    int x = 0;
    int steps = 0;
    do {
      x = image[x];
      steps++;
    } while (x != 0);
    return steps == image.length;
  }

  /** True iff the number of inversions is even. */
  public boolean isEven() {
    int inversions = 0;
    for (int i = 0; i < image.length; i++) {
      for (int j = i + 1; j < image.length; j++) {
        if (image[i] > image[j]) {
          inversions++;
        }
      }
    }
    return inversions % 2 == 0;
  }

  /** All k! permutations of degree k in lexicographic order of one-line notation. */
  public static List<Perm> all(int k) {
    List<Perm> out = new ArrayList<>();
    int[] a = new int[k];
    for (int i = 0; i < k; i++) {
      a[i] = i;
    }
    while (true) {
      out.add(ofImages(a));
      // next permutation in lexicographic order
      int i = k - 2;
      while (i >= 0 && a[i] > a[i + 1]) {
        i--;
      }
      if (i < 0) {
        return out;
      }
      int j = k - 1;
      while (a[j] < a[i]) {
        j--;
      }
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
      for (int l = i + 1, r = k - 1; l < r; l++, r--) {
        t = a[l];
        a[l] = a[r];
        a[r] = t;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Perm p && Arrays.equals(p.image, image);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(image);
  }

  /** One-line notation, e.g. {@code "23451"}. */
  @Override
  public String toString() {
    var sb = new StringBuilder(image.length);
    for (byte b : image) {
      sb.append((char) ('1' + b));
    }
    return sb.toString();
  }
}
