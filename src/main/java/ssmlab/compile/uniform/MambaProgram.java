package ssmlab.compile.uniform;

import java.util.ArrayList;
import java.util.List;
import ssmlab.model.mamba.MambaConfig;
import ssmlab.model.mamba.reference.MambaReference;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

/**
 * A trained Mamba's forward at sequence length n as a straight-line program of
 * {@code Arithmetic} calls, addressed: the call of step k, its arity and its i-th operand are
 * computed from (n, k, i) without recording anything of size growing with n. The definition is
 * {@link #record}: {@link MambaReference} run on a {@link RecordingArithmetic}.
 *
 * <p>How. The program's steps depend on n only through how many positions there are and, in the
 * unrolled scan, through t: position t's steps are the same at every n > t (the forward is
 * causal), and from position {@code first = max(d_conv, 2)} on they are one generic list with
 * its operands shifted by t. So the constant-size part is stored once as templates (the steps of
 * positions 0 .. first of every segment, their operands relative to the position), taken from
 * the recording at n0 = first + 1; the layout ({@link ProgramLayout}) places them; and the
 * unrolled scan's growing part, h_t[d][s] = sum_(j <= t) prod(deltaA_(j+1..t)[d][s],
 * deltaBu_j[d][s]), is a closed form: at position t, cell c = d d_state + s, steps
 * c (t + 2) + j (the products, arity t − j + 1) and c (t + 2) + t + 1 (the sum, arity t + 1).
 * The templates are the model (its weights are their constants): of constant size in n, as a
 * DLOGTIME machine for one fixed model would hard-wire them.
 */
public final class MambaProgram {
  private final ScanForm form;
  private final ProgramLayout layout;
  private final List<Segment> segments;
  private final List<List<List<TemplateStep>>> templates;
  private final int cells;
  private final long[][][] deltaAAt;
  private final long[][][] deltaBuAt;
  private final int dModel;
  private final long headOffset;

  private MambaProgram(ScanForm form, ProgramLayout layout, List<Segment> segments,
      List<List<List<TemplateStep>>> templates, int cells, long[][][] deltaAAt,
      long[][][] deltaBuAt, int dModel) {
    this.form = form;
    this.layout = layout;
    this.segments = segments;
    this.templates = templates;
    this.cells = cells;
    this.deltaAAt = deltaAAt;
    this.deltaBuAt = deltaBuAt;
    this.dModel = dModel;
    this.headOffset = normSteps(dModel); // the final RMSNorm's steps come first
  }

  /** The definition: the steps {@link MambaReference} makes at length n, in call order. */
  public static List<ProgramStep> record(MambaWeights w, ScanForm form, int n) {
    var ar = new RecordingArithmetic();
    new MambaReference<>(ar, w, form).forward(inputs(n, w.config().dModel()));
    return ar.steps();
  }

