package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import dev.scaffold.sandbox.Fault;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.PullSnapshot;
import dev.scaffold.sandbox.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaffold update} in its fleet form, through the CLI, against the loopback GitHub. */
class FleetCommandTest {

  static final String BRANCH = "scaffold/update-v2.0.0";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run cli(Path cwd, GitHubSandbox gh, boolean terminal, Map<String, String> extraEnv, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new LinkedHashMap<>(extraEnv);
    env.put("GITHUB_TOKEN", gh.token());
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), env, cwd, terminal);
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--github-url", gh.baseUrl()));
    int code = ScaffoldCli.run(ctx, all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        nodes.add(JSON.readTree(l));
      }
    }
    return nodes;
  }

  static long apiRequests(List<RecordedRequest> log) {
    return log.stream().filter(r -> !r.path().startsWith("/git/")).count();
  }

  @Test
  void fiftyRepositoriesGetTheirPullRequestsOnceAndWithinTheRateBudget() throws Exception {
    int budget = 300;
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").rateLimit(budget).start()) {
      Path template = FleetFixture.template(tmp.resolve("template"));
      Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
      Map<String, String> expected = new TreeMap<>();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        String name = String.format("acme/lib-%02d", i);
        names.add(name);
        Map<String, String> edits = new LinkedHashMap<>();
        String status = "opened";
        if (i == 7) {
          edits.put("README.md", v1.get("README.md").replace("Line B", "Line B (ours)"));
          status = "conflicts";
        } else if (i == 13) {
          edits.put(".scaffold-answers.yml", v1.get(".scaffold-answers.yml").replace("v1.0.0", "v2.0.0"));
          status = "up-to-date";
        } else if (i == 21) {
          edits.put(".scaffold-answers.yml", null);
          status = "no-answers";
        } else if (i == 34) {
          status = "failed";
        } else if (i % 3 == 0) {
          edits.put("README.md", v1.get("README.md").replace("Line D", "Line D edited in " + i));
          edits.put("src/extra.txt", "user file " + i + "\n");
        }
        FleetFixture.seed(gh, tmp, name, v1, edits);
        expected.put(name, status);
      }
      gh.faults().add(Fault.failPush("acme/lib-34").times(1000));
      gh.repos().forEach(r -> { });
      Path list = tmp.resolve("repos.txt");
      StringBuilder file = new StringBuilder("# the fleet\n");
      names.subList(25, 50).forEach(n -> file.append(n).append("   # second half\n"));
      Files.writeString(list, file.toString());
      List<String> args = new ArrayList<>();
      names.subList(0, 25).forEach(n -> {
        args.add("--repo");
        args.add(n);
      });
      args.addAll(List.of("--repos-file", list.toString(), "--defaults", "--json", "--jobs", "6"));
      gh.clearRequests();

      Run first = cli(tmp, gh, false, Map.of(), prepend("update", args));
      assertEquals(1, first.code(), first.err());
      List<JsonNode> results = lines(first.out());
      assertEquals(names, results.stream().map(n -> n.path("repo").asText()).toList(), "input order");
      Map<String, String> got = new TreeMap<>();
      results.forEach(n -> got.put(n.path("repo").asText(), n.path("status").asText()));
      assertEquals(expected, got);
      JsonNode failed = results.get(33);
      assertTrue(failed.path("error").asText().contains("push"), failed.toString());
      assertEquals("README.md", results.get(6).path("conflicts").get(0).asText());

      for (String name : names) {
        List<PullSnapshot> pulls = gh.repo(name).orElseThrow().pulls();
        String status = expected.get(name);
        if (status.equals("opened") || status.equals("conflicts")) {
          assertEquals(1, pulls.size(), name);
          PullSnapshot p = pulls.get(0);
          assertEquals(BRANCH, p.head());
          assertEquals("main", p.base());
          assertEquals("open", p.state());
          assertEquals(status.equals("conflicts"), p.title().startsWith("[conflicts] "), p.title());
          assertEquals(p.title().startsWith("[conflicts] "), p.body().contains("### Conflicts to resolve"));
          assertTrue(results.get(names.indexOf(name)).path("pull_request").asText().endsWith("/pull/" + p.number()));
        } else {
          assertEquals(List.of(), pulls, name);
        }
      }
      Map<String, String> edited = FleetFixture.files(gh, "acme/lib-03", BRANCH);
      assertTrue(edited.get("README.md").contains("Line B v2") && edited.get("README.md").contains("edited in 3"));
      assertEquals("user file 3\n", edited.get("src/extra.txt"));
      long firstApi = apiRequests(gh.requests());

      // a person closes one pull request: that version is not proposed to that repository again
      int closed = gh.repo("acme/lib-05").orElseThrow().pulls().get(0).number();
      assertEquals(200, send(gh, "PATCH", "/repos/acme/lib-05/pulls/" + closed, Map.of("state", "closed")));
      gh.clearRequests();
      Run again = cli(tmp, gh, false, Map.of(), prepend("update", args));
      assertEquals(1, again.code(), again.err());
      Map<String, String> second = new TreeMap<>();
      lines(again.out()).forEach(n -> second.put(n.path("repo").asText(), n.path("status").asText()));
      Map<String, String> expectedAgain = new TreeMap<>(expected);
      expectedAgain.replaceAll((k, v) -> v.equals("opened") ? "unchanged" : v);
      expectedAgain.put("acme/lib-05", "declined");
      assertEquals(expectedAgain, second);
      for (String name : names) {
        assertTrue(gh.repo(name).orElseThrow().pulls().size() <= 1, name);
      }
      assertEquals(0, gh.count("POST", "git-receive-pack$") - gh.count("POST", "lib-34\\.git/git-receive-pack$"),
          "nothing pushed again");
      assertEquals(0, gh.count("POST", "/pulls$"));
      long secondApi = apiRequests(gh.requests());
      assertTrue(firstApi + 1 + secondApi <= budget, firstApi + " + " + secondApi + " requests, budget " + budget);
      assertEquals(0, gh.requests().stream().filter(r -> r.status() == 403 || r.status() == 429).count());
    }
  }

  @Test
  void workersShareOneRateBudgetAndWaitForItsResetTogether() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").rateLimit(10)
        .rateLimitWindow(Duration.ofSeconds(2)).start()) {
      Path template = FleetFixture.template(tmp.resolve("template"));
      Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
      List<String> args = new ArrayList<>(List.of("update"));
      for (int i = 1; i <= 6; i++) {
        FleetFixture.seed(gh, tmp, "acme/r" + i, v1, Map.of());
        args.add("--repo");
        args.add("acme/r" + i);
      }
      args.addAll(List.of("--defaults", "--jobs", "4"));
      gh.clearRequests();
      Run r = cli(tmp, gh, false, Map.of(), args.toArray(String[]::new));
      assertEquals(0, r.code(), r.out() + r.err());
      assertEquals(6, gh.repos().stream().filter(x -> x.pulls().size() == 1).count());
      long limited = gh.requests().stream().filter(x -> x.status() == 403 || x.status() == 429).count();
      assertEquals(0, limited, limited + " requests hit the rate limit: the workers did not share the budget");
      assertTrue(apiRequests(gh.requests()) > 10, "the run needed a second rate window");
    }
  }

  @Test
  void anOrganisationsRepositoriesWithATopicAndALiveDisplayOnATerminal() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      Path template = FleetFixture.template(tmp.resolve("template"));
      Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
      for (String n : List.of("acme/a", "acme/b", "acme/c")) {
        FleetFixture.seed(gh, tmp, n, v1, Map.of());
      }
      topics(gh, "acme/a", "java-library");
      topics(gh, "acme/c", "java-library");
      Run r = cli(tmp, gh, true, Map.of(), "update", "--org", "acme", "--topic", "java-library", "--defaults");
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("\033["), "a live display on a terminal");
      assertTrue(r.err().contains("\033[32m"), "colour without NO_COLOR");
      assertTrue(r.out().contains("2 done, 0 skipped, 0 conflicted, 0 failed"), r.out());
      assertTrue(r.out().contains("opened     acme/a") && r.out().contains("opened     acme/c"), r.out());
      assertFalse(r.out().contains("acme/b"));
      assertEquals(0, gh.repo("acme/b").orElseThrow().pulls().size());

      Run plain = cli(tmp, gh, true, Map.of("NO_COLOR", "1"), "update", "--repo", "acme/b", "--defaults");
      assertFalse(plain.err().contains("\033[32m") || plain.err().contains("\033[2m"), "no colour with NO_COLOR");
      Run piped = cli(tmp, gh, false, Map.of(), "update", "--repo", "acme/a", "--defaults");
      assertFalse(piped.err().contains("\033["), "plain lines when not a terminal");
      assertTrue(piped.err().contains("unchanged  acme/a"), piped.err());

      // a user rather than an organisation, and a dry run
      FleetFixture.seed(gh, tmp, "octo/mine", v1, Map.of());
      topics(gh, "octo/mine", "java-library");
      Run user = cli(tmp, gh, false, Map.of(), "update", "--org", "octo", "--topic", "java-library", "--defaults",
          "--dry-run", "--json");
      assertEquals(0, user.code(), user.err());
      JsonNode planned = lines(user.out()).get(0);
      assertEquals("octo/mine", planned.path("repo").asText());
      assertEquals("planned", planned.path("status").asText());
      assertEquals(java.util.Set.of("main"), FleetFixture.branches(gh, "octo/mine").keySet());
    }
  }

  @Test
  void badSelectionsAreReportedTogetherBeforeAnythingRuns() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      Path list = tmp.resolve("repos.txt");
      Files.writeString(list, "acme/ok\nnot a repo\n# fine\nacme/also-ok # comment\n");
      Run r = cli(tmp, gh, false, Map.of(), "update", "--repo", "nope", "--repos-file", list.toString(), "--topic", "x");
      assertEquals(2, r.code());
      assertTrue(r.err().contains("--repo nope") && r.err().contains("repos.txt:2") && r.err().contains("--topic x"),
          r.err());
      assertEquals(0, gh.requests().size());
    }
  }

  @Test
  void updatePrInACheckoutOpensOnePullRequestAndKeepsItOnARerun() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      Path template = FleetFixture.template(tmp.resolve("template"));
      Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
      FleetFixture.seed(gh, tmp, "acme/solo", v1, Map.of("README.md",
          v1.get("README.md").replace("Line B", "Line B (ours)")));
      Path checkout = tmp.resolve("checkout");
      // as actions/checkout leaves it: origin without credentials
      org.eclipse.jgit.api.Git.cloneRepository().setURI(gh.cloneUrl("acme/solo")).setDirectory(checkout.toFile())
          .setCredentialsProvider(new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("x", gh.token()))
          .call().close();

      Run r = cli(tmp, gh, false, Map.of(), "update", checkout.toString(), "--pr", "--non-interactive", "--defaults");
      assertEquals(3, r.code(), r.out() + r.err());
      List<PullSnapshot> pulls = gh.repo("acme/solo").orElseThrow().pulls();
      assertEquals(1, pulls.size());
      assertEquals(BRANCH, pulls.get(0).head());
      assertTrue(pulls.get(0).title().startsWith("[conflicts] Update fleet-demo template"), pulls.get(0).title());
      assertTrue(r.out().contains("Pull request: " + gh.baseUrl() + "/acme/solo/pull/" + pulls.get(0).number()), r.out());
      String pushed = FleetFixture.branches(gh, "acme/solo").get(BRANCH);
      String config = Files.readString(checkout.resolve(".git/config"));
      assertFalse(config.contains(gh.token()), config);

      TemplateFixture.git(checkout, "checkout", "-q", "main");
      TemplateFixture.git(checkout, "branch", "-q", "-D", BRANCH);
      Run again = cli(tmp, gh, false, Map.of("GITHUB_REPOSITORY", "acme/solo"), "update", checkout.toString(), "--pr",
          "--non-interactive", "--defaults");
      assertEquals(3, again.code(), again.err());
      assertEquals(1, gh.repo("acme/solo").orElseThrow().pulls().size());
      assertEquals(pushed, FleetFixture.branches(gh, "acme/solo").get(BRANCH), "nothing new to push");
    }
  }

  private static void topics(GitHubSandbox gh, String repo, String... topics) throws Exception {
    assertEquals(200, send(gh, "PUT", "/repos/" + repo + "/topics", Map.of("names", topics)));
  }

  /** A REST call as a person's other tools would make it; returns the status. */
  private static int send(GitHubSandbox gh, String method, String path, Object body) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gh.baseUrl() + path))
        .header("Authorization", "Bearer " + gh.token())
        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    return http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static String[] prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all.toArray(String[]::new);
  }
}
