package ssmlab.io;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import ssmlab.tensor.SimdSwitch;

/**
 * Where an artefact came from: the code (git commit, whether the checkout had uncommitted
 * changes, ssmlab's version), the JDK, whether the Vector API kernels were on, the threads, and
 * the command line that made it. Together with a run's spec it pins the result bits; every file
 * ssmlab writes about a model or a result carries one (run.json, checkpoints' metadata, sweep
 * results, eval and circuit JSON).
 *
 * @param commit the commit of the checkout the code was built from, or {@code unknown}
 * @param dirty whether that checkout had uncommitted changes to tracked files; null when unknown
 * @param version ssmlab's version from the jar manifest, or {@code development}
 * @param jdk {@link Runtime#version()}
 * @param simd whether the Vector API kernels ran ({@link SimdSwitch.ENABLED})
 * @param threads threads per run
 * @param command the command line's arguments after {@code ssmlab}; empty outside the command line
 */
public record Provenance(String commit, Boolean dirty, String version, String jdk, boolean simd,
    int threads, List<String> command) {

  private static volatile List<String> commandLine = List.of();
  private static volatile Code code;

  public Provenance {
    command = command == null ? List.of() : List.copyOf(command);
  }

  /** Remembers the arguments of this process's command line for {@link #current}. */
  public static void recordCommandLine(String[] args) {
    commandLine = List.of(args);
  }

  /** The provenance of this JVM for work on {@code threads} threads. */
  public static Provenance current(int threads) {
    Code c = code();
    return new Provenance(c.commit(), c.dirty(), ssmlabVersion(), Runtime.version().toString(),
        SimdSwitch.ENABLED, threads, commandLine);
  }

  /** ssmlab's version from the jar manifest, or {@code development}. */
  public static String ssmlabVersion() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  private record Code(String commit, Boolean dirty) {}

  /** The checkout is read once a process: its state does not change under a running command. */
  private static Code code() {
    Code c = code;
    if (c == null) {
      Path where = codeLocation();
      c = new Code(where == null ? "unknown" : GitCommit.of(where).orElse("unknown"),
          where == null ? null : GitCommit.dirty(where).orElse(null));
      code = c;
    }
    return c;
  }

  private static Path codeLocation() {
    try {
      return Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
