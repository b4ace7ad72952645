package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaffold.sandbox.Fault;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.PullSnapshot;
import dev.scaffold.sandbox.RecordedRequest;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code scaffold new} against the loopback GitHub: the whole flow, resuming, faults, dry runs. */
class ProvisioningEndToEndTest {

  static final String TOKEN = "ghp_s3cr3tT0kenValue0123456789";
  static final String YML = """
      name: demo
      questions:
        - name: name
        - name: team
          default: devs
        - name: api_key
          type: secret
          default: sup3r-secret-key
      github:
        owner: acme
        name: ${name}
        visibility: private
        description: The ${name} service
        homepage: https://example.com/${name}
        topics: [java, '${name}']
        teams: {'${team}': maintain}
        collaborators: {alice: push}
        default_branch: main
        allow_merge_commit: false
        allow_squash_merge: true
        delete_branch_on_merge: true
        protection:
          required_approving_review_count: 2
          require_code_owner_reviews: true
          dismiss_stale_reviews: true
          required_status_checks: [build, lint]
          strict: true
          enforce_admins: true
          required_linear_history: true
        pull_request:
          branch: scaffold/initial
          title: Initial ${name} from ${_template.name} ${_template.version}
          body: Made with key ${api_key} for ${team}.
      """;

  @TempDir Path dir;
  GitHubSandbox gh;

  @BeforeEach
  void start() throws IOException {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme", "devs", "ops").user("alice").start();
    String yml = YML;
    FileTree.write(dir.resolve("tpl"), Map.of(
        "scaffold.yml", yml,
        "template/README.md.ftl", "# ${name}\n",
        "template/src/Main.java.ftl", "class Main { /* ${name} */ }\n",
        "template/run.sh", "#!/bin/sh\necho hi\n"));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    for (int i = 0; i + 1 < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  private Cli.Run scaffold(Map<String, String> env, String... more) {
    List<String> args = new ArrayList<>(List.of("new", "tpl", "out", "--set", "name=demo", "--defaults",
        "--non-interactive", "--github-url", gh.baseUrl()));
    args.addAll(List.of(more));
    return Cli.run(dir, env, args.toArray(String[]::new));
  }

  static Map<String, String> tree(Repository repo, String rev) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(walk.parseCommit(repo.resolve(rev)).getTree());
      tw.setRecursive(true);
      while (tw.next()) {
        out.put(tw.getPathString(), new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static RevCommit commit(Repository repo, String rev) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(repo.resolve(rev));
    }
  }

  private void assertTokenNowhere(Cli.Run... runs) throws IOException {
    for (Cli.Run r : runs) {
      assertFalse(r.out().contains(TOKEN), r.out());
      assertFalse(r.err().contains(TOKEN), r.err());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(TOKEN), "token found in " + f);
      }
    }
  }

