package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub token stays with scaffold: template tasks never see it, it goes only to the GitHub
 * API's origin and to git on that same GitHub, never over plain http away from this machine, and
 * never into a message or a file.
 */
class HostileSecretsTest {

  static final String TOKEN = "ghp_hostileSecretsToken0123456789ab";

  @TempDir Path dir;

  /** The environment the CLI sees: the token, a copy of it under another name, and what tasks need. */
  private Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GH_TOKEN", TOKEN);
    env.put("GH_ENTERPRISE_TOKEN", TOKEN + "-enterprise");
    env.put("DEPLOY_KEY_COPY", TOKEN);
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", dir.resolve("home").toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    for (int i = 0; i + 1 < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  /** The token in no output and in no file under the test's folder (sandbox repositories included). */
  private void assertTokenNowhere(Cli.Run r) throws IOException {
    assertFalse(r.out().contains(TOKEN), r.out());
    assertFalse(r.err().contains(TOKEN), r.err());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(TOKEN),
            "the token is in " + dir.relativize(f));
      }
    }
  }

  @Test
  void aTemplateTaskDoesNotSeeTheTokenButSeesTheRestOfTheEnvironment() throws Exception {
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", """
            name: demo
            tasks:
              - command: [sh, -c, 'test -z "$GITHUB_TOKEN$GH_TOKEN$GH_ENTERPRISE_TOKEN" || exit 9']
              - command: [sh, -c, 'env > seen-env.txt']
            """,
        "template/README.md", "hi\n"));

    Cli.Run r = Cli.run(dir, env("KEEP_ME", "yes"), "new", "tpl", "out", "--defaults", "--non-interactive",
        "--no-github", "--no-git");

    assertEquals(0, r.exit(), r.err());
    String seen = Files.readString(dir.resolve("out/seen-env.txt"));
    assertTrue(seen.contains("KEEP_ME=yes") && seen.contains("PATH=") && seen.contains("HOME="), seen);
    for (String name : List.of("GITHUB_TOKEN=", "GH_TOKEN=", "GH_ENTERPRISE_TOKEN=", "DEPLOY_KEY_COPY=")) {
      assertFalse(seen.contains(name), name + " reached the task: " + seen);
    }
    assertTokenNowhere(r);
  }
}
