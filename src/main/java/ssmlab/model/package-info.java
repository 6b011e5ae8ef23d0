/**
 * Sequence models behind one interface, {@link ssmlab.model.SequenceModel}: token ids in,
 * next-token logits out, backward from the logits' gradient, a flat parameter list and a
 * {@link ssmlab.model.ModelConfig}. Families live in sub-packages ({@code transformer},
 * {@code lstm}, {@code rnn}, {@code mamba}, {@code s4d}, {@code ids4}, {@code deltanet}) and
 * register in {@link ssmlab.model.Models}; tasks, training, evaluation and the experiment runner
 * use only this package's types and never special-case a family.
 */
package ssmlab.model;
