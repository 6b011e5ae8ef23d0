package ssmlab.model.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.LanguageModel;
import ssmlab.model.MemoryModel;
import ssmlab.model.ModelConfig;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.SequenceModel;
import ssmlab.nn.ElmanRNN;
import ssmlab.nn.Embedding;
import ssmlab.nn.LSTM;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.Sequential;

/**
 * Builds the {@code lstm} and {@code rnn} families as the usual PyTorch baseline:
 * {@code logits = Linear(RNN_L(… RNN_1(embedding(tokens))))} with {@code nLayers} stacked
 * recurrent layers of {@code hidden} units, an untied
 * linear head with bias, and PyTorch's default inits (embedding N(0, 1)).
 */
public final class RecurrentModels {

  /** The registry entry of family {@code lstm}: stacked LSTMs. */
  public static final ModelSpec LSTM = new ModelSpec("lstm",
      "stacked LSTMs (Hochreiter and Schmidhuber 1997), PyTorch's cell", List.of(hidden()),
      (c, rng) -> build(c, rng, (name, in, hidden) -> new LSTM(name, in, hidden, rng)))
      .withMemory(memory(4));

  /** The registry entry of family {@code rnn}: stacked Elman (tanh) RNNs. */
  public static final ModelSpec RNN = new ModelSpec("rnn",
      "stacked Elman (tanh) RNNs, PyTorch's cell", List.of(hidden()),
      (c, rng) -> build(c, rng, (name, in, hidden) -> new ElmanRNN(name, in, hidden, rng)))
      .withMemory(memory(1));

  private RecurrentModels() {}

  /** {@code gates} weight blocks of h (d + h + 1) per layer, and a linear head. */
  private static MemoryModel memory(int gates) {
    return new MemoryModel() {
      @Override
      public double parameters(ModelConfig c) {
        double d = c.dModel();
        double h = c.intOption("hidden");
        double v = c.vocabSize();
        return v * d + c.nLayers() * gates * h * (d + h + 1) + h * v + v;
      }

      @Override
      public double activationsPerTokenAndLayer(ModelConfig c, double len) {
        return 12.0 * Math.max(c.dModel(), c.intOption("hidden"));
      }
    };
  }

  private static ModelOption hidden() {
    return ModelOption.derived("hidden", ModelConfig::dModel, "d_model", 1,
        "units of each recurrent layer");
  }

  private interface Cell {
    Layer create(String name, int in, int hidden);
  }

  private static SequenceModel build(ModelConfig c, SplittableRandom rng, Cell cell) {
    int hidden = c.intOption("hidden");
    var embedding = new Embedding("embedding", c.vocabSize(), c.dModel(), 1f, rng);
    List<Layer> body = new ArrayList<>();
    for (int l = 0; l < c.nLayers(); l++) {
      body.add(cell.create("layers." + l, l == 0 ? c.dModel() : hidden, hidden));
    }
    var head = new Linear("head", hidden, c.vocabSize(), true, rng);
    return new LanguageModel(c, embedding, new Sequential(body), head);
  }
}
