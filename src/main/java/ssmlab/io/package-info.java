/**
 * File formats that sit below every other package: the safetensors checkpoint format (read with
 * validation, written atomically), atomic writes, and the {@link ssmlab.io.Provenance} every
 * artefact carries.
 *
 * <p>It depends on nothing of ssmlab but the SIMD switch ({@code SimdSwitch}, which provenance
 * records), so that training (writing checkpoints), the models (loading
 * them), the reference forward and the circuit compiler (reading a trained model) can all share
 * it without importing one another. Malformed input is rejected with an
 * {@link IllegalArgumentException} whose message is one line.
 */
package ssmlab.io;
