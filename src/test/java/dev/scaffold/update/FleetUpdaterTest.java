package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.jgit.JGitClient;
import dev.scaffold.jgit.JGitTemplateFetcher;
import dev.scaffold.jgit.JGitTextMerge;
import dev.scaffold.jgit.JGitWorkspace;
import dev.scaffold.sandbox.Fault;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.TemplateResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet core on an in-memory host, with real git against the loopback server. */
class FleetUpdaterTest {

  static final String BRANCH = "scaffold/update-v2.0.0";

  @TempDir Path tmp;
  GitHubSandbox gh;
  FakeFleetHost host;
  Path template;
  Map<String, String> v1;
  Set<Path> tempBefore;

  @BeforeEach
  void start() throws Exception {
    tempBefore = new HashSet<>(FleetFixture.leftovers());
    gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start();
    host = new FakeFleetHost(gh);
    template = FleetFixture.template(tmp.resolve("template"));
    v1 = FleetFixture.renderV1(template, tmp);
  }

  @AfterEach
  void stop() throws Exception {
    gh.close();
    assertEquals(tempBefore, new HashSet<>(FleetFixture.leftovers()), "temporary folders left behind");
  }

  FleetUpdater updater(FleetListener listener) {
    Function<Progress, ProjectUpdater> updaters = p -> new ProjectUpdater(
        new TemplateResolver(BundledTemplates.fromEnvironment(Map.of()), new JGitTemplateFetcher(), tmp, p),
        new JGitTemplateFetcher(), new JGitClient(), new JGitTextMerge(), null, p);
    return new FleetUpdater(host, new JGitWorkspace(gh.token(), dev.scaffold.TokenScope.forApi(gh.baseUrl(), "--github-url")), updaters, listener);
  }

  FleetRequest request(int jobs, String... repos) {
    return new FleetRequest(List.of(repos), null, false, new AnswerInputs(Map.of(), Map.of(), null, Map.of()), true,
        ConflictStyle.INLINE, false, jobs, false);
  }

  void seedKinds() throws Exception {
    FleetFixture.seed(gh, tmp, "acme/plain", v1, Map.of());
    FleetFixture.seed(gh, tmp, "acme/edited", v1, Map.of("README.md",
        v1.get("README.md").replace("Line D", "Line D (ours)"), "NOTES.md", "our notes\n"));
    FleetFixture.seed(gh, tmp, "acme/clash", v1, Map.of("README.md",
        v1.get("README.md").replace("Line B", "Line B (ours)")));
    FleetFixture.seed(gh, tmp, "acme/current", v1, Map.of(".scaffold-answers.yml",
        v1.get(".scaffold-answers.yml").replace("v1.0.0", "v2.0.0")));
    Map<String, String> noAnswers = new java.util.TreeMap<>(v1);
    noAnswers.put(".scaffold-answers.yml", null);
    FleetFixture.seed(gh, tmp, "acme/foreign", v1, noAnswers);
    FleetFixture.seed(gh, tmp, "acme/pushfails", v1, Map.of());
    gh.faults().add(Fault.failPush("acme/pushfails").times(100));
  }

