package dev.scaffold.publish;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.testing.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run the provisioning tests make: {@code scaffold new tpl out --set name=demo} in {@code dir},
 * non-interactive, against the loopback GitHub, with the token in the environment, a settings
 * folder of the test's own and no time spent retrying.
 */
final class SandboxNew {

  private SandboxNew() {}

  static Cli.Run run(Path dir, GitHubSandbox gh, String token, String... more) {
    List<String> args = new ArrayList<>(List.of("new", "tpl", "out", "--set", "name=demo", "--defaults",
        "--non-interactive", "--github-url", gh.baseUrl()));
    args.addAll(List.of(more));
    Map<String, String> env = Map.of("GITHUB_TOKEN", token, "XDG_CONFIG_HOME", dir.resolve("xdg").toString(),
        "SCAFFOLD_GITHUB_RETRY_SECONDS", "0");
    return Cli.run(dir, env, args.toArray(String[]::new));
  }
}