  /** The repository holds everything the template asked for, exactly once. */
  private void assertProvisioned() throws IOException {
    assertEquals(1, gh.repos().size());
    RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
    assertTrue(repo.createdByApi());
    assertEquals("private", repo.visibility());
    assertEquals("The demo service", repo.description());
    assertEquals("https://example.com/demo", repo.homepage());
    assertEquals(false, repo.settings().get("allow_merge_commit"));
    assertEquals(true, repo.settings().get("allow_squash_merge"));
    assertEquals(true, repo.settings().get("delete_branch_on_merge"));
    assertEquals(List.of("java", "demo"), repo.topics());
    assertEquals(Map.of("devs", "maintain"), repo.teams());
    assertEquals(Map.of("alice", "push"), repo.invitations());
    assertEquals("main", repo.defaultBranch());

    try (Repository bare = new FileRepositoryBuilder().setGitDir(repo.gitDir().toFile()).build()) {
      assertEquals(List.of(".scaffold-answers.yml"), List.copyOf(tree(bare, "refs/heads/main").keySet()));
      RevCommit base = commit(bare, "refs/heads/main");
      assertEquals(0, base.getParentCount());
      assertEquals("Start demo project demo", base.getShortMessage());
      Map<String, String> project = tree(bare, "refs/heads/scaffold/initial");
      assertEquals(List.of(".scaffold-answers.yml", "README.md", "run.sh", "src/Main.java"), List.copyOf(project.keySet()));
      assertEquals("# demo\n", project.get("README.md"));
      RevCommit top = commit(bare, "refs/heads/scaffold/initial");
      assertEquals(base, top.getParent(0));
      assertEquals("Initial project from demo local", top.getShortMessage());
      assertFalse(project.get(".scaffold-answers.yml").contains("sup3r-secret-key"));
    }

    JsonNode rule = repo.protections().get("main");
    assertEquals(2, rule.path("required_pull_request_reviews").path("required_approving_review_count").asInt());
    assertTrue(rule.path("required_pull_request_reviews").path("require_code_owner_reviews").asBoolean());
    assertTrue(rule.path("required_pull_request_reviews").path("dismiss_stale_reviews").asBoolean());
    assertTrue(rule.path("required_status_checks").path("strict").asBoolean());
    assertEquals("[\"build\",\"lint\"]", rule.path("required_status_checks").path("contexts").toString());
    assertTrue(rule.path("enforce_admins").path("enabled").asBoolean());
    assertTrue(rule.path("required_linear_history").path("enabled").asBoolean());

    assertEquals(1, repo.pulls().size());
    PullSnapshot pr = repo.pulls().get(0);
    assertEquals("scaffold/initial", pr.head());
    assertEquals("main", pr.base());
    assertEquals("open", pr.state());
    assertEquals("Initial demo from demo local", pr.title());
    assertTrue(pr.body().startsWith("Made with key *** for devs."), pr.body());
    assertTrue(pr.body().contains("Template: `demo` version `local`"), pr.body());
    assertTrue(pr.body().contains("- `name`: demo") && pr.body().contains("- `team`: devs"), pr.body());
    assertFalse(pr.body().contains("sup3r-secret-key") || pr.body().contains("api_key"), pr.body());
    assertEquals(0, gh.legacyTeamGrants());
  }

  private void assertLocalRepository() throws IOException {
    try (Repository local = new FileRepositoryBuilder().setGitDir(dir.resolve("out/.git").toFile()).build()) {
      assertEquals("scaffold/initial", local.getBranch());
      assertEquals(gh.cloneUrl("acme/demo"), local.getConfig().getString("remote", "origin", "url"));
      assertEquals("refs/heads/scaffold/initial", local.getConfig().getString("branch", "scaffold/initial", "merge"));
      RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
      try (Repository bare = new FileRepositoryBuilder().setGitDir(repo.gitDir().toFile()).build()) {
        assertEquals(bare.resolve("refs/heads/main"), local.resolve("refs/heads/main"));
        assertEquals(bare.resolve("refs/heads/scaffold/initial"), local.resolve("refs/remotes/origin/scaffold/initial"));
      }
    }
    assertEquals("# demo\n", Files.readString(dir.resolve("out/README.md")));
  }

