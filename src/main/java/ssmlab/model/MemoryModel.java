package ssmlab.model;

/**
 * A family's rough memory use, so that sizes nobody could run are refused before anything is
 * allocated ({@link MemoryEstimate}). Both methods read a resolved config; they are meant to be
 * right within a factor of two.
 */
public interface MemoryModel {

  /** The parameters of a model of {@code c} (exact up to biases and norms where known). */
  double parameters(ModelConfig c);

  /** The floats one token keeps per layer for the backward pass ({@code len}: the sequence). */
  double activationsPerTokenAndLayer(ModelConfig c, double len);

  /** For a family that says nothing: 16 d² parameters and 16 vectors of d_model per layer. */
  MemoryModel GENERIC = new MemoryModel() {
    @Override
    public double parameters(ModelConfig c) {
      double d = c.dModel();
      return c.vocabSize() * d + c.nLayers() * 16 * d * d;
    }

    @Override
    public double activationsPerTokenAndLayer(ModelConfig c, double len) {
      return 16.0 * c.dModel();
    }
  };
}
