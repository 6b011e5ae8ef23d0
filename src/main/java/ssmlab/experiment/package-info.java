/**
 * Sweeps: a grid of training runs described by a spec file, run by a resumable, shardable runner
 * that writes one result file per run, then merged into one row per (run, test length).
 *
 * <p>The pieces, in the order data flows: {@link ssmlab.experiment.SweepSpec} (the grid, read by
 * {@link ssmlab.experiment.SweepSpecs}) expands into {@link ssmlab.experiment.RunSpec}s, each
 * named by {@link ssmlab.experiment.RunId} (a hash of its canonical JSON). {@link
 * ssmlab.experiment.SweepRunner} hands the runs of one {@link ssmlab.experiment.Shard} to a
 * {@link ssmlab.experiment.RunExecutor} (the training loop) on a fixed pool of workers and stores
 * each {@link ssmlab.experiment.RunRecord} atomically in a {@link
 * ssmlab.experiment.ResultsDir}; {@link ssmlab.experiment.Merge} checks the folder and writes
 * {@link ssmlab.experiment.ResultRow}s as JSON lines and CSV. Every key of these files is
 * snake_case (results format 3); {@link ssmlab.experiment.Migration} rewrites a folder of format 2.
 */
package ssmlab.experiment;
