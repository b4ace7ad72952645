package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.RepoSnapshot;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Actions variables, sealed secrets (the loopback GitHub decrypts them) and environments. */
class ActionsSettingsTest {

  static final String TOKEN = "ghp_act10nsT0kenValue01234567890ab";
  static final String SONAR = "sonar-Va1ue-that-must-stay-secret";
  static final String DEPLOY = "-----BEGIN KEY-----\nd3pl0y\n-----END KEY-----\n";

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs").user("alice").start();
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", """
            name: demo
            questions:
              - name: name
              - name: java
                default: "21"
            github:
              owner: acme
              name: ${name}
              variables: {JAVA_VERSION: '${java}', SERVICE: '${name}'}
              secrets:
                SONAR_TOKEN: {env: SONAR_TOKEN}
                DEPLOY_KEY: {file: keys/deploy.pem}
              environments:
                production: {wait_timer: 30, reviewers: [{team: devs}, {user: alice}]}
                staging: {}
            """,
        "template/README.md.ftl", "# ${name}\n"));
    FileTree.write(dir.resolve("keys"), Map.of("deploy.pem", DEPLOY));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private Cli.Run scaffold(Map<String, String> extra, String... more) {
    List<String> args = new ArrayList<>(List.of("new", "tpl", "out", "--set", "name=demo", "--defaults",
        "--non-interactive", "--github-url", gh.baseUrl()));
    args.addAll(List.of(more));
    Map<String, String> env = new HashMap<>(extra);
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    return Cli.run(dir, env, args.toArray(String[]::new));
  }

  @Test
  void secretsAreSealedForTheRepositoryAndDecryptToTheirValues() throws IOException {
    Cli.Run r = scaffold(Map.of("SONAR_TOKEN", SONAR));
    assertEquals(0, r.exit(), r.out() + r.err());
    RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
    assertEquals(Map.of("SONAR_TOKEN", SONAR, "DEPLOY_KEY", DEPLOY), repo.secrets());
    assertEquals(Map.of("JAVA_VERSION", "21", "SERVICE", "demo"), repo.variables());
    JsonNode prod = repo.environments().get("production").path("protection_rules");
    assertEquals(30, prod.get(0).path("wait_timer").asInt());
    assertEquals("Team", prod.get(1).path("reviewers").get(0).path("type").asText());
    assertEquals("User", prod.get(1).path("reviewers").get(1).path("type").asText());
    assertTrue(repo.environments().containsKey("staging"));
    // the value went over the wire sealed only, and is nowhere in the project or the output
    assertFalse(r.out().contains(SONAR) || r.err().contains(SONAR));
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(SONAR) || text.contains("d3pl0y"), f.toString());
      }
    }

    // the same command again updates in place: variables by PATCH, no duplicate
    Cli.Run again = scaffold(Map.of("SONAR_TOKEN", SONAR + "2"));
    assertEquals(0, again.exit(), again.out() + again.err());
    assertEquals(SONAR + "2", gh.repo("acme/demo").orElseThrow().secrets().get("SONAR_TOKEN"));
    assertEquals(2, gh.count("POST", "/actions/variables$"));
  }

  @Test
  void aMissingSecretSourceStopsBeforeAnythingIsWritten() {
    Cli.Run r = scaffold(Map.of());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("github.secrets.SONAR_TOKEN: the environment variable SONAR_TOKEN is not set"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(List.of(), gh.requests());
  }

  @Test
  void aSecretValueWrittenInTheTemplateIsRefused() throws IOException {
    Path yml = dir.resolve("tpl/scaffold.yml");
    Files.writeString(yml, Files.readString(yml).replace("{env: SONAR_TOKEN}", "hunter2"));
    Cli.Run r = scaffold(Map.of("SONAR_TOKEN", SONAR));
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("github.secrets.SONAR_TOKEN: a secret's value is read from the environment or a file"),
        r.err());
    assertFalse(r.err().contains("hunter2"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }
}
