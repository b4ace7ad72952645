package dev.scaffold.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.TokenScope;
import dev.scaffold.jgit.JGitPusher;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network failures name their cause and the URL (never a password in it), not JGit's last step:
 * a loopback port nothing listens on, a host name that cannot resolve ({@code .invalid}), and a
 * plain-HTTP server spoken to with https; for template fetches, pushes and the GitHub API.
 */
class NetworkErrorsTest {

  @TempDir Path tmp;
  /** Answers every connection at once in plain HTTP, as a web server does to bytes it cannot read. */
  private ServerSocket plainHttp;
  private int plainPort;
  private int refusedPort;

  @BeforeEach
  void servers() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusedPort = s.getLocalPort(); // closed again: nothing listens there now
    }
    plainHttp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    plainPort = plainHttp.getLocalPort();
    Thread t = new Thread(() -> {
      while (!plainHttp.isClosed()) {
        try (java.net.Socket s = plainHttp.accept()) {
          s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
          // closed: the test is over
        }
      }
    }, "plain-http");
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void stop() throws Exception {
    plainHttp.close();
  }

  private static final Map<String, String> NO_RETRY = Map.of("SCAFFOLD_GITHUB_RETRY_SECONDS", "0");

  private void assertNetworkError(Cli.Run r, String... parts) {
    assertEquals(1, r.exit(), r.err());
    for (String p : parts) {
      assertTrue(r.err().contains(p), "`" + p + "` in: " + r.err());
    }
    assertFalse(r.err().contains("git-upload-pack") || r.err().contains("git-receive-pack"), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("error: ")).count(), r.err());
  }

  @Test
  void aTemplateOnARefusingPortSaysConnectionRefused() {
    String url = "http://127.0.0.1:" + refusedPort + "/acme/t.git";
    Cli.Run r = Cli.run(tmp, "new", url, "out", "--defaults");
    assertNetworkError(r, "cannot list the tags of " + url, "connection refused by 127.0.0.1:" + refusedPort);
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aTemplateHostThatDoesNotResolveSaysDnsAndHidesThePassword() {
    Cli.Run r = Cli.run(tmp, "new", "https://someone:hunter2@templates.invalid/acme/t.git", "out", "--defaults");
    assertNetworkError(r, "https://templates.invalid/acme/t.git", "templates.invalid does not resolve");
    assertFalse(r.err().contains("hunter2") || r.err().contains("someone@"), r.err());
  }

  @Test
  void httpsToAPlainHttpServerSaysTlsFailed() {
    String url = "https://127.0.0.1:" + plainPort + "/acme/t.git";
    Cli.Run r = Cli.run(tmp, "new", url, "out", "--defaults");
    assertNetworkError(r, url, "TLS failed with 127.0.0.1:" + plainPort,
        "does not speak TLS there");
  }

  @Test
  void checkOfAProjectWhoseTemplateIsUnreachableNamesTheCause() throws Exception {
    FileTree.write(tmp.resolve("p"), Map.of(".scaffold-answers.yml",
        "_template: http://127.0.0.1:" + refusedPort + "/t.git\n_version: v1.0.0\n"));
    Cli.Run r = Cli.run(tmp, "check", "p");
    assertNetworkError(r, "cannot list the tags of http://127.0.0.1:" + refusedPort + "/t.git", "connection refused");
  }

  @Test
  void theGitHubApiOnARefusingPortOrAnUnknownHostOrWithoutTls() {
    for (String[] c : new String[][] {
        {"http://127.0.0.1:" + refusedPort, "connection refused by 127.0.0.1:" + refusedPort},
        {"https://api.github.invalid", "api.github.invalid does not resolve"},
        {"https://127.0.0.1:" + plainPort, "does not speak TLS there"}}) {
      Map<String, String> env = new java.util.HashMap<>(NO_RETRY);
      env.put("GITHUB_TOKEN", "tok-7f3a");
      Cli.Run r = Cli.run(tmp, env, "update", "--org", "acme", "--topic", "java-library", "--defaults",
          "--github-url", c[0]);
      assertNetworkError(r, "no answer from the GitHub API at " + c[0], c[1]);
      assertFalse(r.err().contains("tok-7f3a"), r.err());
    }
  }

  @Test
  void aPushToARefusingPortIsPermanentAndSaysSo() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    Git.run(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("a.txt"), "a\n");
    Git.run(repo, "add", ".");
    Git.run(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "one");
    String commit = Git.run(repo, "rev-parse", "HEAD").strip();
    String api = "http://127.0.0.1:" + refusedPort;
    JGitPusher pusher = new JGitPusher(TokenScope.forApi(api, "test"));
    RemoteFailure f = assertThrows(RemoteFailure.class,
        () -> pusher.push(repo, api + "/acme/demo.git", "x-access-token", "tok-7f3a", Map.of("main", commit)));
    assertTrue(f.getMessage().startsWith("git push to " + api + "/acme/demo.git failed: connection refused by 127.0.0.1:"
        + refusedPort), f.getMessage());
    assertFalse(f.retryable(), "nothing listens: retrying for minutes cannot help");
    assertFalse(f.getMessage().contains("tok-7f3a"));
  }
}
