package ssmlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ssmlab.experiment.Canonical;
import ssmlab.experiment.ResultRow;

/**
 * The HTML report: one file with vega, vega-lite and vega-embed inlined and every chart's spec
 * in a JSON script element. When every chart has rendered the page sets {@code data-status} of
 * {@code #report-status} to {@code rendered} (or {@code error}, listing console errors and
 * warnings and any resource fetched from a network), so a headless browser can check it.
 */
final class HtmlReport {
  private static final String STYLE = """
      body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
      h1 { margin-bottom: 0.2em; } .meta { color: #555; margin-top: 0; }
      .charts { display: flex; flex-wrap: wrap; gap: 1.5em; }
      table.runs { border-collapse: collapse; font-size: 0.85em; }
      table.runs th, table.runs td { border-bottom: 1px solid #ddd; padding: 0.2em 0.6em;
        text-align: left; vertical-align: top; }
      table.runs td:nth-child(10), table.runs td:nth-child(11), table.runs td:nth-child(12) {
        font-family: ui-monospace, monospace; }
      #report-status { color: #a00; white-space: pre-wrap; }
      p.empty { color: #555; font-style: italic; width: 380px; }
      """;

  /** In the head, before the libraries: collects every console error and warning. */
  private static final String WATCH = """
      window.reportProblems = [];
      (function () {
        const note = (kind, args) =>
            window.reportProblems.push(kind + ': ' + Array.from(args).join(' '));
        const error = console.error, warn = console.warn;
        console.error = function () { note('error', arguments); error.apply(console, arguments); };
        console.warn = function () { note('warning', arguments); warn.apply(console, arguments); };
        window.addEventListener('error', e => note('error', [e.message]));
      })();
      """;

  /** At the end of the body: renders every chart, then sets the status marker. */
  private static final String EMBED = """
      (function () {
        const problems = window.reportProblems;
        const status = document.getElementById('report-status');
        const charts = Array.from(document.querySelectorAll('[data-spec]'));
        const views = charts.map(div => vegaEmbed(div,
            JSON.parse(document.getElementById(div.dataset.spec).textContent),
            {renderer: 'svg', actions: false}));
        Promise.all(views)
          .catch(e => problems.push('error: ' + (e && e.message ? e.message : e)))
          .then(() => {
            // Everything is inline: any fetched resource means the page needs a network.
            performance.getEntriesByType('resource').map(r => r.name)
              .filter(url => !/^(file|data|blob):/.test(url))
              .forEach(url => problems.push('network: ' + url));
            status.dataset.charts = String(charts.length);
            status.dataset.status = problems.length ? 'error' : 'rendered';
            status.textContent = problems.join('\\n');
          });
      })();
      """;

  private HtmlReport() {}

  static String render(String title, List<ResultRow> rows) {
    List<ChartRow> chartRows = ChartRows.of(rows);
    List<String> tasks = chartRows.stream().map(ChartRow::task).distinct().sorted().toList();
    List<Map<String, Object>> specs = new ArrayList<>();
    var body = new StringBuilder();

    body.append("<h1>").append(Html.escape(title)).append("</h1>\n")
        .append("<p class=\"meta\">").append(Html.escape(meta(rows))).append("</p>\n")
        .append("<p id=\"report-status\" data-status=\"pending\"></p>\n");

    body.append("<h2>Accuracy against test length</h2>\n<div class=\"charts\">\n");
    for (String task : tasks) {
      body.append(chart(specs, VegaLite.accuracy(task, chartRows)));
    }
    body.append("</div>\n<h2>Task × model</h2>\n<div class=\"charts\">\n")
        .append(chart(specs, VegaLite.heatmap(chartRows))).append("</div>\n");

    List<String> wordTasks = MinLayers.wordTasks(chartRows);
    if (!wordTasks.isEmpty()) {
      List<MinLayers.Point> points = MinLayers.of(chartRows);
      body.append("<h2>Word problems: fewest layers for 90% sequence accuracy</h2>\n")
          .append("<div class=\"charts\">\n");
      for (String task : wordTasks) {
        body.append(points.stream().anyMatch(p -> p.task().equals(task))
            ? chart(specs, VegaLite.minLayers(task, points))
            : "<p class=\"empty\">" + Html.escape(task) + ": " + MinLayers.NONE + "</p>\n");
      }
      body.append("</div>\n");
    }

    body.append("<h2>Runs</h2>\n").append(RunTable.html(rows));
    for (int i = 0; i < specs.size(); i++) {
      body.append("<script type=\"application/json\" id=\"spec-").append(i).append("\">")
          .append(Html.scriptJson(Canonical.MAPPER.writeValueAsString(specs.get(i))))
          .append("</script>\n");
    }

    var page = new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(Html.escape(title))
        .append("</title>\n<style>\n").append(STYLE).append("</style>\n")
        .append("<script>\n").append(WATCH).append("</script>\n");
    for (String lib : List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")) {
      page.append("<script>").append(Html.vendor(lib)).append("</script>\n");
    }
    return page.append("</head>\n<body>\n").append(body)
        .append("<script>\n").append(EMBED).append("</script>\n</body>\n</html>\n").toString();
  }

  private static String chart(List<Map<String, Object>> specs, Map<String, Object> spec) {
    specs.add(spec);
    return "<div class=\"chart\" data-spec=\"spec-" + (specs.size() - 1) + "\"></div>\n";
  }

  private static String meta(List<ResultRow> rows) {
    long runs = rows.stream().map(ResultRow::id).distinct().count();
    var specHashes = new TreeSet<String>();
    var commits = new TreeSet<String>();
    var jdks = new TreeSet<String>();
    var simd = new TreeSet<String>();
    for (ResultRow r : rows) {
      specHashes.add(r.specHash());
      commits.add(r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit());
      jdks.add(r.jdk());
      simd.add(r.simd() ? "on" : "off");
    }
    return runs + " runs, " + rows.size() + " rows; spec " + String.join(", ", specHashes)
        + "; commit " + String.join(", ", commits) + "; JDK " + String.join(", ", jdks)
        + "; SIMD " + String.join(", ", simd);
  }
}
