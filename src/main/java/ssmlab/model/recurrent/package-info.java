/** The recurrent families: {@code lstm} (PyTorch's nn.LSTM) and {@code rnn} (Elman, tanh). */
package ssmlab.model.recurrent;
