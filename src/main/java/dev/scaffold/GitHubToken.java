package dev.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The GitHub token in the environment: where scaffold reads it, and keeping it from child processes. */
public final class GitHubToken {

  /** The variables scaffold reads the token from, in this order. */
  public static final List<String> VARIABLES = List.of("GITHUB_TOKEN", "GH_TOKEN");

  /** These and the enterprise variables of gh and GitHub's tools: none is handed to a child process. */
  private static final Set<String> HIDDEN = Set.of("GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN",
      "GITHUB_ENTERPRISE_TOKEN");

  /** GitHub's tokens are 40 characters and more; a test's may be shorter. */
  private static final int SHORTEST_TOKEN = 16;

  private GitHubToken() {}

  /** The token: {@code GITHUB_TOKEN}, else {@code GH_TOKEN}; null when neither is set. */
  public static String from(Map<String, String> env) {
    for (String k : VARIABLES) {
      String v = env.get(k);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /**
   * The token from the environment, else the one GitHub's own CLI keeps ({@code gh auth token},
   * when {@code gh} is on the PATH): people logged in with {@code gh} need not copy a token into
   * a variable. The token comes back on gh's stdout only; gh's stderr and exit status are dropped
   * (they could echo it), and a gh that hangs is given up after a few seconds.
   *
   * @param apiUrl the GitHub API in use: a host other than github.com is asked for by name
   */
  public static String resolve(Map<String, String> env, String apiUrl) {
    String fromEnv = from(env);
    if (fromEnv != null) {
      return fromEnv;
    }
    Path gh = onPath(env, "gh");
    return gh == null ? null : fromGh(gh, env, apiUrl);
  }

  private static String fromGh(Path gh, Map<String, String> env, String apiUrl) {
    List<String> argv = new java.util.ArrayList<>(List.of(gh.toString(), "auth", "token"));
    String host = host(apiUrl);
    if (host != null && !host.equals("api.github.com") && !host.equals("github.com")) {
      argv.addAll(List.of("--hostname", host));
    }
    ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(withoutTokens(env));
    try {
      Process p = pb.start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readNBytes(4096); // a token is some 100 characters; a gh that prints more is not answering
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String token = new String(out, StandardCharsets.UTF_8).strip();
      boolean plain = !token.isEmpty() && token.chars().allMatch(c -> c > ' ' && c < 127);
      return p.exitValue() == 0 && plain ? token : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String host(String apiUrl) {
    try {
      return apiUrl == null ? null : URI.create(apiUrl).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The executable {@code name} in one of the environment's PATH folders, or null. */
  static Path onPath(Map<String, String> env, String name) {
    String path = env.get("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty() || !Path.of(dir).isAbsolute()) {
        continue; // a relative PATH entry would run whatever the working folder holds
      }
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * {@code env} without the token variables, scaffold's own {@code SCAFFOLD_*TOKEN*} ones, and any
   * other variable holding one of their values (a copy under another name, as CI set-ups make;
   * values shorter than any GitHub token are not taken for one, so {@code CI=1} stays).
   */
  public static Map<String, String> withoutTokens(Map<String, String> env) {
    Set<String> secrets = new HashSet<>();
    env.forEach((k, v) -> {
      if (isTokenVariable(k) && v != null && v.strip().length() >= SHORTEST_TOKEN) {
        secrets.add(v.strip());
      }
    });
    Map<String, String> out = new HashMap<>();
    env.forEach((k, v) -> {
      if (!isTokenVariable(k) && (v == null || !secrets.contains(v.strip()))) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static boolean isTokenVariable(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return HIDDEN.contains(upper) || upper.startsWith("SCAFFOLD_") && upper.contains("TOKEN");
  }
}
