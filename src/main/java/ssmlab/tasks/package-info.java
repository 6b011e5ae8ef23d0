/**
 * Tasks: seeded generators of inputs with per-position targets and an exact solver for each.
 *
 * <p>A {@link ssmlab.tasks.Task} has a name, a class ({@link ssmlab.tasks.TaskClass}), a fixed
 * input vocabulary and a fixed target vocabulary known before sampling, and draws {@link
 * ssmlab.tasks.Sample}s of a requested length from a {@link java.util.SplittableRandom}. The
 * {@link ssmlab.tasks.TaskRegistry} maps names to factories that take the command line's task
 * options. Length is always the number of input tokens; a task that cannot hit a length exactly
 * fills the tail with {@link ssmlab.tasks.Vocabulary#PAD} (target {@code null}). docs/tasks.md
 * describes every task.
 */
package ssmlab.tasks;
