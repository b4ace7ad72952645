package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaffold.sandbox.Fault;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.PullSnapshot;
import dev.scaffold.sandbox.RepoSnapshot;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches GitHub's default branch and what the run reports: the base commit is always the
 * minimal one, CODEOWNERS gates the first pull request, and the output names what really exists.
 */
class ProvisioningCorrectnessTest {

  static final String TOKEN = "ghp_c0rrectnessT0kenValue0123456";
  static final String YML = """
      name: demo
      questions:
        - name: name
        - name: team
          default: devs
      github:
        owner: acme
        name: ${name}
        teams: {'${team}': push}
        protection:
          required_approving_review_count: 1
          require_code_owner_reviews: true
        pull_request:
          branch: scaffold/initial
          title: Initial ${name}
      """;

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs", "ops").start();
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", YML,
        "template/README.md.ftl", "# ${name}\n",
        "template/.github/CODEOWNERS", "* @acme/devs\n",
        "template/.github/workflows/ci.yml", "on: push\n",
        "template/src/Main.java.ftl", "class Main { /* ${name} ${team} */ }\n"));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private Cli.Run scaffold(String... more) {
    return SandboxNew.run(dir, gh, TOKEN, more);
  }

  private Repository bare() throws IOException {
    return new FileRepositoryBuilder().setGitDir(gh.repo("acme/demo").orElseThrow().gitDir().toFile()).build();
  }

  /** main holds only the base files, parentless; the PR branch is the whole project on top of it. */
  private void assertMinimalBase(Repository bare) throws IOException {
    assertEquals(List.of(".github/CODEOWNERS", ".scaffold-answers.yml"),
        List.copyOf(ProvisioningEndToEndTest.tree(bare, "refs/heads/main").keySet()));
    RevCommit base = ProvisioningEndToEndTest.commit(bare, "refs/heads/main");
    assertEquals(0, base.getParentCount());
    RevCommit top = ProvisioningEndToEndTest.commit(bare, "refs/heads/scaffold/initial");
    assertEquals(1, top.getParentCount());
    assertEquals(base, top.getParent(0));
    assertEquals(List.of(".github/CODEOWNERS", ".github/workflows/ci.yml", ".scaffold-answers.yml", "README.md",
        "src/Main.java"), List.copyOf(ProvisioningEndToEndTest.tree(bare, "refs/heads/scaffold/initial").keySet()));
  }

  @Test
  void aForcedReRunAfterAFailedTeamGrantStillGoesThroughReview() throws IOException {
    // the grant fails for good after the pre-flight saw the team (removed meanwhile, say)
    gh.faults().add(Fault.status("PUT", "^/orgs/acme/teams/ops/", 404).times(50));
    Cli.Run failed = scaffold("--set", "team=ops");
    assertEquals(1, failed.exit(), failed.out() + failed.err());
    try (Repository bare = bare()) {
      assertEquals(List.of(), bare.getRefDatabase().getRefs(), "created, still empty");
    }
    assertTrue(gh.repo("acme/demo").isPresent());

    Cli.Run again = scaffold("--set", "team=devs", "--force", "--json");
    assertEquals(0, again.exit(), again.out() + again.err());
    try (Repository bare = bare()) {
      assertMinimalBase(bare);
      assertTrue(ProvisioningEndToEndTest.tree(bare, "refs/heads/scaffold/initial").get("src/Main.java").contains("devs"));
    }
    RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
    assertEquals(1, repo.pulls().size());
    PullSnapshot pr = repo.pulls().get(0);
    assertEquals("main", pr.base());
    assertEquals(Map.of("devs", "push"), repo.teams());
  }

  @Test
  void jsonNamesTheCommitAndBranchThatExistOnGitHub() throws IOException {
    Cli.Run r = scaffold("--json");
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    try (Repository bare = bare();
        Repository local = new FileRepositoryBuilder().setGitDir(dir.resolve("out/.git").toFile()).build()) {
      assertMinimalBase(bare);
      assertEquals("scaffold/initial", json.path("branch").asText());
      assertEquals(bare.resolve("refs/heads/scaffold/initial").getName(), json.path("commit").asText());
      assertEquals(local.resolve("HEAD").getName(), json.path("commit").asText());
    }
    assertEquals("created", json.path("status").asText());
  }

  @Test
  void theFirstPullRequestsBaseHoldsCodeOwnersAndNoLocalPath() throws IOException {
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    try (Repository bare = bare()) {
      assertEquals("* @acme/devs\n", ProvisioningEndToEndTest.tree(bare, "refs/heads/main").get(".github/CODEOWNERS"));
    }
    PullSnapshot pr = gh.repo("acme/demo").orElseThrow().pulls().get(0);
    assertFalse(pr.body().contains(dir.toString()), pr.body());
    assertTrue(pr.body().contains("Template: `demo` version `local`"), pr.body());
  }

  @Test
  void aResumedRunSaysSoAndNamesTheRealCommit() throws IOException {
    gh.faults().add(Fault.status("POST", "/pulls$", 500).times(50));
    Cli.Run failed = scaffold();
    assertEquals(1, failed.exit(), failed.out() + failed.err());
    gh.faults().clear();

    Cli.Run again = scaffold();
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().startsWith("Resumed "), again.out());
    assertFalse(again.out().contains("Created"), again.out());
    Cli.Run json = scaffold("--json");
    assertEquals(0, json.exit(), json.out() + json.err());
    JsonNode j = new ObjectMapper().readTree(json.out());
    assertEquals("resumed", j.path("status").asText());
    try (Repository bare = bare()) {
      assertEquals(bare.resolve("refs/heads/scaffold/initial").getName(), j.path("commit").asText());
    }
  }

  @Test
  void aPushRefusedWith403SaysSo() {
    gh.faults().add(Fault.status("GET", "/info/refs", 403).times(50));
    Cli.Run r = scaffold();
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("403"), r.err());
    assertTrue(r.err().contains("may not push"), r.err());
    assertEquals(1, gh.count("GET", "/info/refs"), "a refusal is not retried");
    assertFalse(r.err().contains("authentication not supported"), r.err());
  }
}
