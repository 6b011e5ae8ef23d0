package ssmlab.tasks;

import java.util.List;
import java.util.function.Function;

/**
 * A registry entry: a task's name, class (with default options), description, parameters, and
 * the factory that builds the task from options.
 */
public record TaskSpec(String name, TaskClass taskClass, String description, List<Param> params,
    Function<TaskOptions, Task> factory) {

  /** One option a task takes: {@code --name}, its default and what it means. */
  public record Param(String name, String defaultValue, String description) {}

  public TaskSpec {
    params = List.copyOf(params);
  }

  /** Builds the task; throws {@link IllegalArgumentException} for bad or unknown options. */
  public Task create(TaskOptions options) {
    Task t = factory.apply(options);
    options.requireAllRead(name);
    return t;
  }
}