  @Test
  void everyRepositoryGetsItsOutcomeInTheOrderAsked() throws Exception {
    seedKinds();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    FleetResult result = updater(new FleetListener() {
      @Override
      public void finished(RepoOutcome o) {
        events.add(o.repo());
      }
    }).update(request(3, "acme/plain", "acme/edited", "acme/clash", "acme/current", "acme/foreign", "acme/missing",
        "acme/pushfails"));

    List<String> statuses = result.outcomes().stream().map(o -> o.repo() + " " + o.status().label()).toList();
    assertEquals(List.of("acme/plain opened", "acme/edited opened", "acme/clash conflicts", "acme/current up-to-date",
        "acme/foreign no-answers", "acme/missing failed", "acme/pushfails failed"), statuses);
    assertEquals(7, events.size());
    assertEquals(2, result.count(RepoOutcome.Group.DONE));
    assertEquals(2, result.count(RepoOutcome.Group.SKIPPED));
    assertEquals(1, result.count(RepoOutcome.Group.CONFLICTED));
    assertEquals(2, result.count(RepoOutcome.Group.FAILED));

    Map<String, String> plain = FleetFixture.files(gh, "acme/plain", BRANCH);
    assertTrue(plain.get("README.md").contains("Line B v2"), plain.get("README.md"));
    assertEquals("ci: true\n", plain.get("ci.yml"));
    assertTrue(plain.get(".scaffold-answers.yml").contains("v2.0.0"));
    assertEquals(v1.get("README.md"), FleetFixture.files(gh, "acme/plain", "main").get("README.md"),
        "the default branch is not touched");

    Map<String, String> edited = FleetFixture.files(gh, "acme/edited", BRANCH);
    assertTrue(edited.get("README.md").contains("Line B v2") && edited.get("README.md").contains("Line D (ours)"));
    assertEquals("our notes\n", edited.get("NOTES.md"));

    RepoOutcome clash = result.outcomes().get(2);
    assertEquals(List.of("README.md"), clash.conflicts());
    FakeFleetHost.Pull clashPr = host.pulls("acme/clash").get(0);
    assertTrue(clashPr.title.startsWith("[conflicts] "), clashPr.title);
    assertTrue(clashPr.body.contains("`README.md`"), clashPr.body);
    assertTrue(FleetFixture.files(gh, "acme/clash", BRANCH).get("README.md").contains("<<<<<<<"));

    assertEquals(Set.of("main"), FleetFixture.branches(gh, "acme/current").keySet());
    assertEquals(Set.of("main"), FleetFixture.branches(gh, "acme/foreign").keySet());
    assertTrue(result.outcomes().get(5).message().contains("no such repository"));
    assertTrue(result.outcomes().get(6).message().contains("push"), result.outcomes().get(6).message());
    assertEquals(1, host.pulls("acme/plain").size());
    assertEquals(0, host.pulls("acme/pushfails").size());
    assertEquals(host.pulls("acme/plain").get(0).base, "main");
    assertEquals(gh.baseUrl() + "/acme/plain/pull/" + host.pulls("acme/plain").get(0).number,
        result.outcomes().get(0).pullRequest());
  }

  @Test
  void runningAgainChangesNothingAndKeepsWhatPeoplePushed() throws Exception {
    seedKinds();
    String[] repos = {"acme/plain", "acme/edited", "acme/clash", "acme/current", "acme/foreign"};
    updater(FleetListener.NONE).update(request(2, repos));
    Map<String, Map<String, String>> branches = new java.util.HashMap<>();
    for (String r : repos) {
      branches.put(r, FleetFixture.branches(gh, r));
    }
    int opened = host.calls().get("open");
    gh.clearRequests();

    FleetResult again = updater(FleetListener.NONE).update(request(2, repos));
    assertEquals(List.of("unchanged", "unchanged", "conflicts", "up-to-date", "no-answers"),
        again.outcomes().stream().map(o -> o.status().label()).toList());
    for (String r : repos) {
      assertEquals(branches.get(r), FleetFixture.branches(gh, r), "no push to " + r);
    }
    assertEquals(opened, host.calls().get("open"));
    assertEquals(0, gh.count("POST", "git-receive-pack$"));
    assertEquals(null, host.calls().get("update"));

    // a run that pushed but could not write the body: the next one knows its own commit by the trailer
    FakeFleetHost.Pull edited = host.pulls("acme/edited").get(0);
    edited.body = edited.body.replaceAll("commit=[0-9a-f]+", "commit=0000000000000000000000000000000000000000");
    FleetResult lostBody = updater(FleetListener.NONE).update(request(1, "acme/edited"));
    assertEquals(RepoOutcome.Status.UPDATED, lostBody.outcomes().get(0).status(), lostBody.toString());
    assertEquals(branches.get("acme/edited"), FleetFixture.branches(gh, "acme/edited"), "no push for the same tree");
    assertTrue(edited.body.contains("commit=" + branches.get("acme/edited").get(BRANCH)), edited.body);
    assertEquals(RepoOutcome.Status.UNCHANGED,
        updater(FleetListener.NONE).update(request(1, "acme/edited")).outcomes().get(0).status());

    // a person resolves the conflict on the branch: the next run leaves it alone
    FleetFixture.pushAs(gh, tmp, "acme/clash", BRANCH, Map.of("README.md", "resolved\n"));
    String resolved = FleetFixture.branches(gh, "acme/clash").get(BRANCH);
    FleetResult third = updater(FleetListener.NONE).update(request(2, "acme/clash"));
    assertEquals(RepoOutcome.Status.KEPT, third.outcomes().get(0).status());
    assertEquals(resolved, FleetFixture.branches(gh, "acme/clash").get(BRANCH));
    assertEquals(1, host.pulls("acme/clash").size());

    // a person closes the pull request: that version is not proposed again
    host.pulls("acme/plain").get(0).open = false;
    String pushedBefore = FleetFixture.branches(gh, "acme/plain").get(BRANCH);
    FleetResult fourth = updater(FleetListener.NONE).update(request(1, "acme/plain"));
    assertEquals(RepoOutcome.Status.DECLINED, fourth.outcomes().get(0).status());
    assertEquals(1, host.pulls("acme/plain").size());
    assertEquals(pushedBefore, FleetFixture.branches(gh, "acme/plain").get(BRANCH));
  }

