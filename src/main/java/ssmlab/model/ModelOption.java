package ssmlab.model;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One option of a model family: its name, type, default and meaning. The registry reads every
 * option through {@link #canonical}, so a value has one spelling wherever it is stored (run ids,
 * run.json, checkpoints) whatever way the user wrote it.
 *
 * @param name the key, as in {@code --model-option name=value} and sweep specs
 * @param type what values it takes
 * @param min the least integer (for {@link Type#INTEGER})
 * @param choices the allowed values (for {@link Type#CHOICE}); the first is not implied
 * @param pattern what a value matches (for {@link Type#TEXT}), e.g. {@code [MA]+}
 * @param fit the canonical spelling of a matching, upper-cased value for a model of the given
 *     sizes (for {@link Type#TEXT}); throws {@link IllegalArgumentException} with what a value
 *     must be, e.g. a layer pattern of {@code layers} letters
 * @param defaultValue the default in canonical spelling, a function of the model's sizes (most
 *     ignore them)
 * @param defaultText the default as help shows it, e.g. {@code 16} or {@code d_model}
 * @param description what it means, one line
 */
public record ModelOption(String name, Type type, int min, List<String> choices,
    Pattern pattern, BiFunction<String, ModelConfig, String> fit,
    Function<ModelConfig, String> defaultValue, String defaultText, String description) {

  /** The kinds of value an option takes. */
  public enum Type { INTEGER, CHOICE, TEXT }

  public ModelOption {
    choices = List.copyOf(choices);
  }

  /** An integer option of at least {@code min} with a fixed default. */
  public static ModelOption integer(String name, int defaultValue, int min, String description) {
    return new ModelOption(name, Type.INTEGER, min, List.of(), null, null,
        c -> String.valueOf(defaultValue), String.valueOf(defaultValue), description);
  }

  /** An integer option whose default depends on the sizes, e.g. {@code hidden} [d_model]. */
  public static ModelOption derived(String name, Function<ModelConfig, Integer> defaultValue,
      String defaultText, int min, String description) {
    return new ModelOption(name, Type.INTEGER, min, List.of(), null, null,
        c -> String.valueOf(defaultValue.apply(c)), defaultText, description);
  }

  /** One of {@code choices}, default {@code defaultValue}. */
  public static ModelOption choice(String name, String defaultValue, List<String> choices,
      String description) {
    if (!choices.contains(defaultValue)) {
      throw new IllegalArgumentException(name + ": default " + defaultValue + " not a choice");
    }
    return new ModelOption(name, Type.CHOICE, 0, choices, null, null, c -> defaultValue,
        defaultValue, description);
  }

  /**
   * A text option matching {@code regex} (upper-cased before matching) and then fitted to the
   * model's sizes, e.g. a layer pattern.
   *
   * @param defaultValue in canonical spelling, a function of the sizes
   */
  public static ModelOption text(String name, Function<ModelConfig, String> defaultValue,
      String defaultText, String regex, BiFunction<String, ModelConfig, String> fit,
      String description) {
    return new ModelOption(name, Type.TEXT, 0, List.of(), Pattern.compile(regex), fit,
        defaultValue, defaultText, description);
  }

  /** The default for a model of these sizes, in canonical spelling. */
  public String defaultFor(ModelConfig sizes) {
    return defaultValue.apply(sizes);
  }

  /**
   * The canonical spelling of {@code raw}: an integer without sign, spaces or leading zeros, the
   * choice as listed (matched ignoring case, spaces and brackets), or the text upper-cased and
   * fitted to {@code sizes}.
   *
   * @throws IllegalArgumentException naming the family and option when {@code raw} is not a value
   */
  public String canonical(String family, String raw, ModelConfig sizes) {
    String s = raw == null ? "" : raw.strip();
    return switch (type) {
      case INTEGER -> {
        long v;
        try {
          v = Long.parseLong(s);
        } catch (NumberFormatException e) {
          throw bad(family, "an integer", raw);
        }
        if (v < min || v > Integer.MAX_VALUE) {
          throw bad(family, "an integer >= " + min, raw);
        }
        yield String.valueOf(v);
      }
      case CHOICE -> {
        String key = s.replaceAll("[\\s\\[\\]()]", "").toLowerCase(Locale.ROOT);
        for (String c : choices) {
          if (c.equals(key)) {
            yield c;
          }
        }
        throw bad(family, "one of " + String.join(" | ", choices), raw);
      }
      case TEXT -> {
        String v = s.toUpperCase(Locale.ROOT);
        if (!pattern.matcher(v).matches()) {
          throw bad(family, "of the form " + pattern.pattern(), raw);
        }
        try {
          yield fit.apply(v, sizes);
        } catch (IllegalArgumentException e) {
          throw bad(family, e.getMessage(), raw);
        }
      }
    };
  }

  /** The canonical value as JSON sees it: an {@link Integer} or a {@link String}. */
  public Object typed(String canonical) {
    return type == Type.INTEGER ? (Object) Integer.valueOf(canonical) : canonical;
  }

  /** What help prints: {@code name=VALUES  description (default: X)}. */
  public String usage() {
    String values = switch (type) {
      case INTEGER -> "N";
      case CHOICE -> String.join("|", choices);
      case TEXT -> pattern.pattern();
    };
    return name + "=" + values + "  " + description + " (default: " + defaultText + ")";
  }

  private IllegalArgumentException bad(String family, String what, String raw) {
    return new IllegalArgumentException(family + ": option " + name + " must be " + what
        + ", got '" + raw + "'");
  }
}
