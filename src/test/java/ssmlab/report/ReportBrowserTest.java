package ssmlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import ssmlab.experiment.ResultRow;
import ssmlab.experiment.ResultsFixture;

/**
 * Opens the report in headless Chromium (Debian's {@code chromium}, installed by .ci/run): every
 * chart renders, the page logs nothing to the console, and a screenshot shows the plots. Skipped
 * with a message when Chromium is not installed. Leaves the report and the screenshot in
 * {@code target/report-browser-test/} for a look.
 */
final class ReportBrowserTest {
  private static final Pattern STATUS = Pattern.compile(
      "<p id=\"report-status\" data-status=\"([a-z]+)\" data-charts=\"(\\d+)\">([^<]*)</p>");

  private static Optional<Path> chromium() {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(n -> Path.of(dir, n)))
        .filter(Files::isExecutable).findFirst();
  }

  /** Runs headless Chromium on {@code page} with {@code extra} flags; returns stdout, stderr. */
  private static String[] run(Path chromium, Path work, String name, Path page, String... extra)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--user-data-dir=" + work.resolve(name + "-profile"),
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=20000",
        // No name resolves: a page that reached for the network would log an error.
        "--host-resolver-rules=MAP * ~NOTFOUND"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    return new String[] {Files.readString(out), Files.readString(err)};
  }

  /** A fresh {@code target/report-browser-test/NAME} with the test grid's report in it. */
  private static Report.Written freshReport(String name) throws Exception {
    Path work = Path.of("target", "report-browser-test", name).toAbsolutePath();
    if (Files.exists(work)) {
      try (Stream<Path> old = Files.walk(work)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(work);
    return Report.write(ResultsFixture.sweep(work.resolve("results")));
  }

  private static Path requireChromium() {
    Optional<Path> chromium = chromium();
    Assumptions.assumeTrue(chromium.isPresent(),
        "chromium is not installed (apt-get install chromium): browser check skipped");
    return chromium.get();
  }

  @Test
  void report_inHeadlessChromium_rendersEveryChartWithoutConsoleMessages() throws Exception {
    Path chromium = requireChromium();
    Report.Written report = freshReport("good");
    Path work = report.html().getParent().getParent();

    String[] dom = run(chromium, work, "dom", report.html(), "--dump-dom");
    Matcher status = STATUS.matcher(dom[0]);
    assertThat(status.find()).as("status marker in the DOM:\n%s", dom[1]).isTrue();
    assertThat(status.group(1)).as("problems: %s", status.group(3)).isEqualTo("rendered");
    // 2 task charts + the heatmap + 1 word-problem chart
    assertThat(status.group(2)).isEqualTo("4");
    assertThat(status.group(3)).isEmpty();
    assertThat(Pattern.compile("<svg[^>]*class=\"marks\"").matcher(dom[0]).results().count())
        .isEqualTo(4);
    List<String> console = dom[1].lines().filter(l -> l.contains(":CONSOLE")).toList();
    assertThat(console).as("console messages").isEmpty();

    Path shot = work.resolve("screenshot.png");
    run(chromium, work, "shot", report.html(), "--hide-scrollbars",
        "--window-size=1300,1900", "--screenshot=" + shot);
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1300);
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        inked += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 0 : 1;
      }
    }
    // Charts, axes and the table cover far more than 2% of a page; an empty page is all white.
    assertThat(inked).isGreaterThan(image.getWidth() * image.getHeight() / 16 / 50);
  }

  // A sweep where no model reaches 90%: no empty chart, so no Infinite extent warning.
  @Test
  void reportWithoutA90PercentRun_inHeadlessChromium_rendersWithoutWarnings() throws Exception {
    Path chromium = requireChromium();
    Path work = Path.of("target", "report-browser-test", "below90").toAbsolutePath();
    Files.createDirectories(work);
    List<ResultRow> rows = new ArrayList<>();
    for (int length : new int[] {4, 8, 16}) {
      for (long seed = 1; seed <= 2; seed++) {
        rows.add(new ResultRow("0123456789abcde" + seed, "s", "h", "s5", Map.of(), "m", "m",
            Map.of(), 1, 8, 2, 4, length, 1, 1, 0.1, Map.of(), seed, 0.5, 0.3 / seed, 1, 1, 1,
            "c", "25", true, 1, null, null, null));
      }
    }
    Path page = work.resolve("report.html");
    Files.writeString(page, HtmlReport.render("below 90%", rows));

    String[] dom = run(chromium, work, "dom", page, "--dump-dom");
    Matcher status = STATUS.matcher(dom[0]);
    assertThat(status.find()).as("status marker in the DOM:\n%s", dom[1]).isTrue();
    assertThat(status.group(1)).as("problems: %s", status.group(3)).isEqualTo("rendered");
    assertThat(status.group(2)).isEqualTo("2");
    assertThat(dom[0]).contains("s5: " + MinLayers.NONE);
  }

  // The checks above can fail: a page that logs an error and reaches for the network is caught
  // both by its own status marker and in Chromium's log.
  @Test
  void brokenReport_inHeadlessChromium_isReportedAsError() throws Exception {
    Path chromium = requireChromium();
    Report.Written report = freshReport("broken");
    Path work = report.html().getParent().getParent();
    Path broken = work.resolve("broken.html");
    Files.writeString(broken, Files.readString(report.html()).replaceFirst(
        "<p id=\"report-status\"", "<img src=\"https://example.invalid/x.png\">"
            + "<script>console.error('boom')</script><p id=\"report-status\""));

    String[] dom = run(chromium, work, "broken", broken, "--dump-dom");
    Matcher status = STATUS.matcher(dom[0]);
    assertThat(status.find()).isTrue();
    assertThat(status.group(1)).isEqualTo("error");
    assertThat(status.group(3)).contains("error: boom", "network: https://example.invalid/x.png");
    assertThat(dom[1].lines().filter(l -> l.contains(":CONSOLE"))).isNotEmpty();
  }
}
