package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
