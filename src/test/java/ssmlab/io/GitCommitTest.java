package ssmlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GitCommitTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String OTHER = "89abcdef0123456789abcdef0123456789abcdef";

  @Test
  void of_looseRef_isResolvedFromAChildFolder(@TempDir Path repo) throws Exception {
    Path git = Files.createDirectories(repo.resolve(".git/refs/heads"));
    Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(git.resolve("main"), SHA + "\n");
    Path classes = Files.createDirectories(repo.resolve("target/classes"));
    assertThat(GitCommit.of(classes)).contains(SHA);
  }

  @Test
  void of_packedRef_isFound(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(repo.resolve(".git/packed-refs"), "# pack-refs with: peeled\n"
        + OTHER + " refs/heads/other\n" + SHA + " refs/heads/main\n");
    assertThat(GitCommit.of(repo)).contains(SHA);
  }

  @Test
  void of_detachedHead_isTheHash(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".git/HEAD"), SHA + "\n");
    assertThat(GitCommit.of(repo)).contains(SHA);
  }

  // A worktree: .git is a file naming the worktree's git dir, whose commondir holds the refs.
  @Test
  void of_worktree_followsGitdirAndCommondir(@TempDir Path dir) throws Exception {
    Path common = Files.createDirectories(dir.resolve("main/.git/refs/heads"));
    Files.writeString(common.resolve("feature"), SHA + "\n");
    Path wtGit = Files.createDirectories(dir.resolve("main/.git/worktrees/feature"));
    Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/feature\n");
    Files.writeString(wtGit.resolve("commondir"), "../..\n");
    Path worktree = Files.createDirectories(dir.resolve("wt/feature"));
    Files.writeString(worktree.resolve(".git"), "gitdir: " + wtGit + "\n");
    assertThat(GitCommit.of(worktree)).contains(SHA);
  }

  @Test
  void of_noRepositoryOrGarbage_isEmpty(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("r/.git"));
    Files.writeString(repo.resolve("HEAD"), "ref: refs/heads/missing\n");
    assertThat(GitCommit.of(dir.resolve("r"))).isEqualTo(Optional.empty());
    Files.writeString(repo.resolve("HEAD"), "not a hash\n");
    assertThat(GitCommit.of(dir.resolve("r"))).isEmpty();
  }

  @Test
  void dirty_saysWhetherTrackedFilesChanged(@TempDir Path repo) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(git(repo, "init", "-q") == 0, "no git");
    Files.writeString(repo.resolve("a.txt"), "one\n");
    assertThat(git(repo, "add", "a.txt")).isZero();
    assertThat(git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "a"))
        .isZero();
    assertThat(GitCommit.dirty(repo)).contains(false);
    Files.writeString(repo.resolve("untracked.txt"), "x\n");
    assertThat(GitCommit.dirty(repo)).contains(false);
    Files.writeString(repo.resolve("a.txt"), "two\n");
    assertThat(GitCommit.dirty(repo.resolve("a.txt"))).contains(true);
    assertThat(GitCommit.dirty(repo.resolve("no-such-dir/x"))).isNotEqualTo(Optional.of(false));
  }

  private static int git(Path dir, String... args) throws Exception {
    var cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString()));
    cmd.addAll(java.util.List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor();
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
