package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import ssmlab.circuit.GateType;

/**
 * The constants (false, true), the operands' input bits (operand-major, as the builder declares
 * the ports) and, for a product, the partial products x_i ∧ y_k (i-major).
 */
final class LeafStage implements Stage {
  private final Layout layout;
  private final long operands;
  private final int width;
  private final boolean products;

  LeafStage(Layout layout, long operands, int width, boolean products) {
    this.layout = layout;
    this.operands = operands;
    this.width = width;
    this.products = products;
  }

  @Override
  public Gate gate(long address, Section s, long a, long b) {
    return switch (s) {
      case CONST -> {
        if (a != 0 || b > 1) {
          throw Stage.none(s, "addresses 0 (false) and 1 (true) only");
        }
        yield Gate.leaf(address, b == 0 ? GateType.CONST0 : GateType.CONST1);
      }
      case INPUT -> {
        if (b >= operands || a >= width) {
          throw Stage.none(s, operands + " operands of " + width + " bits; not operand " + b
              + " bit " + a);
        }
        yield Gate.leaf(address, GateType.INPUT);
      }
      case PRODUCT -> {
        if (!products || a >= width || b >= width) {
          throw Stage.none(s, products ? "bits 0.." + (width - 1) + " of x and y; not " + a
              + ", " + b : "this circuit has none");
        }
        yield Gate.of(address, AND, layout.address(Section.INPUT, a, 0),
            layout.address(Section.INPUT, b, 1));
      }
      default -> throw new IllegalStateException("leaf section " + s);
    };
  }

  @Override
  public int inputIndex(Section s, long a, long b, long h) {
    return s == Section.PRODUCT ? Stage.scan(gate(0, s, a, b), h) : -1;
  }

  @Override
  public void forEach(LongConsumer sink) {
    sink.accept(layout.address(Section.CONST, 0, 0));
    sink.accept(layout.address(Section.CONST, 0, 1));
    for (long i = 0; i < operands; i++) {
      for (int j = 0; j < width; j++) {
        sink.accept(layout.address(Section.INPUT, j, i));
      }
    }
    for (int i = 0; products && i < width; i++) {
      for (int k = 0; k < width; k++) {
        sink.accept(layout.address(Section.PRODUCT, i, k));
      }
    }
  }

  @Override
  public long gateCount() {
    return 2 + operands * width + (products ? (long) width * width : 0);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    if (products && rnd.nextBoolean()) {
      return layout.address(Section.PRODUCT, rnd.nextInt(width), rnd.nextInt(width));
    }
    return layout.address(Section.INPUT, rnd.nextInt(width), rnd.nextLong(operands));
  }
}
