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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rulesets and the richer classic protection, round-tripped through the loopback GitHub. */
class RulesetsTest {

  static final String TOKEN = "ghp_ru1esetsT0kenValue01234567890";

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs", "release-managers").start();
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private void template(String github) throws IOException {
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\ngithub:\n  owner: acme\n  name: ${name}\n" + github,
        "template/README.md.ftl", "# ${name}\n"));
  }

  private Cli.Run scaffold(String... more) {
    return SandboxNew.run(dir, gh, TOKEN, more);
  }

  private static List<String> types(JsonNode ruleset) {
    List<String> out = new ArrayList<>();
    ruleset.path("rules").forEach(r -> out.add(r.path("type").asText()));
    return out;
  }

  @Test
  void protectionOfKindRulesetAndARulesetListRoundTrip() throws IOException {
    template("""
          protection:
            kind: ruleset
            required_approving_review_count: 2
            require_code_owner_reviews: true
            dismiss_stale_reviews: true
            require_last_push_approval: true
            required_conversation_resolution: true
            required_status_checks: [build, {context: lint, integration_id: 15368}]
            strict: true
            required_linear_history: true
            required_signatures: true
            bypass: [{team: release-managers, mode: pull_request}, {role: admin}, {app: 42}]
          rulesets:
            - name: release tags
              target: tag
              include: ['refs/tags/v*']
              allow_deletions: false
        """);
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
    assertEquals(Map.of(), repo.protections(), "a ruleset, not classic protection");
    JsonNode main = repo.rulesets().get("default branch");
    assertEquals("branch", main.path("target").asText());
    assertEquals("active", main.path("enforcement").asText());
    assertEquals("[\"~DEFAULT_BRANCH\"]", main.path("conditions").path("ref_name").path("include").toString());
    assertEquals(List.of("pull_request", "required_status_checks", "required_linear_history", "required_signatures",
        "non_fast_forward", "deletion"), types(main));
    JsonNode pr = main.path("rules").get(0).path("parameters");
    assertEquals(2, pr.path("required_approving_review_count").asInt());
    assertTrue(pr.path("require_code_owner_review").asBoolean());
    assertTrue(pr.path("dismiss_stale_reviews_on_push").asBoolean());
    assertTrue(pr.path("require_last_push_approval").asBoolean());
    assertTrue(pr.path("required_review_thread_resolution").asBoolean());
    JsonNode checks = main.path("rules").get(1).path("parameters");
    assertTrue(checks.path("strict_required_status_checks_policy").asBoolean());
    assertEquals("[{\"context\":\"build\"},{\"context\":\"lint\",\"integration_id\":15368}]",
        checks.path("required_status_checks").toString());
    JsonNode bypass = main.path("bypass_actors");
    assertEquals(3, bypass.size());
    assertEquals("Team", bypass.get(0).path("actor_type").asText());
    assertEquals("pull_request", bypass.get(0).path("bypass_mode").asText());
    assertEquals("RepositoryRole", bypass.get(1).path("actor_type").asText());
    assertEquals(5, bypass.get(1).path("actor_id").asInt());
    assertEquals("Integration", bypass.get(2).path("actor_type").asText());
    assertEquals(42, bypass.get(2).path("actor_id").asInt());

    JsonNode tags = repo.rulesets().get("release tags");
    assertEquals("tag", tags.path("target").asText());
    assertEquals("[\"refs/tags/v*\"]", tags.path("conditions").path("ref_name").path("include").toString());
    assertEquals(List.of("non_fast_forward", "deletion"), types(tags));

    // the same command again (the resume path) replaces them in place: no duplicates
    Cli.Run again = scaffold();
    assertEquals(0, again.exit(), again.out() + again.err());
    assertEquals(2, gh.repo("acme/demo").orElseThrow().rulesets().size());
    assertEquals(2, gh.count("POST", "/rulesets$"));
  }

  @Test
  void classicProtectionGainsConversationsLastPushSignaturesBypassAndRestrictions() throws IOException {
    template("""
          protection:
            required_approving_review_count: 1
            require_last_push_approval: true
            required_conversation_resolution: true
            required_signatures: true
            bypass: [{team: release-managers}, {user: octo}]
            restrictions: [{team: devs}, {app: deploy-bot}]
        """);
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode rule = gh.repo("acme/demo").orElseThrow().protections().get("main");
    JsonNode reviews = rule.path("required_pull_request_reviews");
    assertTrue(reviews.path("require_last_push_approval").asBoolean());
    assertEquals("release-managers", reviews.path("bypass_pull_request_allowances").path("teams").get(0).path("slug").asText());
    assertEquals("octo", reviews.path("bypass_pull_request_allowances").path("users").get(0).path("login").asText());
    assertTrue(rule.path("required_conversation_resolution").path("enabled").asBoolean());
    assertTrue(rule.path("required_signatures").path("enabled").asBoolean());
    assertEquals("devs", rule.path("restrictions").path("teams").get(0).path("slug").asText());
    assertEquals("deploy-bot", rule.path("restrictions").path("apps").get(0).path("slug").asText());
  }

  @Test
  void aBadRulesetIsNamedAndNothingIsWritten() throws IOException {
    template("""
          rulesets:
            - name: main
              enforcement: sometimes
              bypass: [{user: octo}]
        """);
    Cli.Run r = scaffold();
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("github.rulesets[0].enforcement: must be active, evaluate or disabled, not `sometimes`"),
        r.err());
    assertTrue(r.err().contains("rulesets take teams, apps and roles, not user octo"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(List.of(), gh.repos());
  }

  @Test
  void aMissingBypassTeamIsCaughtByThePreflight() throws IOException {
    template("""
          rulesets:
            - name: main
              bypass: [{team: ghosts}]
        """);
    Cli.Run r = scaffold();
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("no team acme/ghosts"), r.err());
    assertEquals(List.of(), gh.repos());
  }

  @Test
  void repositorySettingsTeamsSetOnANewRepository() throws IOException {
    template("""
          allow_auto_merge: true
          allow_update_branch: true
          is_template: true
          squash_merge_commit_title: pr_title
          squash_merge_commit_message: PR_BODY
          merge_commit_title: MERGE_MESSAGE
          merge_commit_message: PR_TITLE
        """);
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    Map<String, Object> settings = gh.repo("acme/demo").orElseThrow().settings();
    assertEquals(true, settings.get("allow_auto_merge"));
    assertEquals(true, settings.get("allow_update_branch"));
    assertEquals(true, settings.get("is_template"));
    assertEquals("PR_TITLE", settings.get("squash_merge_commit_title"));
    assertEquals("PR_BODY", settings.get("squash_merge_commit_message"));
    assertEquals("MERGE_MESSAGE", settings.get("merge_commit_title"));
    assertEquals("PR_TITLE", settings.get("merge_commit_message"));
  }

  @Test
  void aMergeMessageWordGitHubDoesNotKnowIsNamed() throws IOException {
    template("  squash_merge_commit_title: FIRST_LINE\n");
    Cli.Run r = scaffold();
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("github.squash_merge_commit_title: must be PR_TITLE, COMMIT_OR_PR_TITLE, not `FIRST_LINE`"),
        r.err());
    assertEquals(List.of(), gh.repos());
  }
}
