package ssmlab.model.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.LanguageModel;
import ssmlab.model.ModelConfig;
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
 * recurrent layers of {@code hidden} units (option {@code hidden}, default d_model), an untied
 * linear head with bias, and PyTorch's default inits (embedding N(0, 1)).
 */
public final class RecurrentModels {

  private RecurrentModels() {}

  /** A stacked LSTM model. */
  public static SequenceModel lstm(ModelConfig c, SplittableRandom rng) {
    return build(c, rng, (name, in, hidden) -> new LSTM(name, in, hidden, rng));
  }

  /** A stacked Elman (tanh) RNN model. */
  public static SequenceModel rnn(ModelConfig c, SplittableRandom rng) {
    return build(c, rng, (name, in, hidden) -> new ElmanRNN(name, in, hidden, rng));
  }

  private interface Cell {
    Layer create(String name, int in, int hidden);
  }

  private static SequenceModel build(ModelConfig c, SplittableRandom rng, Cell cell) {
    int hidden = c.intOption("hidden", c.dModel());
    if (hidden < 1) {
      throw new IllegalArgumentException(c.family() + ": hidden must be positive");
    }
    var embedding = new Embedding("embedding", c.vocabSize(), c.dModel(), 1f, rng);
    List<Layer> body = new ArrayList<>();
    for (int l = 0; l < c.nLayers(); l++) {
      body.add(cell.create("layers." + l, l == 0 ? c.dModel() : hidden, hidden));
    }
    var head = new Linear("head", hidden, c.vocabSize(), true, rng);
    return new LanguageModel(c, embedding, new Sequential(body), head);
  }
}
