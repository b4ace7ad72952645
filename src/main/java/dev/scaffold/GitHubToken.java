package dev.scaffold;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
