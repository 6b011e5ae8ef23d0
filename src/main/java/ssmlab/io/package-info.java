/**
 * File formats that sit below every other package: the safetensors checkpoint format (read with
 * validation, written atomically) and the {@code config.json} of a Mamba checkpoint.
 *
 * <p>It depends on nothing of ssmlab, so that training (writing checkpoints), the models (loading
 * them), the reference forward and the circuit compiler (reading a trained model) can all share
 * it without importing one another. Malformed input is rejected with an
 * {@link IllegalArgumentException} whose message is one line.
 */
package ssmlab.io;
