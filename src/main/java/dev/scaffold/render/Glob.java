package dev.scaffold.render;

import dev.scaffold.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * gitignore-style globs over {@code /}-separated relative paths: {@code *} and {@code ?} stay within
 * one segment, {@code **} spans segments ({@code **}{@code /} is zero or more folders), {@code [...]}
 * is one character of a set ({@code [a-z]}, negated by {@code [!...]} or {@code [^...]}, never
 * {@code /}), {@code \} makes the next character literal, a pattern without {@code /} (but a
 * trailing one) matches a name at any depth, one with a leading or inner {@code /} is anchored at
 * the root, and a match on a folder covers everything inside it.
 *
 * <p>As in {@code .gitignore}, the globs are an ordered list of rules and the last one that matches
 * a path decides: {@code !pattern} takes back what an earlier rule matched, a trailing {@code /}
 * matches folders only (so {@code build/} covers {@code build/x}, not a file {@code build}), and
 * empty entries and entries starting with {@code #} are ignored ({@code \!} and {@code \#} start a
 * literal one). Unlike git, and as copier does, a negation can take a file back out of a matched
 * folder: every path is judged by itself.
 *
 * <p>Globs come from templates, so matching never backtracks: each pattern runs as a set of states
 * over the path, in time proportional to the path's length times the pattern's. A glob that is not
 * well formed (an unclosed {@code [}, a backwards range) is an input error naming it.
 */
public final class Glob {

  /** One entry: its pattern, whether it takes paths back ({@code !}), whether it matches folders only. */
  private record Rule(Pattern pattern, boolean negated, boolean folderOnly) {}

  private final List<Rule> rules;
  private final boolean negations;

  public Glob(List<String> globs) {
    this(globs, "glob");
  }

  /** @param key what the globs are, for errors: {@code exclude} or {@code skip_if_exists} */
  public Glob(List<String> globs, String key) {
    this(globs, key, "scaffold.yml " + key);
  }

  /** @param where names the globs in errors, such as {@code scaffold.yml:12} */
  public Glob(List<String> globs, String key, String where) {
    List<Rule> out = new ArrayList<>();
    for (String g : globs) {
      String line = trimTrailingSpaces(g);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      String body = negated ? line.substring(1) : line;
      boolean folderOnly = body.endsWith("/") && !body.endsWith("\\/");
      if (body.isEmpty() || body.equals("/")) {
        continue; // matches nothing
      }
      out.add(new Rule(Pattern.compile(body, where, g), negated, folderOnly));
    }
    this.rules = List.copyOf(out);
    this.negations = rules.stream().anyMatch(Rule::negated);
  }

  /** Fails with an input error naming the first glob of {@code globs} that is not well formed. */
  public static void check(List<String> globs, String key) {
    new Glob(globs, key);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether a rule takes paths back: then a matched folder may still hold paths that do not match. */
  public boolean hasNegations() {
    return negations;
  }

  /** Whether the file {@code path}, or a folder above it, is matched by the last rule that applies. */
  public boolean matches(String path) {
    return matches(path, false);
  }

  /** {@link #matches(String)} for a file or, with {@code folder}, a folder. */
  public boolean matches(String path, boolean folder) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule r = rules.get(i);
      if (r.pattern.matches(path, folder || !r.folderOnly)) {
        return !r.negated;
      }
    }
    return false;
  }

  /** gitignore drops trailing spaces unless the last one is escaped. */
  private static String trimTrailingSpaces(String g) {
    int end = g.length();
    while (end > 0 && g.charAt(end - 1) == ' ' && !(end > 1 && g.charAt(end - 2) == '\\')) {
      end--;
    }
    return g.substring(0, end);
  }

  /** One compiled glob: a list of tokens, run as a set of states (a position in that list). */
  static final class Pattern {
    private static final byte LITERAL = 0;
    private static final byte ONE = 1; // ?
    private static final byte SET = 2; // [...]
    private static final byte FOLDER_RUN = 3; // after FOLDERS: any run, left by a /
    // the tokens below may match nothing
    private static final byte STAR = 4; // *: any run within a segment
    private static final byte ANY = 5; // ** not before /: any run at all
    private static final byte FOLDERS = 6; // **/ or the implied prefix: nothing, or FOLDER_RUN up to a /

    private final byte[] kinds;
    private final char[] literals;
    private final CharSet[] sets;

    private Pattern(byte[] kinds, char[] literals, CharSet[] sets) {
      this.kinds = kinds;
      this.literals = literals;
      this.sets = sets;
    }

    /** @param entry the entry as written, for errors */
    static Pattern compile(String glob, String where, String entry) {
      return new Parser(glob, where, entry).parse();
    }

    /**
     * Whether a folder above {@code path} (a prefix ending before a {@code /}) matches, or, when
     * {@code whole}, {@code path} itself.
     */
    boolean matches(String path, boolean whole) {
      int m = kinds.length;
      boolean[] now = new boolean[m + 1];
      boolean[] next = new boolean[m + 1];
      now[0] = true;
      skipEmpty(now);
      for (int i = 0; i < path.length(); i++) {
        char c = path.charAt(i);
        if (c == '/' && now[m]) {
          return true; // the folder path[0, i) matches
        }
        Arrays.fill(next, false);
        boolean alive = false;
        for (int s = 0; s < m; s++) {
          if (!now[s]) {
            continue;
          }
          switch (kinds[s]) {
            case LITERAL -> alive |= next[s + 1] |= c == literals[s];
            case ONE -> alive |= next[s + 1] |= c != '/';
            case SET -> alive |= next[s + 1] |= c != '/' && sets[s].contains(c);
            case STAR -> alive |= next[s] |= c != '/';
            case ANY -> alive = next[s] = true;
            case FOLDER_RUN -> {
              alive = next[s] = true;
              next[s + 1] |= c == '/';
            }
            default -> { } // FOLDERS consumes nothing itself: it leads into its run, or past it
          }
        }
        if (!alive) {
          return false;
        }
        skipEmpty(next);
        boolean[] t = now;
        now = next;
        next = t;
      }
      return whole && now[m];
    }

    /** Adds the states reached without reading a character: past tokens that may match nothing. */
    private void skipEmpty(boolean[] states) {
      for (int s = 0; s < kinds.length; s++) {
        if (states[s] && kinds[s] >= STAR) {
          states[s + 1] = true;
          if (kinds[s] == FOLDERS) {
            states[s + 2] = true; // no folders at all
          }
        }
      }
    }
  }

  /** The characters of one {@code [...]}: ranges, possibly negated. */
  private record CharSet(char[] from, char[] to, boolean negated) {
    boolean contains(char c) {
      for (int i = 0; i < from.length; i++) {
        if (c >= from[i] && c <= to[i]) {
          return !negated;
        }
      }
      return negated;
    }
  }

  private static final class Parser {
    private final String glob;
    private final String key;
    private final String entry;
    private final List<Byte> kinds = new ArrayList<>();
    private final StringBuilder literals = new StringBuilder();
    private final List<CharSet> sets = new ArrayList<>();

    Parser(String glob, String key, String entry) {
      this.glob = glob;
      this.key = key;
      this.entry = entry;
    }

    Pattern parse() {
      boolean anchored = glob.startsWith("/");
      String g = anchored ? glob.substring(1) : glob;
      if (g.endsWith("/") && !g.endsWith("\\/")) {
        g = g.substring(0, g.length() - 1);
      }
      if (!anchored && g.indexOf('/') < 0) {
        folders(); // a bare name matches at any depth
      }
      for (int i = 0; i < g.length(); i++) {
        char c = g.charAt(i);
        switch (c) {
          case '\\' -> {
            if (++i == g.length()) {
              throw invalid("it ends with a lone `\\`");
            }
            add(Pattern.LITERAL, g.charAt(i), null);
          }
          case '*' -> {
            if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
              boolean folders = i + 2 < g.length() && g.charAt(i + 2) == '/';
              if (folders) {
                folders();
              } else {
                add(Pattern.ANY, '\0', null);
              }
              i += folders ? 2 : 1;
            } else {
              add(Pattern.STAR, '\0', null);
            }
          }
          case '?' -> add(Pattern.ONE, '\0', null);
          case '[' -> i = set(g, i);
          default -> add(Pattern.LITERAL, c, null);
        }
      }
      byte[] k = new byte[kinds.size()];
      for (int i = 0; i < k.length; i++) {
        k[i] = kinds.get(i);
      }
      return new Pattern(k, literals.toString().toCharArray(), sets.toArray(CharSet[]::new));
    }

    /** Reads the {@code [...]} starting at {@code open}; returns the index of its {@code ]}. */
    private int set(String g, int open) {
      int i = open + 1;
      boolean negated = i < g.length() && (g.charAt(i) == '!' || g.charAt(i) == '^');
      if (negated) {
        i++;
      }
      StringBuilder from = new StringBuilder();
      StringBuilder to = new StringBuilder();
      boolean first = true;
      while (true) {
        if (i >= g.length()) {
          throw invalid("the `[` at position " + (open + 1) + " is never closed (write `\\[` for a literal one)");
        }
        char c = g.charAt(i);
        if (c == ']' && !first) {
          break;
        }
        first = false;
        if (c == '[' && i + 1 < g.length() && g.charAt(i + 1) == ':') {
          throw invalid("character class names such as `[:alpha:]` are not supported");
        }
        if (c == '\\') {
          if (++i == g.length()) {
            throw invalid("it ends with a lone `\\`");
          }
          c = g.charAt(i);
        }
        char hi = c;
        if (i + 2 < g.length() && g.charAt(i + 1) == '-' && g.charAt(i + 2) != ']') {
          i += 2;
          hi = g.charAt(i);
          if (hi == '\\') {
            if (++i == g.length()) {
              throw invalid("it ends with a lone `\\`");
            }
            hi = g.charAt(i);
          }
          if (hi < c) {
            throw invalid("the range `" + c + "-" + hi + "` runs backwards");
          }
        }
        if (c <= '/' && hi >= '/') {
          throw invalid("a `[...]` set cannot hold `/`: it never matches across folders");
        }
        from.append(c);
        to.append(hi);
        i++;
      }
      add(Pattern.SET, '\0', new CharSet(from.toString().toCharArray(), to.toString().toCharArray(), negated));
      return i;
    }

    /** Zero or more whole folders: {@code **}{@code /}. */
    private void folders() {
      add(Pattern.FOLDERS, '\0', null);
      add(Pattern.FOLDER_RUN, '\0', null);
    }

    private void add(byte kind, char literal, CharSet set) {
      kinds.add(kind);
      literals.append(literal);
      sets.add(set);
    }

    private InputException invalid(String why) {
      return InputException.at(key, "`" + entry + "` is not a valid glob: " + why);
    }
  }
}
