package ssmlab.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssmlab.io.Provenance;

/**
 * The result file of one finished run ({@code runs/<id>.json}): which run, of which sweep, what
 * it produced, and where it came from.
 *
 * @param id the run's {@link RunId}
 * @param sweep the sweep's name
 * @param specHash {@link SweepSpec#hash()} of the sweep, so shards of different specs are caught
 * @param spec the run's configuration
 * @param result what training and evaluation produced
 * @param provenance commit, version, JDK, SIMD flag, threads, command line
 */
public record RunRecord(String id, String sweep, @JsonProperty("spec_hash") String specHash,
    RunSpec spec, RunResult result, Provenance provenance) {

  public RunRecord {
    if (id == null || !RunId.isWellFormed(id)) {
      throw new IllegalArgumentException("a run record needs a run id, not " + id);
    }
    if (sweep == null || specHash == null || spec == null || result == null
        || provenance == null) {
      throw new IllegalArgumentException("run record " + id + " lacks sweep, spec_hash, spec, "
          + "result or provenance");
    }
  }
}
