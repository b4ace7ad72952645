package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.Fault;
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

/**
 * Security features and custom properties on the loopback GitHub: set after the push where the plan
 * has them; what the plan or the organisation's property schema refuses is found by the pre-flight,
 * before anything exists.
 */
class SecurityFeaturesTest {

  static final String TOKEN = "ghp_s3cur1tyT0kenValue0123456789abc";

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs").start();
    gh.customProperty("acme", "team", "platform", "data");
    gh.customProperty("acme", "languages", "multi_select", false, "java", "kotlin", "go");
    gh.customProperty("acme", "cost_centre", "string", true);
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private void template(String owner, String visibility, String security, String properties) throws IOException {
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
              security: {%s}
              custom_properties: {%s}
            """.formatted(owner, visibility, security, properties),
        "template/README.md.ftl", "# ${name}\n"));
  }

  private static final String ALL = "dependabot_alerts: true, dependabot_security_updates: true,"
      + " secret_scanning: true, secret_scanning_push_protection: true";

  private Cli.Run scaffold(String... more) {
    return scaffold(Map.of(), more);
  }

  private Cli.Run scaffold(Map<String, String> moreEnv, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("new", "tpl", "out", "--set", "name=demo", "--defaults",
        "--non-interactive", "--github-url", gh.baseUrl()));
    args.addAll(List.of(more));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    env.putAll(moreEnv);
    return Cli.run(dir, env, args.toArray(String[]::new));
  }

  /** Exit 2 naming each problem, no repository, no local folder, only reads sent. */
  private void assertRefusedBeforeAnything(Cli.Run r, String... problems) {
    assertEquals(2, r.exit(), r.out() + r.err());
    for (String p : problems) {
      assertTrue(r.err().contains(p), p + "\n" + r.err());
    }
    assertTrue(r.err().contains("GitHub pre-flight found " + problems.length + " problem(s)"), r.err());
    assertTrue(r.err().contains("nothing was created"), r.err());
    assertTrue(gh.repos().isEmpty(), gh.repos().toString());
    assertFalse(Files.exists(dir.resolve("out")));
    assertTrue(gh.requests().stream().allMatch(q -> q.method().equals("GET")), gh.requests().toString());
    assertFalse(r.err().contains(TOKEN));
  }

  @Test
  void everyFeatureAndPropertyOnAPublicOrganisationRepository() throws IOException {
    template("acme", "public", ALL, "team: '${team}', languages: [java, kotlin], cost_centre: '4711'");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(Map.of("dependabot_alerts", "enabled", "dependabot_security_updates", "enabled",
        "secret_scanning", "enabled", "secret_scanning_push_protection", "enabled"), gh.security("acme/demo"));
    assertEquals(Map.of("team", "platform", "languages", List.of("java", "kotlin"), "cost_centre", "4711"),
        gh.customProperties("acme/demo"));
    // the schema is read once, in the pre-flight; each setting is one request
    assertEquals(1, gh.count("GET", "/orgs/acme/properties/schema"));
    assertEquals(1, gh.count("PATCH", "/repos/acme/demo/properties/values"));
    assertEquals(1, gh.count("PUT", "/repos/acme/demo/vulnerability-alerts"));
    assertEquals(1, gh.count("PUT", "/repos/acme/demo/automated-security-fixes"));
  }

  @Test
  void theDryRunNamesEachSettingAndOnlyReads() throws IOException {
    template("acme", "private", "dependabot_alerts: true, secret_scanning: false",
        "team: data, cost_centre: '4711', languages: null");
    Cli.Run r = scaffold("--dry-run");
    assertEquals(0, r.exit(), r.out() + r.err());
    String all = r.out() + r.err();
    assertTrue(all.contains("enable dependabot alerts"), all);
    assertTrue(all.contains("disable secret scanning"), all);
    assertTrue(all.contains("custom property team = data"), all);
    assertTrue(all.contains("unset custom property languages"), all);
    assertTrue(gh.requests().stream().allMatch(q -> q.method().equals("GET")), gh.requests().toString());
    assertTrue(gh.repos().isEmpty());
  }

  @Test
  void secretScanningOfAPrivateRepositoryWithoutAdvancedSecurityIsRefusedBeforeAnything() throws IOException {
    template("acme", "private", ALL, "team: data");
    assertRefusedBeforeAnything(scaffold(),
        "github.security.secret_scanning: secret scanning of a private repository needs GitHub Advanced Security,"
            + " and acme's plan (team) does not include it",
        "github.security.secret_scanning_push_protection: secret scanning push protection of a private repository");
  }

  @Test
  void onTheEnterprisePlanAPrivateRepositoryGetsSecretScanning() throws IOException {
    template("acme", "internal", ALL, "");
    gh.plan("acme", "enterprise");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("enabled", gh.security("acme/demo").get("secret_scanning_push_protection"));
    assertEquals("enabled", gh.security("acme/demo").get("secret_scanning"));
  }

  @Test
  void customPropertiesOfAUserRepositoryAreRefusedBeforeAnything() throws IOException {
    template("octo", "public", "secret_scanning: true", "team: platform");
    assertRefusedBeforeAnything(scaffold(), "octo is a user account: custom properties (team) need an organisation");
  }

  @Test
  void propertiesTheOrganisationWouldRefuseAreAllReportedBeforeAnything() throws IOException {
    template("acme", "public", "", "tier: gold, team: ops, languages: java, cost_centre: null");
    assertRefusedBeforeAnything(scaffold(),
        "github.custom_properties.tier: acme defines no custom property tier",
        "github.custom_properties.team: \"ops\" is not one of the values acme allows (platform, data)",
        "github.custom_properties.languages: is a multi_select property of acme: give a list of values",
        "github.custom_properties.cost_centre: is required by acme and cannot be unset");
  }

  @Test
  void whenThePlanIsHiddenGitHubsRefusalStopsTheRunAndAFixedRunResumes() throws IOException {
    gh.hidePlan("acme"); // a token that is not an owner's does not see the plan: the pre-flight cannot judge
    template("acme", "private", ALL, "team: data");
    Cli.Run r = scaffold();
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("GitHub step \"set security features and custom properties\" failed"), r.err());
    assertTrue(r.err().contains("403"), r.err());
    assertTrue(r.err().contains("Advanced Security has not been purchased for acme"), r.err());
    assertTrue(r.err().contains("run the same command again to resume"), r.err());
    assertFalse(r.err().contains(TOKEN));
    assertEquals(1, gh.repos().size());
    assertTrue(Files.isDirectory(dir.resolve("out")));

    // the organisation buys Advanced Security: the same command finishes the job, once
    gh.plan("acme", "enterprise");
    Cli.Run again = scaffold();
    assertEquals(0, again.exit(), again.out() + again.err());
    assertEquals(1, gh.repos().size());
    assertEquals("enabled", gh.security("acme/demo").get("secret_scanning"));
    assertEquals(Map.of("team", "data"), gh.customProperties("acme/demo"));
    assertEquals(1, gh.repo("acme/demo").orElseThrow().pulls().size());
  }

  @Test
  void aFailedPropertyStepResumesWithoutDoingAnythingTwice() throws IOException {
    template("acme", "public", "dependabot_alerts: true", "team: data, cost_centre: '4711'");
    gh.faults().add(Fault.status("PATCH", "/repos/acme/demo/properties/values", 502).times(10));
    Cli.Run r = scaffold(Map.of("SCAFFOLD_GITHUB_RETRY_SECONDS", "0")); // GitHub stays down past the retries
    assertTrue(r.err().contains("GitHub step \"set security features and custom properties\" failed"), r.err());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertEquals(Map.of(), gh.customProperties("acme/demo"));
    gh.faults().clear();
    long creates = gh.count("POST", "/orgs/acme/repos");
    Cli.Run again = scaffold();
    assertEquals(0, again.exit(), again.out() + again.err());
    assertEquals(creates, gh.count("POST", "/orgs/acme/repos"));
    assertEquals(Map.of("team", "data", "cost_centre", "4711"), gh.customProperties("acme/demo"));
    assertEquals(1, gh.repo("acme/demo").orElseThrow().pulls().size());
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
