package ssmlab.compile.uniform;

/**
 * A segment of the Mamba program: one kind of work of one layer over all positions, in the
 * order {@code MambaReference} does it (a layer's RMSNorms, then in_proj at every position, then
 * the rest of each position up to the scan, the scan with y and out_proj, the residual adds;
 * after the last layer the final norm and head, position by position).
 *
 * @param layer the layer; the final segment has the number of layers
 * @param kind what it computes
 */
record Segment(int layer, Kind kind) {
  enum Kind { NORM, IN_PROJ, POSITION, SCAN, RESIDUAL, FINAL }
}
