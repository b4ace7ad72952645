package dev.scaffold.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  private static boolean matches(String glob, String path) {
    return new Glob(List.of(glob)).matches(path);
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "*.pyc              | a/b/c.pyc      | true",
      "*.pyc              | c.pyc          | true",
      "*.pyc              | c.pyc.txt      | false",
      "build/             | build/x/y      | true",
      "build/             | build           | false",
      "build/             | a/build        | false",
      "build/             | a/build/x      | true",
      "build              | a/build/x      | true",
      "/top.txt           | top.txt        | true",
      "/top.txt           | a/top.txt      | false",
      "docs/**/*.tmp      | docs/c.tmp     | true",
      "docs/**/*.tmp      | docs/a/b/c.tmp | true",
      "docs/**/*.tmp      | docs.tmp       | false",
      "docs/**            | docs/a/b       | true",
      "**/.DS_Store       | .DS_Store      | true",
      "**/.DS_Store       | a/b/.DS_Store  | true",
      "**/__pycache__/**  | a/__pycache__/x.pyc | true",
      "**/*.pyc           | x.pyc          | true",
      "a/*/c              | a/b/c          | true",
      "a/*/c              | a/b/d/c        | false",
      "a/**/c             | a/c            | true",
      "a/**/c             | a/b/d/c        | true",
      "a?c                | abc            | true",
      "a?c                | ac             | false",
      "a/?/c              | a///c          | false",
      "[abc].txt          | b.txt          | true",
      "[abc].txt          | d.txt          | false",
      "[a-c]x             | bx             | true",
      "[!a-c]x            | dx             | true",
      "[!a-c]x            | bx             | false",
      "[^a-c]x            | bx             | false",
      "[]]x               | ]x             | true",
      "[!]]x              | ]x             | false",
      "[a-]x              | -x             | true",
      "[\\d]              | d              | true",
      "[\\d]              | 5              | false",
      "[a&&b]             | &              | true",
      "[a&&b]             | c              | false",
      "\\*.txt            | *.txt          | true",
      "\\*.txt            | a.txt          | false",
      "\\[x]              | [x]            | true",
      "a.b                | axb            | false",
      "(x)+.{2}$          | (x)+.{2}$      | true",
      "(x)+.{2}$          | xx.ab          | false",
      "a*                 | a/b            | true",
      "*                  | anything/at/all | true",
      "x**y               | x/a/b/y        | true",
      "src/main           | src/main/A.java | true",
      "src/main           | x/src/main     | false",
  })
  void followsGitignoreHabits(String glob, String path, boolean expected) {
    assertEquals(expected, matches(glob, path));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "[abc              | never closed",
      "a[                | never closed",
      "[(?               | never closed",
      "[]                | never closed",
      "[!]               | never closed",
      "[z-a]             | the range `z-a` runs backwards",
      "[[:alpha:]]       | `[:alpha:]` are not supported",
      "a\\               | a lone `\\`",
      "[a/b]             | cannot hold `/`",
      "[+-0]             | cannot hold `/`",
  })
  void malformedGlobsAreInputErrorsNamingThem(String glob, String why) {
    InputException e = assertThrows(InputException.class, () -> new Glob(List.of("ok", glob), "exclude"));
    assertTrue(e.getMessage().startsWith("scaffold.yml exclude: `" + glob + "` is not a valid glob: "), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @Test
  void aPathologicalGlobIsMatchedInLinearTime() {
    // exponential for a backtracking regex: (a*)* over "aaaa…b"-like input
    String glob = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c";
    String path = "a".repeat(5000) + "b";
    String deep = "**/".repeat(50) + "x/**/y/**/z";
    String deepPath = "q/".repeat(2000) + "x/" + "q/".repeat(2000) + "b";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      long start = System.nanoTime();
      assertFalse(matches(glob, path));
      assertFalse(matches(deep, deepPath));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
    });
  }

  @Test
  void agreesWithTheFormerRegexTranslationOnGlobsWithoutSets() {
    Random random = new Random(15);
    String[] parts = {"a", "b", "/", "*", "**", "**/", "?", ".", "/"};
    String[] pathParts = {"a", "b", "/", ".", "ab", "ba"};
    for (int n = 0; n < 3000; n++) {
      StringBuilder g = new StringBuilder(random.nextBoolean() ? "/" : "");
      for (int i = random.nextInt(5) + 1; i > 0; i--) {
        g.append(parts[random.nextInt(parts.length)]);
      }
      StringBuilder p = new StringBuilder();
      for (int i = random.nextInt(6) + 1; i > 0; i--) {
        p.append(pathParts[random.nextInt(pathParts.length)]);
      }
      String path = p.toString();
      if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
        continue; // not a relative path the planner makes
      }
      // the former translation did not tell folders from files: compare on paths taken as folders
      assertEquals(formerMatches(g.toString(), path), new Glob(List.of(g.toString())).matches(path, true),
          g + " ~ " + path);
    }
  }

  /** The regex translation Glob used before (sets aside), as the reference for the semantics kept. */
  private static boolean formerMatches(String glob, String path) {
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
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    Pattern pattern = Pattern.compile(re.toString());
    for (String q = path; ; q = q.substring(0, q.lastIndexOf('/'))) {
      if (pattern.matcher(q).matches()) {
        return true;
      }
      if (q.lastIndexOf('/') < 0) {
        return false;
      }
    }
  }
}
