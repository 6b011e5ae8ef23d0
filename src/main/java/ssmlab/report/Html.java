package ssmlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** HTML text helpers: escaping, and the vendored JavaScript read from the class path. */
final class Html {
  private Html() {}

  static String escape(String s) {
    var sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * JSON made safe inside a {@code <script>} element: {@code <} only occurs in JSON strings, where
   * {@code \u003c} means the same, so no {@code </script>} can end the element early.
   */
  static String scriptJson(String json) {
    return json.replace("<", "\\u003c");
  }

  /** A vendored file from {@code ssmlab/report/vendor/}, e.g. {@code vega.min.js}. */
  static String vendor(String name) {
    try (InputStream in = Html.class.getResourceAsStream("/ssmlab/report/vendor/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource ssmlab/report/vendor/" + name);
      }
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // The source map is not shipped; a dangling reference only makes devtools complain.
      return js.replaceAll("(?m)^//# sourceMappingURL=.*$", "").replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
