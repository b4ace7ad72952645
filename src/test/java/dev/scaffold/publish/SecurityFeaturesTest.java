package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security features and custom properties on the loopback GitHub, applied only where the plan has them. */
class SecurityFeaturesTest {

  static final String TOKEN = "ghp_s3cur1tyT0kenValue0123456789abc";

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs").start();
    gh.customProperty("acme", "team", "platform", "data");
    gh.customProperty("acme", "languages");
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private void template(String owner, String visibility, String properties) throws IOException {
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", """
            name: demo
            questions:
              - name: name
              - name: team
                default: platform
            github:
              owner: %s
              name: ${name}
              visibility: %s
              pull_request: false
              security:
                dependabot_alerts: true
                dependabot_security_updates: true
                secret_scanning: true
                secret_scanning_push_protection: true
              custom_properties: {%s}
            """.formatted(owner, visibility, properties),
        "template/README.md.ftl", "# ${name}\n"));
  }

  private Cli.Run scaffold(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("new", "tpl", "out", "--set", "name=demo", "--defaults",
        "--non-interactive", "--github-url", gh.baseUrl()));
    args.addAll(List.of(more));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    return Cli.run(dir, env, args.toArray(String[]::new));
  }

  @Test
  void everyFeatureAndPropertyOnAPublicOrganisationRepository() throws IOException {
    template("acme", "public", "team: '${team}', languages: [java, kotlin]");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(Map.of("dependabot_alerts", "enabled", "dependabot_security_updates", "enabled",
        "secret_scanning", "enabled", "secret_scanning_push_protection", "enabled"), gh.security("acme/demo"));
    assertEquals(Map.of("team", "platform", "languages", List.of("java", "kotlin")), gh.customProperties("acme/demo"));
    assertFalse(r.err().contains("skipped"), r.err());
  }

  @Test
  void secretScanningOfAPrivateRepositoryWithoutAdvancedSecurityIsSkippedWithAWarning() throws IOException {
    template("acme", "private", "team: data");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("skipped github.security.secret_scanning: on a private repository it needs GitHub"
        + " Advanced Security, which acme's plan (team) does not include"), r.err());
    assertTrue(r.err().contains("skipped github.security.secret_scanning_push_protection"), r.err());
    assertEquals(Map.of("dependabot_alerts", "enabled", "dependabot_security_updates", "enabled"),
        gh.security("acme/demo"));
    assertEquals(Map.of("team", "data"), gh.customProperties("acme/demo"));
  }

  @Test
  void onTheEnterprisePlanAPrivateRepositoryGetsSecretScanning() throws IOException {
    template("acme", "private", "");
    gh.plan("acme", "enterprise");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("enabled", gh.security("acme/demo").get("secret_scanning_push_protection"));
  }

  @Test
  void customPropertiesOfAUserRepositoryAreSkippedWithAWarning() throws IOException {
    template("octo", "public", "team: platform");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("skipped github.custom_properties: octo is a user account"), r.err());
    assertEquals(Map.of(), gh.customProperties("octo/demo"));
    assertEquals("enabled", gh.security("octo/demo").get("secret_scanning"));
  }

  @Test
  void aPropertyTheOrganisationDoesNotDefineFailsTheStepAndARerunResumes() throws IOException {
    template("acme", "public", "tier: gold");
    Cli.Run r = scaffold();
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("set security features and custom properties"), r.err());
    assertTrue(r.err().contains("Property tier does not exist in the organization"), r.err());
    assertTrue(Files.isDirectory(dir.resolve("out")));
    gh.customProperty("acme", "tier", "gold");
    Cli.Run again = scaffold();
    assertEquals(0, again.exit(), again.out() + again.err());
    assertEquals(Map.of("tier", "gold"), gh.customProperties("acme/demo"));
  }

  @Test
  void anUnknownFeatureOrAValueOfTheWrongShapeIsRefusedBeforeAnything() throws IOException {
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", """
            name: demo
            questions:
              - name: name
            github:
              owner: acme
              name: ${name}
              security: {code_scanning: true, dependabot_alerts: false, dependabot_security_updates: true}
              custom_properties: {team: {nested: x}}
            """,
        "template/README.md.ftl", "# ${name}\n"));
    Cli.Run r = scaffold();
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("github.security.code_scanning: is not a security feature"), r.err());
    assertTrue(r.err().contains("github.security.dependabot_security_updates: needs dependabot_alerts"), r.err());
    assertTrue(r.err().contains("github.custom_properties.team: must be text, a list of texts, or null"), r.err());
    assertTrue(gh.repos().isEmpty());
    assertFalse(Files.exists(dir.resolve("out")));
  }
}
