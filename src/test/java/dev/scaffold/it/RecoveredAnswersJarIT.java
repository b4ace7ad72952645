package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scaffold.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers typed into the jar's prompts (a real terminal: tmux) survive a run that fails after the
 * questions, here for want of a GitHub token, and a second run takes them with {@code --answers}.
 */
class RecoveredAnswersJarIT {

  private static final String JAR = Path.of(System.getProperty("scaffold.jar", "target/scaffold-0.1.0.jar"))
      .toAbsolutePath().toString();

  @TempDir Path tmp;
  private final Tmux tmux = new Tmux("scaffold-recover");

  @AfterEach
  void stopTmux() throws IOException, InterruptedException {
    tmux.close();
  }

  @Test
  void aMissingTokenAfterTheQuestionsKeepsTheAnswersForTheNextRun() throws Exception {
    assumeTrue(Tmux.installed(), "tmux is not installed");
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path state = tmp.resolve("state");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // no token variable and no gh on PATH: provisioning cannot start
    String env = "env -i HOME=" + tmp.resolve("home") + " PATH=/usr/bin:/bin TERM=xterm-256color XDG_STATE_HOME=" + state
        + " XDG_CONFIG_HOME=" + tmp.resolve("config") + " GIT_CONFIG_NOSYSTEM=1 ";
    tmux.start(work, env + java + " -XX:TieredStopAtLevel=1 -jar " + JAR + " new java-library; echo EXIT=$?; sleep 600");

    tmux.answer("? Project name", "recover-me", "Enter");
    tmux.answer("? One-line description", "Enter");
    tmux.answer("? Author name", "Ada Lovelace", "Enter");
    tmux.answer("? Author e-mail", "ada@example.com", "Enter");
    tmux.answer("? Create the repository on GitHub", "y", "Enter");
    tmux.answer("? GitHub organisation", "C-u", "octo-org", "Enter");
    tmux.answer("? Team that owns the code", "Enter");
    tmux.answer("? Repository visibility", "Enter");
    tmux.answer("? Maven groupId", "Enter");
    tmux.answer("? First version", "Enter");
    tmux.answer("? Java release", "Enter");
    tmux.answer("? License", "Enter");
    tmux.answer("? Folder to create", "Enter");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean confirmed = false;
    while (!tmux.screen().contains("EXIT=") && System.nanoTime() < deadline) {
      if (!confirmed && tmux.screen().contains("? Go ahead")) {
        tmux.send("Enter");
        confirmed = true;
      }
      Thread.sleep(100);
    }
    tmux.waitFor("EXIT=");
    String screen = tmux.screen();
    assertTrue(screen.contains("EXIT=2") || screen.contains("EXIT=1"), screen);
    assertTrue(screen.contains("GITHUB_TOKEN"), "the error says what is missing:\n" + screen);

    Path kept;
    try (var files = Files.list(state.resolve("scaffold/answers"))) {
      kept = files.findFirst().orElseThrow();
    }
    assertTrue(screen.replace("\n", "").contains("run again with `--answers " + kept + "`"), screen);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    String answers = Files.readString(kept);
    assertTrue(answers.contains("project_name: recover-me") && answers.contains("github_org: octo-org")
        && answers.contains("create_github_repo: true"), answers);
    try (var left = Files.list(work)) {
      // nothing at all: no project, staging or journal folder, and no JGit timestamp probe
      // (.probe-*), which the warm-up measures in scaffold's cache folder instead
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).toList(),
          "the failed run left nothing in the folder it ran in");
    }
    assertTrue(Files.isDirectory(tmp.resolve("home/.cache/scaffold/fs-probe")),
        "the warm-up measured the file system in the cache folder");

    // the rerun asks nothing: every answer comes from the kept file
    Process rerun = new ProcessBuilder(java, "-jar", JAR, "new", "java-library", "--answers", kept.toString(),
        "--non-interactive", "--no-github", "--set", "create_github_repo=false")
        .directory(work.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    String out = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, rerun.exitValue(), out);
    assertTrue(Files.readString(work.resolve("recover-me/pom.xml")).contains("<artifactId>recover-me</artifactId>"));
    assertFalse(out.contains("?"), "nothing asked: " + out);
  }
}
