package dev.scaffold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRunnerTest {

  static final String TOKEN = "ghp_taskRunnerToken0123456789";

  @TempDir Path dir;

  @Test
  void aTaskGetsTheCommandsEnvironmentLessTheToken() throws Exception {
    Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "GH_TOKEN", TOKEN, "PATH", System.getenv("PATH"),
        "HOME", dir.toString(), "KEEP_ME", "yes");

    new TaskRunner(Progress.NONE, env).run(List.of(new PlannedTask(List.of("sh", "-c", "env > env.txt"), null)), dir);

    String seen = Files.readString(dir.resolve("env.txt"));
    assertFalse(seen.contains(TOKEN), seen);
    assertFalse(seen.contains("GITHUB_TOKEN") || seen.contains("GH_TOKEN"), seen);
    assertTrue(seen.contains("KEEP_ME=yes") && seen.contains("HOME=" + dir) && seen.contains("PATH="), seen);
  }

  @Test
  void aTaskThatLooksForTheTokenFindsNone() {
    Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "PATH", System.getenv("PATH"));
    PlannedTask probe = new PlannedTask(List.of("sh", "-c", "test -z \"$GITHUB_TOKEN$GH_TOKEN\" || exit 9"), null);

    new TaskRunner(Progress.NONE, env).run(List.of(probe), dir); // exit 9 would throw

    assertEquals(List.of(), List.of(dir.toFile().list()));
  }
}
