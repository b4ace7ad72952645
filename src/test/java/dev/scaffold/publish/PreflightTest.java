package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.RecordedRequest;
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

/** Pre-flight on the loopback GitHub: every problem reported at once, exit 2, nothing created anywhere. */
class PreflightTest {

  static final String TOKEN = "ghp_pr3fl1ghtT0kenValue0123456789";

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() {
    try {
      gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs").start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private void template(String owner, String teams, String visibility) throws IOException {
    template(owner, teams, visibility, Map.of());
  }

  private void template(String owner, String teams, String visibility, Map<String, String> more) throws IOException {
    Map<String, String> files = new HashMap<>(more);
    files.put("template/README.md.ftl", "# ${name}\n");
    files.put("scaffold.yml", """
        name: demo
        questions:
          - name: name
        github:
          owner: %s
          name: ${name}
          visibility: %s
          teams: {%s}
          protection:
            required_approving_review_count: 1
        """.formatted(owner, visibility, teams));
    FileTree.write(dir.resolve("tpl"), files);
  }

  private Cli.Run scaffold(String... more) {
    return SandboxNew.run(dir, gh, TOKEN, more);
  }

  /** Exit 2, the problems named, no repository, no local folder, only reads sent. */
  private Cli.Run assertRefused(Cli.Run r, String... problems) {
    assertEquals(2, r.exit(), r.out() + r.err());
    for (String p : problems) {
      assertTrue(r.err().contains(p), p + "\n" + r.err());
    }
    assertTrue(r.err().contains("GitHub pre-flight found " + problems.length + " problem(s)"), r.err());
    assertTrue(r.err().contains("nothing was created"), r.err());
    assertTrue(gh.repos().stream().noneMatch(x -> x.createdByApi()), gh.repos().toString());
    assertFalse(Files.exists(dir.resolve("out")));
    assertTrue(gh.requests().stream().allMatch(q -> q.method().equals("GET")), gh.requests().toString());
    assertFalse(r.err().contains(TOKEN));
    return r;
  }

  @Test
  void anOwnerThatIsNeitherAnOrganisationNorTheTokensAccount() throws IOException {
    template("nobody", "", "private");
    assertRefused(scaffold(), "nobody is neither an organisation the token can see nor the token's own account (octo)");
  }

  @Test
  void teamsNeedAnOrganisation() throws IOException {
    template("octo", "devs: push", "private");
    assertRefused(scaffold(), "octo is a user account: teams (devs) need an organisation");
  }

  @Test
  void aMissingTeam() throws IOException {
    template("acme", "devs: push, ghosts: pull", "private");
    Cli.Run r = assertRefused(scaffold(), "scaffold.yml github.teams.ghosts: no team acme/ghosts");
    assertFalse(r.err().contains("acme/devs"), r.err());
  }

  @Test
  void aClassicTokenWithoutTheRepoScope() throws IOException {
    template("acme", "", "private");
    gh.scopes(TOKEN, "public_repo", "read:org");
    assertRefused(scaffold(), "its scopes (public_repo, read:org) do not allow creating a private repository: it needs repo");
  }

  @Test
  void protectionOfAPrivateRepositoryOnGitHubFree() throws IOException {
    template("acme", "", "private");
    gh.plan("acme", "free");
    assertRefused(scaffold(), "branch protection of a private repository needs a paid plan, and acme is on GitHub Free");
  }

  @Test
  void everyProblemAtOnceInTheFewestRequests() throws IOException {
    template("acme", "devs: push, ghosts: pull", "private");
    gh.plan("acme", "free");
    gh.scopes(TOKEN, "public_repo");
    gh.createRepo("acme/demo", "main", false);
    assertRefused(scaffold(), "no team acme/ghosts", "needs repo", "it needs read:org", "on GitHub Free",
        "acme/demo already exists on GitHub");
    assertEquals(List.of("GET /orgs/acme -> 200", "GET /orgs/acme/teams?per_page=100&page=1 -> 200",
        "GET /repos/acme/demo -> 200"), gh.requests().stream().map(RecordedRequest::line).toList());
  }

  static final Map<String, String> WORKFLOW = Map.of("template/.github/workflows/ci.yml", "on: push\njobs: {}\n");

  @Test
  void aClassicTokenWithoutTheWorkflowScopeForAProjectWithWorkflows() throws IOException {
    template("acme", "devs: push", "private", WORKFLOW);
    gh.scopes(TOKEN, "repo", "read:org");
    assertRefused(scaffold(), "its scopes (read:org, repo) do not allow pushing workflow files"
        + " (.github/workflows/ci.yml): it needs the workflow scope");
  }

  @Test
  void withTheWorkflowScopeTheWorkflowsArePushed() throws IOException {
    template("acme", "devs: push", "private", WORKFLOW);
    gh.scopes(TOKEN, "repo", "read:org", "workflow");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(1, gh.repo("acme/demo").orElseThrow().pulls().size());
  }

  @Test
  void anOrganisationWhereOnlyOwnersCreateRepositories() throws IOException {
    template("acme", "", "private");
    gh.membersCanCreateRepositories("acme", false);
    gh.addMember("acme", "octo");
    assertRefused(scaffold(), "scaffold.yml github.owner: acme lets only its owners create private repositories, and"
        + " the token's user is a member: ask an owner to create it, or to allow members to");
    assertEquals(List.of("GET /orgs/acme -> 200", "GET /user/memberships/orgs/acme -> 200", "GET /repos/acme/demo -> 404"),
        gh.requests().stream().map(RecordedRequest::line).toList());
  }

  @Test
  void anOwnerCreatesWhereMembersMayNot() throws IOException {
    template("acme", "", "private");
    gh.membersCanCreateRepositories("acme", false);
    gh.orgAdmin("acme", "octo");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(1, gh.count("GET", "^/user/memberships/orgs/acme$"));
    assertTrue(gh.repo("acme/demo").orElseThrow().createdByApi());
  }

  @Test
  void whereMembersMayCreateTheRoleIsNotRead() throws IOException {
    template("acme", "", "private");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(0, gh.count("GET", "/memberships/"));
    assertEquals(0, gh.count("GET", "^/repos/acme/demo$"), "the create call stands in for reading the name");
  }

  @Test
  void aDryRunReadsTheNameItCannotCreate() throws IOException {
    template("acme", "", "private");
    gh.createRepo("acme/demo", "main", false);
    Cli.Run r = assertRefused(scaffold("--dry-run"), "acme/demo already exists on GitHub");
    assertEquals(1, gh.count("GET", "^/repos/acme/demo$"));
    assertFalse(r.out().contains("Plan for"), r.out());
  }

  @Test
  void aDryRunMakesTheSameChecks() throws IOException {
    template("acme", "ghosts: pull", "private");
    Cli.Run r = assertRefused(scaffold("--dry-run"), "no team acme/ghosts");
    assertFalse(r.out().contains("Plan for"), r.out());
  }

  @Test
  void aPublicRepositoryOnGitHubFreeWithAClassicTokenPasses() throws IOException {
    template("acme", "devs: push", "public");
    gh.plan("acme", "free");
    gh.scopes(TOKEN, "public_repo", "read:org");
    Cli.Run r = scaffold();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(Map.of("devs", "push"), gh.repo("acme/demo").orElseThrow().teams());
  }
}
