package ssmlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds the commit a checkout is at by reading its {@code .git} files (no {@code git} process):
 * {@code HEAD}, then the loose ref or {@code packed-refs} it names; worktrees ({@code .git} as a
 * file pointing to the real git dir, with a {@code commondir}) included. Whether the checkout has
 * uncommitted changes needs the index, so {@link #dirty} asks {@code git} when it is installed.
 */
final class GitCommit {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private GitCommit() {}

  /** The commit of the checkout containing {@code start} (or one of its parents). */
  static Optional<String> of(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (Files.exists(dotGit)) {
        try {
          return resolveHead(gitDir(dotGit));
        } catch (IOException | RuntimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the checkout containing {@code start} has uncommitted changes to tracked files
   * ({@code git status --porcelain --untracked-files=no} prints anything); empty when there is no
   * checkout or no {@code git}, or it does not answer within 10 s.
   */
  static Optional<Boolean> dirty(Path start) {
    Path dir = start.toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    if (dir == null || of(dir).isEmpty()) {
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder("git", "-C", dir.toString(), "status", "--porcelain",
          "--untracked-files=no").redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(out.length > 0);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Path gitDir(Path dotGit) throws IOException {
    if (Files.isDirectory(dotGit)) {
      return dotGit;
    }
    String line = Files.readString(dotGit).strip();
    if (!line.startsWith("gitdir:")) {
      throw new IOException("not a gitdir link: " + dotGit);
    }
    return dotGit.getParent().resolve(line.substring("gitdir:".length()).strip()).normalize();
  }

  private static Optional<String> resolveHead(Path gitDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD")).strip();
    if (!head.startsWith("ref:")) {
      return sha(head);
    }
    String ref = head.substring("ref:".length()).strip();
    Path common = gitDir;
    Path commonFile = gitDir.resolve("commondir");
    if (Files.exists(commonFile)) {
      common = gitDir.resolve(Files.readString(commonFile).strip()).normalize();
    }
    for (Path dir : new Path[] {gitDir, common}) {
      Path loose = dir.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return sha(Files.readString(loose).strip());
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed)) {
        if (line.endsWith(" " + ref)) {
          return sha(line.substring(0, line.indexOf(' ')));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> sha(String s) {
    return SHA.matcher(s).matches() ? Optional.of(s) : Optional.empty();
  }
}
