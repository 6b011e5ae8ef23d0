package ssmlab.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code sweep.json} of a results folder: the spec every result in it belongs to, and the
 * format its run ids were computed in.
 *
 * <p>Formats: 1 (no {@code format} key) hashed a run's model options as the spec wrote them;
 * 2 hashes them as the model registry resolves them (every family option, defaults filled in,
 * {@code layers} and {@code d_model} included), so a folder of format 1 names its runs differently;
 * 3 writes every key in snake_case ({@code spec_hash}, {@code train_lengths}...), which changes
 * every run id and spec hash: {@link Migration} rewrites a folder of format 2 as format 3.
 *
 * @param format {@link #CURRENT_FORMAT} for folders this ssmlab writes; null for format 1
 * @param specHash {@link SweepSpec#hash()}
 * @param spec the spec
 */
public record SweepFile(Integer format, @JsonProperty("spec_hash") String specHash,
    SweepSpec spec) {
  /** The format this ssmlab writes and reads. */
  public static final int CURRENT_FORMAT = 3;

  /** A sweep file of the current format. */
  public SweepFile(String specHash, SweepSpec spec) {
    this(CURRENT_FORMAT, specHash, spec);
  }

  /** The format, 1 when the file does not say. */
  public int formatOrOne() {
    return format == null ? 1 : format;
  }
}
