package ssmlab.fp;

/** A closed interval [lo, hi] of dyadic rationals known to contain a real number. */
record Enclosure(Dyadic lo, Dyadic hi) {

  static Enclosure exact(Dyadic x) {
    return new Enclosure(x, x);
  }
}
