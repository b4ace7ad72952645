package dev.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenScopeTest {

  @Test
  void originsAreSchemeHostAndPortWithoutTheDefaultPort() {
    assertEquals("https://github.com", TokenScope.origin("https://GitHub.com/acme/t.git"));
    assertEquals("https://github.com", TokenScope.origin("https://github.com:443/acme/t.git"));
    assertEquals("http://127.0.0.1:8080", TokenScope.origin("http://127.0.0.1:8080/git/acme/t.git"));
    assertEquals("https://ghe.example.com", TokenScope.origin("https://ghe.example.com/api/v3"));
    assertEquals("https://evil.example", TokenScope.origin("https://github.com@evil.example/x.git"));
    assertNull(TokenScope.origin("ssh://git@github.com/acme/t.git"));
    assertNull(TokenScope.origin("git@github.com:acme/t.git"));
    assertNull(TokenScope.origin("/home/me/templates/t"));
    assertNull(TokenScope.origin("https://evil.example\\@github.com/x.git"));
  }

  @Test
  void githubComsTokenGoesToItsApiAndToGitOnGithubCom() {
    TokenScope s = TokenScope.forApi("https://api.github.com", "default");
    assertTrue(s.allowsApi("https://api.github.com/repos/a/b"));
    assertTrue(s.allowsGit("https://github.com/acme/x.git"));
    assertFalse(s.allowsGit("https://evil.example/acme/x.git"));
    assertFalse(s.allowsGit("https://github.com.evil.example/acme/x.git"));
    assertFalse(s.allowsGit("https://github.com@evil.example/acme/x.git"));
    assertFalse(s.allowsGit("http://github.com/acme/x.git"), "no downgrade to http");
    assertFalse(s.allowsGit("https://github.com:8443/acme/x.git"), "another port is another origin");
    assertFalse(s.allowsGit("ssh://git@github.com/acme/x.git"));
    assertFalse(s.allowsApi("https://github.com/repos/a/b"));
  }

  @Test
  void enterpriseServesGitFromTheHostOfItsApi() {
    TokenScope s = TokenScope.forApi("https://ghe.example.com/api/v3", "--github-url");
    assertTrue(s.allowsGit("https://ghe.example.com/acme/x.git"));
    assertFalse(s.allowsGit("https://github.com/acme/x.git"));
    assertTrue(TokenScope.forApi("https://api.acme.ghe.com", "--github-url").allowsGit("https://acme.ghe.com/a/x.git"));
  }

  @Test
  void plainHttpOnlyToThisMachine() {
    for (String url : new String[] {"http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:9", "http://[::1]:9"}) {
      TokenScope s = TokenScope.forApi(url, "--github-url");
      s.requireSafeApi();
      assertTrue(s.allowsGit(url + "/git/a/b.git"), url);
    }
    for (String url : new String[] {"http://example.com", "http://127.0.0.1.evil.example", "http://128.0.0.1",
        "http://localhost.evil.example", "ftp://example.com", "not a url"}) {
      TokenScope s = TokenScope.forApi(url, "--github-url");
      InputException e = assertThrows(InputException.class, s::requireSafeApi, url);
      assertTrue(e.getMessage().contains(url), e.getMessage());
      assertFalse(s.allowsGit(url + "/git/a/b.git"), url);
    }
    String message = assertThrows(InputException.class,
        () -> TokenScope.forApi("http://example.com", "--github-url").requireSafeApi()).getMessage();
    assertTrue(message.contains("use https://example.com"), message);
  }
}
