package ssmlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.Models;

/** {@code ssmlab model list}: the model families and the options each takes, from the registry. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Every model family with its options, types and defaults.",
    footer = {"", "Example:", "  ssmlab model list --format json"})
final class ModelList implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (default) or one JSON object per family")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "text" -> {
        out.println("sizes (every family): layers=N (default: " + Models.DEFAULT_LAYERS
            + "), d_model=N (default: " + Models.DEFAULT_D_MODEL + ")");
        Models.help().forEach(out::println);
      }
      case "json" -> Models.specs().forEach(s -> out.println(Json.write(json(s))));
      default -> throw new IllegalArgumentException("--format must be text or json, got '"
          + format + "'");
    }
    return 0;
  }

  private static Map<String, Object> json(ModelSpec s) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (ModelOption o : s.options()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", o.name());
      m.put("type", o.type().name().toLowerCase(java.util.Locale.ROOT));
      if (o.type() == ModelOption.Type.CHOICE) {
        m.put("choices", o.choices());
      }
      if (o.type() == ModelOption.Type.INTEGER) {
        m.put("min", o.min());
      }
      if (o.type() == ModelOption.Type.TEXT) {
        m.put("pattern", o.pattern().pattern());
      }
      m.put("default", o.defaultText());
      m.put("description", o.description());
      options.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family", s.family());
    m.put("description", s.description());
    m.put("options", options);
    return m;
  }
}
