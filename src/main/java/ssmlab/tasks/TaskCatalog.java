package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;

import ssmlab.tasks.TaskSpec.Param;

/** The registry's entries, family by family; each factory reads its options and builds a task. */
final class TaskCatalog {

  private static final Param LABEL_ALL =
      new Param("label", "all", "all: every position labelled; final: only the last");

  private TaskCatalog() {}

  static List<TaskSpec> groupTasks() {
    List<TaskSpec> out = new ArrayList<>();
    String[][] named = {
      {"s5", "S5"}, {"a5", "A5"}, {"s4", "S4"}, {"s3", "S3"}, {"a4xz5", "A4xZ5"},
      {"z60", "Z60"}, {"z2", "Z2"},
    };
    for (String[] n : named) {
      FiniteGroup g = Groups.byName(n[1]);
      out.add(new TaskSpec(n[0], classOf(g),
          "word problem over " + g.name() + ": prefix products (state tracking)",
          List.of(LABEL_ALL), o -> new GroupWordTask(n[0], g, finalOnly(o))));
    }
    out.add(new TaskSpec("perm", TaskClass.NC1_COMPLETE,
        "word problem over S_K (K >= 5: NC1-complete): prefix products",
        List.of(new Param("k", "5", "degree K, 1.." + PermutationGroup.MAX_DEGREE), LABEL_ALL),
        o -> {
          int k = o.intValue("k", 5, 1, PermutationGroup.MAX_DEGREE);
          return new GroupWordTask("perm", PermutationGroup.symmetric(k), finalOnly(o));
        }));
    out.add(new TaskSpec("group", TaskClass.NC1_COMPLETE,
        "word problem over a named group (S<k>, A<k>, Z<n>, products A4xZ5)",
        List.of(new Param("group", "S5", "the group's name"), LABEL_ALL),
        o -> new GroupWordTask("group", Groups.byName(o.string("group", "S5")), finalOnly(o))));
    out.add(new TaskSpec("s5-identity", TaskClass.NC1_COMPLETE,
        "word problem proper over S5: is the product the identity? one balanced label",
        List.of(), o -> new IdentityWordTask("s5-identity", Groups.byName("S5"))));
    return out;
  }

  static List<TaskSpec> countingTasks() {
    return List.of();
  }

  static List<TaskSpec> languageTasks() {
    return List.of();
  }

  static List<TaskSpec> deletangTasks() {
    return List.of();
  }

  static List<TaskSpec> formulaTasks() {
    return List.of();
  }

  static List<TaskSpec> memoryTasks() {
    return List.of();
  }

  private static TaskClass classOf(FiniteGroup g) {
    return g.solvable() ? TaskClass.TC0 : TaskClass.NC1_COMPLETE;
  }

  static boolean finalOnly(TaskOptions o) {
    return o.choice("label", "all", "all", "final").equals("final");
  }
}
