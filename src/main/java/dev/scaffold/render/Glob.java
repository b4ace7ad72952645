package dev.scaffold.render;

import java.util.List;
import java.util.regex.Pattern;

/**
 * gitignore-like globs over {@code /}-separated relative paths: {@code *} and {@code ?} stay within
 * one segment, {@code **} spans segments, a pattern without {@code /} matches a name at any depth,
 * and a match on a folder covers everything inside it.
 */
public final class Glob {

  private final List<Pattern> patterns;

  public Glob(List<String> globs) {
    this.patterns = globs.stream().map(Glob::compile).toList();
  }

  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  public boolean matches(String path) {
    if (patterns.isEmpty()) {
      return false;
    }
    String p = path;
    while (true) {
      for (Pattern pattern : patterns) {
        if (pattern.matcher(p).matches()) {
          return true;
        }
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      p = p.substring(0, slash);
    }
  }

  static Pattern compile(String glob) {
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    if (g.endsWith("/")) {
      g = g.substring(0, g.length() - 1);
    }
    StringBuilder re = new StringBuilder();
    if (!g.contains("/") && !glob.startsWith("/")) {
      re.append("(?:.*/)?");
    }
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
          boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
          re.append(slashAfter ? "(?:.*/)?" : ".*");
          i += slashAfter ? 2 : 1;
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int end = g.indexOf(']', i);
        if (end < 0) {
          re.append("\\[");
        } else {
          re.append('[').append(g, i + 1, end).append(']');
          i = end;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
