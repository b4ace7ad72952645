package dev.scaffold.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Did-you-mean candidates for a mistyped command or option. picocli's own suggestions compare
 * letter pairs, which finds nothing for a swap such as {@code nwe} for {@code new}; an edit
 * distance that counts a swap as one edit does.
 */
final class Suggestions {

  private Suggestions() {}

  /** The names closest to {@code typed}, within a distance that grows with its length, or that it begins. */
  static List<String> closest(String typed, Collection<String> names) {
    String t = typed.toLowerCase(java.util.Locale.ROOT);
    int bare = t.replaceFirst("^-+", "").length();
    int limit = bare <= 3 ? 1 : bare <= 6 ? 2 : 3;
    int best = Integer.MAX_VALUE;
    List<String> found = new ArrayList<>();
    for (String name : names) {
      String n = name.toLowerCase(java.util.Locale.ROOT);
      int d = distance(t, n);
      if (bare >= 2 && n.startsWith(t) && !n.equals(t)) {
        d = Math.min(d, limit); // a prefix such as --dry for --dry-run
      }
      if (d > limit || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        found.clear();
      }
      if (!found.contains(name)) {
        found.add(name);
      }
    }
    return found;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
