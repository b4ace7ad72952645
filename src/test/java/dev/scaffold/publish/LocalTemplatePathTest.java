package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template from a local folder: the answers file pushed to GitHub carries no path of this
 * machine, and {@code scaffold update} on the same machine still finds the template.
 */
class LocalTemplatePathTest {

  static final String TOKEN = "ghp_l0calPathT0kenValue0123456789ab";

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").start();
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private Map<String, String> env(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    return env;
  }

  private void version(Path tpl, String tag, String readme) throws IOException {
    FileTree.write(tpl, Map.of(
        "scaffold.yml", """
            name: demo
            questions:
              - name: name
            github:
              owner: octo
              name: ${name}
              visibility: public
            """,
        "template/README.md.ftl", readme));
    Git.run(tpl, "add", "-A");
    Git.run(tpl, "commit", "-q", "-m", tag);
    Git.run(tpl, "tag", tag);
  }

  private Path gitTemplate(Path tpl) throws IOException {
    Files.createDirectories(tpl);
    Git.run(tpl, "init", "-q", "-b", "main");
    version(tpl, "v1.0.0", "# ${name}\n");
    return tpl;
  }

  @Test
  void aTemplateBesideTheProjectIsRecordedRelativeToIt() throws IOException {
    Path tpl = gitTemplate(dir.resolve("tpl"));
    Cli.Run r = Cli.run(dir, env(dir.resolve("home")), "new", "tpl", "out", "--set", "name=demo", "--defaults",
        "--non-interactive", "--github-url", gh.baseUrl());
    assertEquals(0, r.exit(), r.out() + r.err());

    String pushed = Git.run(gh.gitDir("octo/demo"), "show", "main:.scaffold-answers.yml");
    assertTrue(pushed.contains("_template: ../tpl"), pushed);
    assertFalse(pushed.contains(dir.toString()), pushed);
    assertFalse(pushed.contains(dir.toRealPath().toString()), pushed);

    version(tpl, "v1.1.0", "# ${name}\n\nSecond version.\n");
    Cli.Run u = Cli.run(dir.resolve("out"), env(dir.resolve("home")), "update", "--defaults", "--non-interactive");
    assertEquals(0, u.exit(), u.out() + u.err());
    assertTrue(Files.readString(dir.resolve("out/README.md")).contains("Second version."));
    String local = Files.readString(dir.resolve("out/.scaffold-answers.yml"));
    assertTrue(local.contains("_template: ../tpl"), local);
    assertTrue(local.contains("v1.1.0"), local);
  }

  @Test
  void aTemplateNamedByAbsolutePathElsewhereIsStillRecordedRelative() throws IOException {
    Path home = dir.resolve("elsewhere");
    gitTemplate(home.resolve("templates/tpl"));
    Files.createDirectories(dir.resolve("work"));
    Cli.Run r = Cli.run(dir.resolve("work"), env(home), "new", home.resolve("templates/tpl").toString(), "out",
        "--set", "name=demo", "--defaults", "--non-interactive", "--github-url", gh.baseUrl());
    assertEquals(0, r.exit(), r.out() + r.err());
    String pushed = Git.run(gh.gitDir("octo/demo"), "show", "main:.scaffold-answers.yml");
    assertTrue(pushed.contains("_template: ../../elsewhere/templates/tpl"), pushed);
    assertFalse(pushed.contains(dir.toString()), pushed);

    Cli.Run c = Cli.run(dir.resolve("work/out"), env(home), "check");
    assertEquals(0, c.exit(), c.out() + c.err());
  }

  @Test
  void aRecordedPathThatNoLongerLeadsToATemplateIsAClearError() throws IOException {
    Path tpl = gitTemplate(dir.resolve("tpl"));
    Cli.Run r = Cli.run(dir, env(dir.resolve("home")), "new", "tpl", "out", "--set", "name=demo", "--defaults",
        "--non-interactive", "--no-github");
    assertEquals(0, r.exit(), r.out() + r.err());
    Files.move(tpl, dir.resolve("moved"));
    Cli.Run u = Cli.run(dir.resolve("out"), env(dir.resolve("home")), "update", "--defaults", "--non-interactive");
    assertEquals(2, u.exit(), u.out() + u.err());
    assertTrue(u.err().contains("which no longer exists"), u.err());
  }
}