  @Test
  void fullFlowProvisionsEverythingWithTheFewestRequests() throws IOException {
    Cli.Run r = scaffold(env(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(gh.baseUrl() + "/acme/demo", json.path("github").path("repository").asText());
    assertEquals(gh.baseUrl() + "/acme/demo/pull/1", json.path("github").path("pull_request").asText());
    assertProvisioned();
    assertLocalRepository();
    assertTokenNowhere(r);

    List<String> lines = gh.requests().stream().map(RecordedRequest::line).toList();
    // pre-flight: GET org (plan, scopes), GET its teams; then POST create (its 422 would be the signal to read
    // the name), PUT topics, PUT team, PUT collaborator, git info/refs + receive-pack, PUT protection, POST pull
    assertEquals(List.of(
        "GET /orgs/acme -> 200",
        "GET /orgs/acme/teams?per_page=100&page=1 -> 200",
        "POST /orgs/acme/repos -> 201",
        "PUT /repos/acme/demo/topics -> 200",
        "PUT /orgs/acme/teams/devs/repos/acme/demo -> 204",
        "PUT /repos/acme/demo/collaborators/alice -> 201",
        "GET /git/acme/demo.git/info/refs?service=git-receive-pack -> 200",
        "POST /git/acme/demo.git/git-receive-pack -> 200",
        "PUT /repos/acme/demo/branches/main/protection -> 200",
        "POST /repos/acme/demo/pulls -> 201"), lines);
    assertTrue(gh.requests().stream().allMatch(RecordedRequest::tokenPresent));
  }

  @Test
  void textOutputShowsTheLinks() throws IOException {
    Cli.Run r = scaffold(env("GITHUB_TOKEN", "", "GH_TOKEN", TOKEN), "--verbose");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("repository: " + gh.baseUrl() + "/acme/demo"), r.out());
    assertTrue(r.out().contains("pull request: " + gh.baseUrl() + "/acme/demo/pull/1"), r.out());
    assertTokenNowhere(r);
  }

  @ParameterizedTest(name = "failure at {0}")
  @CsvSource({
      "create,POST,^/orgs/acme/repos$",
      "topics,PUT,/topics$",
      "teams,PUT,^/orgs/acme/teams/",
      "collaborators,PUT,/collaborators/alice$",
      "push,POST,git-receive-pack$",
      "protection,PUT,/protection$",
      "pull request,POST,/pulls$"})
  void aFailedStepIsFinishedByRunningTheSameCommandAgain(String step, String method, String path) throws IOException {
    gh.faults().add(Fault.status(method, path, 500).times(50));
    Cli.Run failed = scaffold(env("SCAFFOLD_GITHUB_RETRY_SECONDS", "0"));
    assertEquals(1, failed.exit(), failed.out() + failed.err());
    assertTrue(failed.err().contains("run the same command again to resume"), failed.err());
    assertTrue(Files.exists(dir.resolve("out/README.md")));
    gh.faults().clear();

    Cli.Run again = scaffold(env());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.err().contains("resuming GitHub provisioning for " + dir.resolve("out")), again.err());
    assertProvisioned();
    assertLocalRepository();
    assertEquals(1, gh.count("POST", "^/orgs/acme/repos$") - (step.equals("create") ? 1 : 0));
    assertEquals(1, gh.count("POST", "/pulls$") - (step.equals("pull request") ? 1 : 0));
    assertTokenNowhere(failed, again);

    gh.clearRequests();
    Cli.Run third = scaffold(env());
    assertEquals(0, third.exit(), third.err());
    assertProvisioned();
    assertTrue(gh.requests().stream().noneMatch(q -> !q.method().equals("GET")
        && !(q.method().equals("POST") && q.path().endsWith("git-upload-pack"))), gh.requests().toString());
  }

  @Test
  void retriesEveryKindOfFaultWithinOneRun() throws IOException {
    gh.faults().add(Fault.status("POST", "^/orgs/acme/repos$", 502));
    gh.faults().add(Fault.primaryRateLimit("PUT", "/topics$", 1));
    gh.faults().add(Fault.secondaryRateLimit("PUT", "^/orgs/acme/teams/", 429, 1));
    gh.faults().add(Fault.secondaryRateLimit("PUT", "/collaborators/", 403, 1));
    gh.faults().add(Fault.failPush("acme/demo"));
    gh.faults().add(Fault.dropConnection("PUT", "/protection$"));
    gh.faults().add(Fault.dropConnectionAfterHandling("POST", "/pulls$"));
    Cli.Run r = scaffold(env());
    assertEquals(0, r.exit(), r.err());
    assertProvisioned();
    assertEquals(2, gh.count("POST", "^/orgs/acme/repos$"));
    assertEquals(2, gh.count("PUT", "/topics$"));
    assertEquals(2, gh.count("PUT", "/protection$"));
    assertEquals(1, gh.count("GET", "/pulls$"));
    assertTokenNowhere(r);
  }

  @Test
  void aLostAnswerToTheCreateCallDoesNotCreateTwice() throws IOException {
    gh.faults().add(Fault.dropConnectionAfterHandling("POST", "^/orgs/acme/repos$"));
    Cli.Run r = scaffold(env());
    assertEquals(0, r.exit(), r.err());
    assertProvisioned();
    assertEquals(1, gh.count("POST", "^/orgs/acme/repos$"));
  }

