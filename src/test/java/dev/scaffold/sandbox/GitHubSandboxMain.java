package dev.scaffold.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link GitHubSandbox} until interrupted; prints the base URL as the first line of stdout.
 *
 * <p>Options: {@code --port N --token T --login L --org NAME (repeatable) --team ORG/SLUG
 * (repeatable) --user LOGIN (repeatable) --latency-ms N --rate-limit N --git-root DIR}.
 */
public final class GitHubSandboxMain {

  private GitHubSandboxMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    GitHubSandbox.Builder b = GitHubSandbox.builder();
    String token = GitHubSandbox.DEFAULT_TOKEN;
    String login = GitHubSandbox.DEFAULT_LOGIN;
    for (int i = 0; i < args.length; i++) {
      String opt = args[i];
      if (opt.equals("-h") || opt.equals("--help")) {
        usage(System.out);
        return;
      }
      if (i + 1 >= args.length) fail("missing value for " + opt);
      String v = args[++i];
      switch (opt) {
        case "--port" -> b.port(number(opt, v));
        case "--token" -> token = v;
        case "--login" -> login = v;
        case "--org" -> b.org(v);
        case "--team" -> {
          int slash = v.indexOf('/');
          if (slash <= 0 || slash == v.length() - 1) fail("--team wants ORG/SLUG, got " + v);
          b.team(v.substring(0, slash), v.substring(slash + 1));
        }
        case "--user" -> b.user(v);
        case "--latency-ms" -> b.latencyMs(number(opt, v));
        case "--rate-limit" -> b.rateLimit(number(opt, v));
        case "--git-root" -> b.gitRoot(Path.of(v));
        default -> fail("unknown option " + opt);
      }
    }
    b.token(token, login);
    GitHubSandbox sandbox = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "github-sandbox-stop"));
    String url = sandbox.baseUrl();
    System.out.println(url);
    System.out.println("token " + token + " (login " + login + ")  e.g. curl -H 'Authorization: Bearer " + token + "' "
        + url + "/user ; GITHUB_TOKEN=" + token + " scaffold new --github-url " + url + " ...");
    System.out.println("git clone " + url.replace("http://", "http://x-access-token:" + token + "@")
        + "/git/OWNER/REPO.git ; faults: curl -X POST " + url
        + "/_sandbox/faults -d '{\"kind\":\"status\",\"method\":\"POST\",\"path\":\"/repos$\",\"status\":502}'"
        + " ; state: curl " + url + "/_sandbox/repos ; log: curl " + url + "/_sandbox/requests ; Ctrl-C stops");
    System.out.flush();
    stopped.await();
  }

  private static int number(String opt, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      fail(opt + " wants a number, got " + v);
      return 0;
    }
  }

  private static void fail(String message) {
    System.err.println("github-sandbox: " + message);
    usage(System.err);
    System.exit(2);
  }

  private static void usage(PrintStream out) {
    out.println("usage: github-sandbox [--port N] [--token T] [--login L] [--org NAME]... [--team ORG/SLUG]..."
        + " [--user LOGIN]... [--latency-ms N] [--rate-limit N] [--git-root DIR]");
  }
}