  private static List<List<Operand>> inputs(int n, int dModel) {
    List<List<Operand>> x = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      List<Operand> row = new ArrayList<>(dModel);
      for (int j = 0; j < dModel; j++) {
        row.add(new Operand.Input(t, j));
      }
      x.add(row);
    }
    return x;
  }

  /** The program of {@code w} in {@code form}, its templates taken from one short recording. */
  public static MambaProgram of(MambaWeights w, ScanForm form) {
    MambaConfig c = w.config();
    int layers = w.layers().size();
    int first = Math.max(c.dConv(), 2);
    int n0 = first + 1;
    int cells = c.dInner() * c.dState();
    boolean unrolled = form == ScanForm.UNROLLED;
    long[] position = positionSizes(w, form, n0);
    long norm = normSteps(c.dModel());
    long out = (long) c.dInner() * (c.dState() + 2) + (long) c.dModel() * (c.dInner() + 1);

    List<Segment> segments = new ArrayList<>();
    List<long[]> base = new ArrayList<>();
    List<Long> growth = new ArrayList<>();
    for (int l = 0; l <= layers; l++) {
      for (Segment.Kind k : Segment.Kind.values()) {
        if ((k == Segment.Kind.FINAL) != (l == layers)) {
          continue;
        }
        long[] sizes = new long[first + 1];
        for (int t = 0; t <= first; t++) {
          sizes[t] = switch (k) {
            case NORM -> norm;
            case IN_PROJ -> 2L * c.dInner() * (c.dModel() + 1);
            case POSITION -> position[t];
            case SCAN -> out + (!unrolled && t > 0 ? 2L * cells : 0);
            case RESIDUAL -> c.dModel();
            case FINAL -> norm + (long) w.head().length * (c.dModel() + 1);
          };
        }
        segments.add(new Segment(l, k));
        base.add(sizes);
        growth.add(k == Segment.Kind.SCAN && unrolled ? (long) cells : 0L);
      }
    }
    var layout = new ProgramLayout(base.toArray(long[][]::new),
        growth.stream().mapToLong(Long::longValue).toArray());
    List<ProgramStep> steps = record(w, form, n0);
    if (steps.size() != layout.size(n0)) {
      throw new IllegalStateException("the layout has " + layout.size(n0) + " steps at length "
          + n0 + ", the reference forward " + steps.size());
    }
    var templates = new ArrayList<List<List<TemplateStep>>>();
    for (int g = 0; g < segments.size(); g++) {
      List<List<TemplateStep>> byPosition = new ArrayList<>();
      for (int t = 0; t <= first; t++) {
        long from = layout.start(g, n0) + layout.prefix(g, t) + layout.grown(g, t);
        long to = layout.start(g, n0) + layout.prefix(g, t + 1);
        List<TemplateStep> list = new ArrayList<>();
        for (long k = from; k < to; k++) {
          ProgramStep s = steps.get((int) k);
          List<Relative> ops = new ArrayList<>(s.operands().size());
          for (Operand o : s.operands()) {
            ops.add(relative(layout, n0, t, o));
          }
          list.add(new TemplateStep(s.call(), List.copyOf(ops)));
        }
        byPosition.add(List.copyOf(list));
      }
      templates.add(List.copyOf(byPosition));
    }
    long[][][] deltaAAt = new long[layers][first + 1][cells];
    long[][][] deltaBuAt = new long[layers][first + 1][cells];
    if (unrolled) {
      for (int l = 0; l < layers; l++) {
        int scan = segments.indexOf(new Segment(l, Segment.Kind.SCAN));
        for (int t = 0; t <= first; t++) {
          for (int cell = 0; cell < cells; cell++) {
            long own = layout.start(scan, n0) + layout.prefix(scan, t) + (long) cell * (t + 2) + t;
            deltaBuAt[l][t][cell] = offsetIn(layout, n0, steps.get((int) own), t, scan - 1);
            if (t > 0) {
              deltaAAt[l][t][cell] = offsetIn(layout, n0, steps.get((int) own - 1), t, scan - 1);
            }
          }
        }
      }
    }
    return new MambaProgram(form, layout, List.copyOf(segments), List.copyOf(templates), cells,
        deltaAAt, deltaBuAt, c.dModel());
  }

  /**
   * The steps of the position part at each t <= first: {@code firstPositions} at length m makes
   * m RMSNorms, m in_proj and the positions 0 .. m − 1, so consecutive lengths differ by one
   * of each.
   */
  private static long[] positionSizes(MambaWeights w, ScanForm form, int n0) {
    MambaConfig c = w.config();
    long perPosition = normSteps(c.dModel()) + 2L * c.dInner() * (c.dModel() + 1);
    long[] sizes = new long[n0];
    long before = 0;
    for (int m = 1; m <= n0; m++) {
      var ar = new RecordingArithmetic();
      new MambaReference<>(ar, w, form).firstPositions(inputs(m, c.dModel()));
      sizes[m - 1] = ar.steps().size() - before - perPosition;
      before = ar.steps().size();
    }
    return sizes;
  }

  /** The offset, among position t's base steps of segment g, of the first operand of s. */
  private static long offsetIn(ProgramLayout layout, long n0, ProgramStep s, long t, int g) {
    var at = layout.locate(n0, ((Operand.Step) s.operands().getFirst()).index());
    if (at.segment() != g || at.position() != t) {
      throw new IllegalStateException("the unrolled scan at position " + t + " reads " + at);
    }
    return at.offset();
  }

  private static Relative relative(ProgramLayout layout, long n0, long t, Operand o) {
    return switch (o) {
      case Operand.Constant c -> new Relative.Constant(c.value());
      case Operand.Input in -> new Relative.Input((int) (in.position() - t), in.component());
      case Operand.Step s -> {
        var at = layout.locate(n0, s.index());
        int g = at.segment();
        int shift = (int) (at.position() - t);
        long grown = layout.grown(g, at.position());
        if (at.offset() >= grown) {
          yield new Relative.At(g, shift, at.offset() - grown);
        }
        long width = at.position() + 2;
        if (at.offset() % width != at.position() + 1) {
          throw new IllegalStateException("a step outside the scan reads a scan product");
        }
        yield new Relative.ScanSum(g, shift, (int) (at.offset() / width));
      }
    };
  }

  /** RMSNorm's steps: x·x (d_model products, a sum), /d_model, +eps, sqrt, 1/·, d_model products. */
  private static long normSteps(int dModel) {
    return 2L * dModel + 5;
  }

  /** The steps at length n. */
  public long size(long n) {
    return layout.size(checked(n));
  }

  /** The call of step k at length n. */
  public Call call(long n, long k) {
    var at = layout.locate(checked(n), k);
    long grown = layout.grown(at.segment(), at.position());
    if (at.offset() < grown) {
      return at.offset() % (at.position() + 2) <= at.position() ? Call.PRODUCT : Call.SUM;
    }
    return template(at).call();
  }

  /** The number of operands of step k at length n. */
  public long arity(long n, long k) {
    var at = layout.locate(checked(n), k);
    long t = at.position();
    long grown = layout.grown(at.segment(), t);
    if (at.offset() < grown) {
      long j = at.offset() % (t + 2);
      return j <= t ? t - j + 1 : t + 1;
    }
    return template(at).operands().size();
  }

  /** Operand i of step k at length n. */
  public Operand operand(long n, long k, long i) {
    var at = layout.locate(checked(n), k);
    int g = at.segment();
    long t = at.position();
    long grown = layout.grown(g, t);
    if (at.offset() >= grown) {
      List<Relative> ops = template(at).operands();
      if (i < 0 || i >= ops.size()) {
        throw new IllegalArgumentException("step " + k + " has " + ops.size() + " operands");
      }
      return resolve(n, t, ops.get((int) i));
    }
    int cell = (int) (at.offset() / (t + 2));
    long j = at.offset() % (t + 2);
    long arity = j <= t ? t - j + 1 : t + 1;
    if (i < 0 || i >= arity) {
      throw new IllegalArgumentException("step " + k + " has " + arity + " operands");
    }
    if (j > t) {
      return new Operand.Step(layout.start(g, n) + layout.prefix(g, t) + cell * (t + 2) + i);
    }
    int layer = segments.get(g).layer();
    int positions = g - 1; // a layer's POSITION segment comes right before its SCAN
    if (i < t - j) {
      long r = j + 1 + i;
      return baseStep(n, positions, r, deltaAAt[layer][(int) Math.min(r, layout.first())][cell]);
    }
    return baseStep(n, positions, j, deltaBuAt[layer][(int) Math.min(j, layout.first())][cell]);
  }

  /** Every step at length n, by the queries: what {@link #record} gives, if they are right. */
  public List<ProgramStep> steps(int n) {
    List<ProgramStep> all = new ArrayList<>();
    for (long k = 0; k < size(n); k++) {
      List<Operand> ops = new ArrayList<>();
      for (long i = 0; i < arity(n, k); i++) {
        ops.add(operand(n, k, i));
      }
      all.add(new ProgramStep(call(n, k), ops));
    }
    return all;
  }

  /**
   * The length whose recording the templates come from: step k at any n is, unless it grows
   * with t, the step {@link #templateIndex} of the program at this length with its operands
   * shifted.
   */
  public int templateLength() {
    return layout.first() + 1;
  }

  /**
   * The index, in the program at {@link #templateLength}, of the template step that step k at
   * length n places; −1 when step k is one of the unrolled scan's growing products and sums.
   */
  public long templateIndex(long n, long k) {
    var at = layout.locate(checked(n), k);
    int g = at.segment();
    long grown = layout.grown(g, at.position());
    if (at.offset() < grown) {
      return -1;
    }
    long t = Math.min(at.position(), layout.first());
    return layout.start(g, templateLength()) + layout.prefix(g, t) + layout.grown(g, t)
        + at.offset() - grown;
  }

  /** The step that computes the final logit v at position t (the head's sum). */
  public long logitStep(long n, long t, int v) {
    int g = segments.size() - 1;
    return layout.start(g, checked(n)) + layout.prefix(g, t) + headOffset + (long) v * (dModel + 1)
        + dModel;
  }

  /** The form of the scan. */
  public ScanForm form() {
    return form;
  }

  /** The state cells d_inner · d_state of a layer. */
  public int cells() {
    return cells;
  }

  private Operand resolve(long n, long t, Relative r) {
    return switch (r) {
      case Relative.Constant c -> new Operand.Constant(c.value());
      case Relative.Input in -> new Operand.Input(t + in.shift(), in.component());
      case Relative.At a -> baseStep(n, a.segment(), t + a.shift(), a.offset());
      case Relative.ScanSum s -> {
        long tt = t + s.shift();
        yield new Operand.Step(layout.start(s.segment(), n) + layout.prefix(s.segment(), tt)
            + s.cell() * (tt + 2) + tt + 1);
      }
    };
  }

  private Operand.Step baseStep(long n, int g, long t, long offset) {
    return new Operand.Step(layout.start(g, n) + layout.prefix(g, t) + layout.grown(g, t)
        + offset);
  }

  private TemplateStep template(ProgramLayout.Located at) {
    long grown = layout.grown(at.segment(), at.position());
    return templates.get(at.segment()).get((int) Math.min(at.position(), layout.first()))
        .get((int) (at.offset() - grown));
  }

  private static long checked(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("the sequence length must be at least 1, got " + n);
    }
    return n;
  }
}