  @Test
  void aFailedCreateCallDoesNotTakeOverSomeoneElsesOlderRepository() throws IOException {
    gh.createRepo("acme/demo", "main", false);
    gh.backdate("acme/demo", java.time.Duration.ofDays(3));
    gh.faults().add(Fault.status("POST", "^/orgs/acme/repos$", 502)); // not sent on: the retry reads the name
    Cli.Run r = scaffold(env());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("acme/demo already exists on GitHub and was not created for this project"), r.err());
    assertEquals(Map.of(), gh.repo("acme/demo").orElseThrow().teams());
    assertTrue(gh.requests().stream().allMatch(q -> q.method().equals("GET") || q.path().equals("/orgs/acme/repos")),
        gh.requests().toString());

    Cli.Run adopted = scaffold(env(), "--adopt");
    assertEquals(0, adopted.exit(), adopted.err());
    assertEquals(Map.of("devs", "maintain"), gh.repo("acme/demo").orElseThrow().teams());
  }

  @Test
  void givesUpWithinTheTimeBudgetNamingTheStep() {
    gh.faults().add(Fault.primaryRateLimit("PUT", "/topics$", 3600));
    Cli.Run r = scaffold(env("SCAFFOLD_GITHUB_RETRY_SECONDS", "5"));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("GitHub step \"set topics java, demo\" failed"), r.err());
    assertTrue(r.err().contains("run the same command again to resume"), r.err());
    assertEquals(1, gh.count("PUT", "/topics$"));
  }

  @Test
  void dryRunPrintsEveryStepAndChangesNothing() {
    Cli.Run r = scaffold(env(), "--dry-run");
    assertEquals(0, r.exit(), r.err());
    for (String line : List.of(
        "github create repository acme/demo (private; description \"The demo service\"; homepage https://example.com/demo;"
            + " allow_squash_merge=true; allow_merge_commit=false; delete_branch_on_merge=true)",
        "github set topics java, demo",
        "github grant team acme/devs maintain",
        "github grant collaborator alice push",
        "github push base commit (.scaffold-answers.yml and CODEOWNERS, if any) to main",
        "github push project to scaffold/initial",
        "github protect main (2 approving review(s), code owners, dismiss stale reviews; status checks build, lint (strict);"
            + " enforce admins on; linear history on)",
        "github open pull request scaffold/initial → main: \"Initial demo from demo local\"")) {
      assertTrue(r.out().contains(line), line + "\n" + r.out());
    }
    assertTrue(gh.requests().stream().allMatch(q -> q.method().equals("GET")), gh.requests().toString());
    assertEquals(List.of(), gh.repos());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aMissingTokenStopsBeforeAnythingIsWritten() {
    Cli.Run r = scaffold(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()));
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("GITHUB_TOKEN or GH_TOKEN"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(List.of(), gh.requests());

    Cli.Run plan = scaffold(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), "--dry-run");
    assertEquals(0, plan.exit(), plan.err());
    assertTrue(plan.out().contains("github create repository acme/demo"), plan.out());
    assertTrue(plan.out().contains("the real run needs a token"), plan.out());
    assertFalse(Files.exists(dir.resolve("out")));

    Cli.Run local = scaffold(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), "--no-github");
    assertEquals(0, local.exit(), local.err());
    assertTrue(Files.exists(dir.resolve("out/README.md")));
    assertEquals(List.of(), gh.requests());
  }

  @Test
  void refusesARepositoryThisProjectDidNotMake() throws IOException {
    RepoSnapshot before = gh.createRepo("acme/demo", "main", true);
    Cli.Run r = scaffold(env());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("acme/demo already exists on GitHub and was not created for this project"), r.err());
    // the create call's 422 is the signal to read the name; the project it had moved into place goes again
    assertTrue(r.err().contains("nothing was created on GitHub, nor in " + dir.resolve("out")), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(1, gh.count("POST", "^/orgs/acme/repos$"));

    Files.createDirectory(dir.resolve("out")); // an empty folder of the user's stays, empty
    Cli.Run adopt = scaffold(env(), "--adopt");
    assertEquals(2, adopt.exit(), adopt.err());
    assertTrue(adopt.err().contains("acme/demo already exists on GitHub and was not made from this project"), adopt.err());
    assertTrue(adopt.err().contains("nothing was changed on GitHub, nor in " + dir.resolve("out")), adopt.err());
    assertEquals(List.of(), Files.list(dir.resolve("out")).toList());
    assertEquals(List.of("out"), Files.list(dir).map(p -> p.getFileName().toString())
        .filter(n -> !n.equals("tpl") && !n.equals("xdg")).sorted().toList());
    RepoSnapshot after = gh.repo("acme/demo").orElseThrow();
    assertEquals(before.topics(), after.topics());
    assertEquals(Map.of(), after.teams());
    assertEquals(Map.of(), after.protections());
    try (Repository bare = new FileRepositoryBuilder().setGitDir(after.gitDir().toFile()).build()) {
      assertEquals(List.of("refs/heads/main"), bare.getRefDatabase().getRefsByPrefix("refs/heads/").stream().map(x -> x.getName()).toList());
    }
    assertTrue(gh.requests().stream().allMatch(q -> q.method().equals("GET") || q.path().endsWith("git-upload-pack")
        || q.line().equals("POST /orgs/acme/repos -> 422")), gh.requests().toString());
  }

  @Test
  void anEmptyRepositoryIsAdoptedOnlyWithAdopt() throws IOException {
    gh.createRepo("acme/demo", "main", false);
    Cli.Run refused = scaffold(env());
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("pass --adopt to take over an empty repository"), refused.err());
    assertEquals(Map.of(), gh.repo("acme/demo").orElseThrow().teams());
    assertTrue(gh.requests().stream().allMatch(q -> q.method().equals("GET")
        || q.line().equals("POST /orgs/acme/repos -> 422")), gh.requests().toString());

    Cli.Run r = scaffold(env(), "--adopt");
    assertEquals(0, r.exit(), r.err());
    RepoSnapshot repo = gh.repo("acme/demo").orElseThrow();
    assertEquals("The demo service", repo.description());
    assertEquals(Map.of("devs", "maintain"), repo.teams());
    assertEquals(1, repo.pulls().size());
    assertNotEquals(null, repo.protections().get("main"));

    Cli.Run again = scaffold(env());
    assertEquals(0, again.exit(), "adopted, it is this project's own: resumed without --adopt\n" + again.err());
  }

  @Test
  void withoutPullRequestEverythingGoesToTheDefaultBranchOfTheUsersAccount() throws IOException {
    String yml = Files.readString(dir.resolve("tpl/scaffold.yml"));
    yml = yml.substring(0, yml.indexOf("  pull_request:")) + "  pull_request: false\n";
    yml = yml.replace("  teams: {'${team}': maintain}\n", "").replace("owner: acme", "owner: octo");
    Files.writeString(dir.resolve("tpl/scaffold.yml"), yml);
    gh.defaultBranch("octo", "master");
    Cli.Run r = scaffold(env(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(gh.baseUrl() + "/octo/demo", json.path("github").path("repository").asText());
    assertTrue(json.path("github").path("pull_request").isMissingNode(), r.out());
    RepoSnapshot repo = gh.repo("octo/demo").orElseThrow();
    assertEquals("main", repo.defaultBranch());
    assertEquals(List.of(), repo.pulls());
    try (Repository bare = new FileRepositoryBuilder().setGitDir(repo.gitDir().toFile()).build();
        Repository local = new FileRepositoryBuilder().setGitDir(dir.resolve("out/.git").toFile()).build()) {
      assertEquals(List.of(".scaffold-answers.yml", "README.md", "run.sh", "src/Main.java"),
          List.copyOf(tree(bare, "refs/heads/main").keySet()));
      ObjectId head = local.resolve("HEAD");
      assertEquals(head, bare.resolve("refs/heads/main"));
      assertEquals("main", local.getBranch());
    }
    assertEquals(1, gh.count("POST", "^/user/repos$"));
    assertTokenNowhere(r);
  }
}
