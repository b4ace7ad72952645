package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubTokenTest {

  @Test
  void readsGithubTokenThenGhToken() {
    assertEquals("a", GitHubToken.from(Map.of("GITHUB_TOKEN", " a ", "GH_TOKEN", "b")));
    assertEquals("b", GitHubToken.from(Map.of("GITHUB_TOKEN", " ", "GH_TOKEN", "b")));
    assertNull(GitHubToken.from(Map.of("PATH", "/bin")));
  }

  @Test
  void withoutTokensDropsTokenVariablesAndCopiesOfTheirValuesOnly() {
    String token = "ghp_0123456789abcdefghij";
    Map<String, String> env = Map.of("GITHUB_TOKEN", token, "GH_TOKEN", "other-token-0123456789",
        "GH_ENTERPRISE_TOKEN", "e", "GITHUB_ENTERPRISE_TOKEN", "f", "SCAFFOLD_BOT_TOKEN", "g",
        "INPUT_TOKEN", token, "PATH", "/usr/bin:/bin", "HOME", "/home/u", "CI", "1");
    assertEquals(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u", "CI", "1"), GitHubToken.withoutTokens(env));
  }

  @Test
  void aShortTokenValueDoesNotTakeOtherVariablesWithIt() {
    assertEquals(Map.of("CI", "1"), GitHubToken.withoutTokens(Map.of("GH_TOKEN", "1", "CI", "1")));
  }

  @TempDir Path tmp;

  /** A stand-in {@code gh} that logs its arguments and environment and answers like {@code gh auth token}. */
  private Path gh(String body) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path gh = bin.resolve("gh");
    Files.writeString(gh, "#!/bin/sh\necho \"$@\" > " + tmp.resolve("args") + "\nenv > " + tmp.resolve("env") + "\n" + body);
    Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void ghAuthTokenIsAskedOnlyWhenNoTokenVariableIsSet() throws IOException {
    Path bin = gh("echo gho_from_gh_0123456789\n");
    Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "SECRET_COPY", "x");
    assertEquals("gho_from_gh_0123456789", GitHubToken.resolve(env, "https://api.github.com"));
    assertEquals("auth token", Files.readString(tmp.resolve("args")).strip());

    Files.delete(tmp.resolve("args"));
    assertEquals("env-token", GitHubToken.resolve(Map.of("PATH", bin.toString(), "GH_TOKEN", "env-token"), null));
    assertFalse(Files.exists(tmp.resolve("args")), "gh is not run when a variable holds the token");
  }

  @Test
  void anEnterpriseHostIsNamedToGh() throws IOException {
    Path bin = gh("echo ghe_token_0123456789\n");
    assertEquals("ghe_token_0123456789",
        GitHubToken.resolve(Map.of("PATH", bin.toString()), "https://github.acme.com/api/v3"));
    assertEquals("auth token --hostname github.acme.com", Files.readString(tmp.resolve("args")).strip());
  }

  @Test
  void aGhThatFailsOrPrintsNonsenseGivesNoToken() throws IOException {
    Path bin = gh("echo 'not logged in: gho_leaked' >&2\nexit 1\n");
    assertNull(GitHubToken.resolve(Map.of("PATH", bin.toString()), null));
    Files.writeString(bin.resolve("gh"), "#!/bin/sh\necho 'two words'\n");
    assertNull(GitHubToken.resolve(Map.of("PATH", bin.toString()), null));
    assertNull(GitHubToken.resolve(Map.of("PATH", "relative/bin:" + tmp.resolve("nothing")), null));
  }
}
