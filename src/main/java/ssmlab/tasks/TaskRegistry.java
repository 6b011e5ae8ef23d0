package ssmlab.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every task by name: {@code TaskRegistry.create("s5", Map.of("label", "final"))}. */
public final class TaskRegistry {

  private static final Map<String, TaskSpec> SPECS = build();

  private TaskRegistry() {}

  /** All tasks in listing order. */
  public static List<TaskSpec> specs() {
    return List.copyOf(SPECS.values());
  }

  public static TaskSpec spec(String name) {
    TaskSpec s = SPECS.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown task: " + name + " (see 'ssmlab tasks list')");
    }
    return s;
  }

  /**
   * Builds task {@code name} with {@code options}: keys without dashes, values as strings or
   * anything whose {@code toString} is the option's text (numbers from a sweep file).
   */
  public static Task create(String name, Map<String, ?> options) {
    Map<String, String> text = new LinkedHashMap<>();
    options.forEach((k, v) -> text.put(k, String.valueOf(v)));
    return spec(name).create(TaskOptions.of(text));
  }

  public static Task create(String name) {
    return create(name, Map.of());
  }

  private static Map<String, TaskSpec> build() {
    List<TaskSpec> all = new ArrayList<>();
    all.addAll(TaskCatalog.groupTasks());
    all.addAll(TaskCatalog.countingTasks());
    all.addAll(TaskCatalog.languageTasks());
    all.addAll(TaskCatalog.deletangTasks());
    all.addAll(TaskCatalog.formulaTasks());
    all.addAll(TaskCatalog.memoryTasks());
    Map<String, TaskSpec> m = new LinkedHashMap<>();
    for (TaskSpec s : all) {
      if (m.put(s.name(), s) != null) {
        throw new AssertionError("task registered twice: " + s.name());
      }
    }
    return Collections.unmodifiableMap(m);
  }
}