  @Test
  void aNewVersionUpdatesTheBranchOfItsOwnAndClosesTheOlderPullRequest() throws Exception {
    FleetFixture.seed(gh, tmp, "acme/plain", v1, Map.of());
    updater(FleetListener.NONE).update(request(1, "acme/plain"));
    Map<String, String> v3 = new java.util.LinkedHashMap<>(FleetFixture.v2());
    v3.put("template/config.txt", "alpha=1\nbeta=2\ngamma=30\ndelta=40\n");
    TemplateFixture.version(template, "v3.0.0", false, v3);

    FleetResult r = updater(FleetListener.NONE).update(request(1, "acme/plain"));
    assertEquals(RepoOutcome.Status.OPENED, r.outcomes().get(0).status());
    assertEquals("scaffold/update-v3.0.0", r.outcomes().get(0).branch());
    List<FakeFleetHost.Pull> pulls = host.pulls("acme/plain");
    assertEquals(2, pulls.size());
    assertFalse(pulls.get(0).open);
    assertEquals(List.of("Superseded by " + r.outcomes().get(0).pullRequest() + "."), pulls.get(0).comments);
    assertTrue(pulls.get(1).open);
  }

  @Test
  void aChangedAnswerUpdatesTheOpenPullRequestInPlace() throws Exception {
    FleetFixture.seed(gh, tmp, "acme/plain", v1, Map.of());
    updater(FleetListener.NONE).update(request(1, "acme/plain"));
    String before = FleetFixture.branches(gh, "acme/plain").get(BRANCH);

    FleetRequest noCi = new FleetRequest(List.of("acme/plain"), null, false,
        new AnswerInputs(Map.of("ci", "false"), Map.of(), null, Map.of()), true, ConflictStyle.INLINE, false, 1, false);
    FleetResult r = updater(FleetListener.NONE).update(noCi);
    assertEquals(RepoOutcome.Status.UPDATED, r.outcomes().get(0).status());
    assertFalse(before.equals(FleetFixture.branches(gh, "acme/plain").get(BRANCH)));
    assertFalse(FleetFixture.files(gh, "acme/plain", BRANCH).containsKey("ci.yml"));
    assertEquals(1, host.pulls("acme/plain").size());
  }

  @Test
  void aDryRunClonesAndPlansButPushesAndOpensNothing() throws Exception {
    FleetFixture.seed(gh, tmp, "acme/clash", v1, Map.of("README.md",
        v1.get("README.md").replace("Line B", "Line B (ours)")));
    FleetRequest dry = new FleetRequest(List.of("acme/clash"), null, false,
        new AnswerInputs(Map.of(), Map.of(), null, Map.of()), true, ConflictStyle.INLINE, false, 1, true);
    RepoOutcome o = updater(FleetListener.NONE).update(dry).outcomes().get(0);
    assertEquals(RepoOutcome.Status.PLANNED, o.status());
    assertEquals(List.of("README.md"), o.conflicts());
    assertEquals(Set.of("main"), FleetFixture.branches(gh, "acme/clash").keySet());
    assertEquals(0, host.pulls.size());
    assertEquals(null, host.calls().get("list"));
  }

  @Test
  void theRepositoriesComeFromNamesAFileAndATopicEachOnce() throws Exception {
    host.topics.put("acme/t1", Set.of("java-library"));
    host.topics.put("acme/t2", Set.of("other"));
    host.topics.put("other/t3", Set.of("java-library"));
    Path file = tmp.resolve("repos.txt");
    java.nio.file.Files.writeString(file, "# fleet\nacme/f1   # first\n\nACME/named\nacme/t1\n");
    RepoSource source = new RepoSource(() -> host);
    assertEquals(List.of("acme/named", "acme/f1", "acme/t1"),
        source.list(new RepoSelection(List.of("acme/named"), file, "acme", "Java-Library")));
    dev.scaffold.InputException e = org.junit.jupiter.api.Assertions.assertThrows(dev.scaffold.InputException.class,
        () -> source.list(new RepoSelection(List.of("acme", "a/b/c"), null, null, "x")));
    assertEquals(3, e.problems().size(), e.problems().toString());
  }
}
