package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template in a private repository on the (loopback) GitHub, over git's smart HTTP: read with
 * the token, which goes to that GitHub's host only, and fetched once per update for both versions.
 */
class RemoteTemplateTest {

  @TempDir Path tmp;

  private static TemplateFixture.Run cli(Path cwd, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), env, cwd, false);
    int code = ScaffoldCli.run(ctx, args);
    return new TemplateFixture.Run(code, out.toString(), err.toString());
  }

  /** The fleet fixture's template (v1.0.0, v2.0.0), pushed to {@code acme/template} on the sandbox. */
  private String hostedTemplate(GitHubSandbox gh) throws Exception {
    Path template = FleetFixture.template(tmp.resolve("template"));
    gh.createRepo("acme/template", "main", false);
    TemplateFixture.git(template, "push", "-q", gh.gitDir("acme/template").toString(), "HEAD:refs/heads/main", "--tags");
    return gh.cloneUrl("acme/template");
  }

  /** Git sessions that got in: each starts with an answered {@code info/refs} (a listing or a fetch). */
  private static long sessions(List<RecordedRequest> log) {
    return log.stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/info/refs") && r.status() == 200)
        .count();
  }

  private static long fetches(List<RecordedRequest> log) {
    return log.stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/git-upload-pack")).count()
        - sessions(log); // a session's first POST lists refs (protocol v2); a fetch adds one more
  }

  @Test
  void aPrivateTemplateIsReadWithTheTokenAndFetchedOncePerUpdate() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      String url = hostedTemplate(gh);
      Map<String, String> env = Map.of("GITHUB_TOKEN", gh.token());
      Path project = tmp.resolve("lib");

      TemplateFixture.Run made = cli(tmp, env, "new", url, project.toString(), "--version", "v1.0.0", "--defaults",
          "--non-interactive", "--no-github", "--github-url", gh.baseUrl());
      assertEquals(0, made.code(), made.err());
      assertTrue(Files.readString(project.resolve(".scaffold-answers.yml")).contains("_version: v1.0.0"));
      assertTrue(Files.readString(project.resolve("config.txt")).contains("gamma=3\n"));

      Files.writeString(project.resolve("config.txt"),
          Files.readString(project.resolve("config.txt")).replace("alpha=1", "alpha=1 # ours"));
      TemplateFixture.git(project, "commit", "-qam", "our edit");
      gh.clearRequests();
      TemplateFixture.Run updated = cli(project, env, "update", "--defaults", "--non-interactive",
          "--github-url", gh.baseUrl());
      assertEquals(0, updated.code(), updated.err());
      assertEquals("alpha=1 # ours\nbeta=2\ngamma=30\ndelta=4\n", Files.readString(project.resolve("config.txt")));
      assertTrue(Files.readString(project.resolve(".scaffold-answers.yml")).contains("_version: v2.0.0"));
      // the tags listed once, the template fetched once for both versions (it was a listing and two
      // clones for each version, three listings in all)
      String log = gh.requests().stream().map(RecordedRequest::line).toList().toString();
      assertEquals(2, sessions(gh.requests()), log);
      assertEquals(1, fetches(gh.requests()), log);
      assertFalse(updated.err().contains(gh.token()) || updated.out().contains(gh.token()));
    }
  }

  @Test
  void withoutATokenAPrivateTemplateFailsWithAHintAndWritesNothing() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      String url = hostedTemplate(gh);
      Path project = tmp.resolve("lib");
      TemplateFixture.Run r = cli(tmp, Map.of(), "new", url, project.toString(), "--defaults", "--non-interactive",
          "--no-github", "--github-url", gh.baseUrl());
      assertEquals(1, r.code(), r.err());
      assertTrue(r.err().contains("GITHUB_TOKEN"), r.err());
      assertFalse(Files.exists(project));
    }
  }

  @Test
  void theTokenGoesToTheGitHubHostOnly() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      // the same server under another name: to scaffold, another host
      String elsewhere = hostedTemplate(gh).replace("127.0.0.1", "localhost");
      gh.clearRequests();
      TemplateFixture.Run r = cli(tmp, Map.of("GITHUB_TOKEN", gh.token()), "new", elsewhere,
          tmp.resolve("lib").toString(), "--defaults", "--non-interactive", "--no-github", "--github-url", gh.baseUrl());
      assertEquals(1, r.code(), r.err());
      assertFalse(gh.requests().isEmpty());
      assertTrue(gh.requests().stream().noneMatch(RecordedRequest::tokenPresent),
          gh.requests().stream().map(RecordedRequest::line).toList().toString());
    }
  }
}
