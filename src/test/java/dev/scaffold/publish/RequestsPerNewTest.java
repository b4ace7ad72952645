package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.RecordedRequest;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts the requests one {@code scaffold new} sends to the loopback GitHub for the full template of
 * {@link ProvisioningEndToEndTest} (organisation, topics, a team, a collaborator, protection, a pull
 * request) and prints them against the API minimum: the six writes the settings need, the two reads
 * nothing else answers (the organisation: plan and scopes; its teams) and git's two (the
 * receive-pack advertisement and the pack).
 */
class RequestsPerNewTest {

  static final int REST_MINIMUM = 8;
  static final int GIT_MINIMUM = 2;

  @TempDir Path dir;

  private GitHubSandbox sandboxAndTemplate() throws IOException {
    FileTree.write(dir.resolve("tpl"), Map.of("scaffold.yml", ProvisioningEndToEndTest.YML,
        "template/README.md.ftl", "# ${name}\n"));
    return GitHubSandbox.builder().token(ProvisioningEndToEndTest.TOKEN, "octo")
        .org("acme", "devs", "ops").user("alice").start();
  }

  private Cli.Run scaffoldNew(GitHubSandbox gh) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", ProvisioningEndToEndTest.TOKEN);
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    env.put("SCAFFOLD_GITHUB_RETRY_SECONDS", "0");
    return Cli.run(dir, env, "new", "tpl", "out", "--set", "name=demo", "--defaults", "--non-interactive",
        "--github-url", gh.baseUrl());
  }

  @Test
  void aFreshRunSendsTheApiMinimum() throws IOException {
    try (GitHubSandbox gh = sandboxAndTemplate()) {
      Cli.Run r = scaffoldNew(gh);
      assertEquals(0, r.exit(), r.err());
      List<RecordedRequest> log = gh.requests();
      long git = log.stream().filter(q -> q.path().startsWith("/git/")).count();
      long rest = log.size() - git;
      System.out.println("requests per new: " + log.size() + " (REST " + rest + " + git " + git + "); API minimum "
          + (REST_MINIMUM + GIT_MINIMUM) + " (REST " + REST_MINIMUM + " + git " + GIT_MINIMUM + ")");
      log.forEach(q -> System.out.println("  " + q.line()));
      List<String> lines = log.stream().map(RecordedRequest::line).toList();
      assertEquals(REST_MINIMUM, rest, lines.toString());
      assertEquals(GIT_MINIMUM, git, lines.toString());
    }
  }

  @Test
  void aResumedRunListsTheRemoteBranchesOnce() throws IOException {
    try (GitHubSandbox gh = sandboxAndTemplate()) {
      gh.faults().add(dev.scaffold.sandbox.Fault.status("PUT", "/protection$", 500).times(50));
      assertEquals(1, scaffoldNew(gh).exit());
      gh.faults().clear();
      gh.clearRequests();
      Cli.Run r = scaffoldNew(gh);
      assertEquals(0, r.exit(), r.err());
      List<String> lines = gh.requests().stream().map(RecordedRequest::line).toList();
      System.out.println("requests per resumed new (pushed before, protection failed): " + lines.size());
      lines.forEach(l -> System.out.println("  " + l));
      assertEquals(1, gh.count("GET", "/info/refs$"), "one listing of the remote branches: " + lines);
      assertEquals(0, gh.count("POST", "git-receive-pack$"), "nothing to push again: " + lines);
    }
  }
}
