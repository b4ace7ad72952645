package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Git hooks that leave a mark: each hook script creates a file named after itself in a folder
 * outside every repository, so a test can tell whether any hook ran.
 */
final class HookTraps {

  /** Every hook git knows for commits, pushes, checkouts, merges and ref updates. */
  static final List<String> HOOKS = List.of("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit",
      "pre-push", "post-checkout", "post-merge", "post-rewrite", "reference-transaction", "pre-auto-gc");

  private final Path fired;

  HookTraps(Path fired) throws IOException {
    this.fired = Files.createDirectories(fired);
  }

  /** Writes every hook into {@code hooksDir}, executable. */
  Path plant(Path hooksDir) throws IOException {
    Files.createDirectories(hooksDir);
    for (String hook : HOOKS) {
      Path script = hooksDir.resolve(hook);
      Files.writeString(script, "#!/bin/sh\ntouch '" + fired.resolve(hook) + "'\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return hooksDir;
  }

  /** The hooks that ran so far. */
  List<String> fired() throws IOException {
    try (Stream<Path> s = Files.list(fired)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  void assertNoneFired() throws IOException {
    assertEquals(List.of(), fired(), "hooks ran");
  }

  /** Shows the traps work: JGit as it comes runs them on an empty commit in {@code repo}. */
  void assertLive(Path repo) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      git.commit().setAllowEmpty(true).setMessage("probe").setSign(false)
          .setAuthor(new PersonIdent("t", "t@t")).setCommitter(new PersonIdent("t", "t@t")).call();
    }
    assertFalse(fired().isEmpty(), "the planted hooks should run when JGit commits with its default file system");
  }

  /**
   * JGit's view of the user's global config, for the length of a test: a file of the test's own
   * (the real one stays untouched and unread). {@link #close} restores JGit's default.
   */
  static final class UserConfig implements AutoCloseable {
    private final SystemReader original = SystemReader.getInstance();

    UserConfig(Path file) {
      SystemReader base = original;
      SystemReader.setInstance(new SystemReader() {
        @Override
        public String getHostname() {
          return base.getHostname();
        }

        @Override
        public String getenv(String variable) {
          return base.getenv(variable);
        }

        @Override
        public String getProperty(String key) {
          return base.getProperty(key);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
          return new FileBasedConfig(parent, file.toFile(), fs);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
          return new FileBasedConfig(parent, new File("/dev/null"), fs) {
            @Override
            public void load() {
              // no system config in tests
            }

            @Override
            public boolean isOutdated() {
              return false;
            }
          };
        }

        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
          return base.openJGitConfig(parent, fs);
        }

        @Override
        public long getCurrentTime() {
          return base.getCurrentTime();
        }

        @Override
        public int getTimezone(long when) {
          return base.getTimezone(when);
        }
      });
    }

    @Override
    public void close() {
      SystemReader.setInstance(original);
    }
  }
}
