package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The launcher's stderr filter: it drops the JDK's incubator notice and passes a progress bar's
 * carriage-return redraws on at once, not when a newline finally comes.
 */
final class LauncherTest {

  @Test
  void stderrFilter_dropsTheNotice_andPassesRedrawsOnAtOnce() throws Exception {
    Path launcher = Path.of("ssmlab").toAbsolutePath();
    assumeTrue(Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/bash")),
        "no ./ssmlab or bash here");
    String script = "source <(sed -n '/^drop_incubator_notice() {/,/^}/p' '" + launcher + "')\n"
        + "{ printf 'WARNING: Using incubator modules: jdk.incubator.vector\\n';"
        + " printf '[##  ] 1/2\\r'; sleep 5; printf '[####] 2/2\\n'; } | drop_incubator_notice\n";
    Process p = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true).start();
    InputStream in = p.getInputStream();
    long t0 = System.nanoTime();
    StringBuilder first = new StringBuilder();
    for (int c; (c = in.read()) != -1 && c != '\r'; ) {
      first.append((char) c);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    String rest = new String(in.readAllBytes());
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(first.toString()).isEqualTo("[##  ] 1/2");
    assertThat(seconds).as("the redraw arrived before the next line was written").isLessThan(4);
    assertThat(rest).isEqualTo("[####] 2/2\n");
  }
}
