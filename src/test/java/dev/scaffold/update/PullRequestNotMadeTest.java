package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.answers.AnswersFile;
import dev.scaffold.sandbox.Fault;
import dev.scaffold.sandbox.GitHubSandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update --pr} that cannot push or cannot open its pull request leaves the clone as it was,
 * on its branch and commit, without the update's local branch, so that the next run makes the
 * update again and opens the pull request, instead of finding the project at the new version.
 */
class PullRequestNotMadeTest {

  @TempDir Path tmp;

  /** acme/one on the sandbox at v1.0.0 of a template whose v2.0.0 adds a workflow; its clone. */
  private Path cloneAtV1(GitHubSandbox gh) throws Exception {
    Path template = tmp.resolve("template");
    Map<String, String> v1 = FleetFixture.v1();
    TemplateFixture.version(template, "v1.0.0", false, v1);
    Map<String, String> v2 = new LinkedHashMap<>(v1);
    v2.put("template/.github/workflows/ci.yml", "on: push\n");
    TemplateFixture.version(template, "v2.0.0", false, v2);
    FleetFixture.seed(gh, tmp, "acme/one", FleetFixture.renderV1(template, tmp), Map.of());
    Path clone = tmp.resolve("one");
    Git.cloneRepository().setURI(gh.cloneUrl("acme/one")).setDirectory(clone.toFile())
        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", gh.token())).call().close();
    return clone;
  }

  private static String git(Path dir, String... args) throws Exception {
    return TemplateFixture.git(dir, args).strip();
  }

  private static void assertAsCloned(Path clone, String head) throws Exception {
    assertEquals("main", git(clone, "branch", "--show-current"));
    assertEquals(head, git(clone, "rev-parse", "HEAD"));
    assertEquals("main", git(clone, "branch", "--format=%(refname:short)"), "no update branch left");
    assertEquals("", git(clone, "status", "--porcelain"));
    assertEquals("v1.0.0", AnswersFile.readRecorded(clone).version());
  }

  @Test
  void aRejectedPushLeavesTheCloneAsItWasAndTheNextRunOpensThePullRequest() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      gh.scopes("t0k3n", "repo"); // a classic token that may not push workflow files
      Path clone = cloneAtV1(gh);
      String head = git(clone, "rev-parse", "HEAD");

      var refused = FleetCommandTest.cli(clone, gh, false, Map.of(), "update", "--pr", "--non-interactive");
      assertEquals(1, refused.code(), refused.err());
      assertTrue(refused.err().contains("without `workflow` scope"), refused.err());
      assertTrue(refused.err().contains("main is checked out again"), refused.err());
      assertAsCloned(clone, head);
      assertEquals(0, gh.repo("acme/one").orElseThrow().pulls().size());

      gh.scopes("t0k3n", "repo", "workflow");
      var again = FleetCommandTest.cli(clone, gh, false, Map.of(), "update", "--pr", "--non-interactive");
      assertEquals(0, again.code(), again.err());
      assertEquals(1, gh.repo("acme/one").orElseThrow().pulls().size());
      assertEquals("on: push\n", FleetFixture.files(gh, "acme/one", FleetCommandTest.BRANCH).get(".github/workflows/ci.yml"));
    }
  }

  @Test
  void aPullRequestRefusedAfterThePushLeavesTheCloneAsItWasAndTheNextRunOpensIt() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      Path clone = cloneAtV1(gh);
      String head = git(clone, "rev-parse", "HEAD");
      gh.faults().add(Fault.status("POST", "^/repos/acme/one/pulls$", 422));

      var refused = FleetCommandTest.cli(clone, gh, false, Map.of(), "update", "--pr", "--non-interactive");
      assertEquals(1, refused.code(), refused.err());
      assertAsCloned(clone, head);
      assertTrue(FleetFixture.branches(gh, "acme/one").containsKey(FleetCommandTest.BRANCH), "the push went through");

      var again = FleetCommandTest.cli(clone, gh, false, Map.of(), "update", "--pr", "--non-interactive");
      assertEquals(0, again.code(), again.err());
      assertEquals(1, gh.repo("acme/one").orElseThrow().pulls().size());
    }
  }
}
