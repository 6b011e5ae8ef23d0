package ssmlab.nn;

import java.util.ArrayList;
import java.util.List;

/** Layers applied one after another: {@code y = f_n(… f_1(x))}. */
public final class Sequential implements Layer {

  private final List<Layer> layers;
  private final List<Parameter> params;

  /** A chain of at least one layer; each output size must match the next input size. */
  public Sequential(List<? extends Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a sequential layer needs at least one layer");
    }
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i - 1).outputDim() != layers.get(i).inputDim()) {
        throw new IllegalArgumentException("layer " + i + " expects " + layers.get(i).inputDim()
            + " features but gets " + layers.get(i - 1).outputDim());
      }
    }
    this.layers = List.copyOf(layers);
    var ps = new ArrayList<Parameter>();
    for (Layer l : layers) {
      ps.addAll(l.parameters());
    }
    this.params = List.copyOf(ps);
  }

  /** A chain of the given layers. */
  public static Sequential of(Layer... layers) {
    return new Sequential(List.of(layers));
  }

  /** The layers, in order. */
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public int inputDim() {
    return layers.getFirst().inputDim();
  }

  @Override
  public int outputDim() {
    return layers.getLast().outputDim();
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    float[] h = x;
    for (Layer l : layers) {
      h = l.forward(h, batch, len);
    }
    return h;
  }

  @Override
  public float[] backward(float[] dy) {
    float[] g = dy;
    for (int i = layers.size() - 1; i >= 0; i--) {
      g = layers.get(i).backward(g);
    }
    return g;
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }
}
