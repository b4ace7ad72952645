package dev.scaffold.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scaffold.InputException;
import dev.scaffold.update.TemplateTrees.Entry;
import dev.scaffold.update.TemplateTrees.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A git template's boundary, judged on its stored tree alone: paths, and links by their text. */
class StoredTreeCheckTest {

  /** path → link target, or a file where the value is null. */
  private static void check(Map<String, String> tree) {
    List<Entry> files = new ArrayList<>();
    Map<String, String> targets = new TreeMap<>();
    tree.forEach((path, target) -> {
      files.add(new Entry(path, target == null ? Mode.FILE : Mode.SYMLINK, path));
      if (target != null) {
        targets.put(path, target);
      }
    });
    StoredTreeCheck.check(files, e -> targets.get(e.id()), "t@v1");
  }

  private static Map<String, String> tree(String... pairs) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static String refused(Map<String, String> tree) {
    return assertThrows(InputException.class, () -> check(tree)).getMessage();
  }

  @Test
  void linksThatStayInsideAreFine() {
    check(tree("template/a", "b", "template/b", "../c", "c", null, "template/d/e", "../../c", "template/f", "./d/../b"));
  }

  @Test
  void linksThatLeaveAreRefused() {
    assertEquals("t@v1:template/k: is a symbolic link to `../../etc/passwd`, which leads outside the template or round "
        + "a loop; nothing was checked out", refused(tree("template/k", "../../etc/passwd")));
    assertEquals("t@v1:template: is a symbolic link to `/home`, which leads outside the template or round a loop; "
        + "nothing was checked out", refused(tree("template", "/home")));
    refused(tree("k", "C:/Users"));
    refused(tree("k", "..\\..\\x"));
    refused(tree("k", ""));
  }

  @Test
  void aChainIsFollowedToItsEnd() {
    refused(tree("template/a", "b", "template/b", "../c", "c", "../outside"));
  }

  @Test
  void aLinkInsideOnlyToALexicalReadingIsRefused() {
    // up -> .. is the root, so up/.. is its parent, though "d/up/.." reads as "d"
    refused(tree("d/up", "..", "x", "d/up/../secret"));
  }

  @Test
  void loopsAreRefused() {
    refused(tree("a", "b", "b", "a"));
    refused(tree("a", "a/x"));
  }

  @Test
  void pathsGitWouldNotCheckOutAreRefused() {
    for (String p : List.of(".git/hooks/pre-commit", "template/.GIT/config", "x/.git. /y", "GIT~1/config",
        "a/.g\u200cit/b", "template/.git::$INDEX_ALLOCATION/x")) {
      String m = refused(tree(p, null));
      assertEquals(true, m.startsWith("t@v1:" + p + ": "), m);
    }
  }

  @Test
  void refusesEveryPathJGitsObjectCheckerRefuses() {
    org.eclipse.jgit.lib.ObjectChecker jgit = new org.eclipse.jgit.lib.ObjectChecker().setSafeForMacOS(true);
    for (String p : List.of(".git", ".GIT/x", "a/.Git", ".git ", ".git.", ".git. .", "git~1", "GIT~1/x", ".g\u200cit",
        "a//b", "./a", "a/..", "a/./b", ".git\u200d", "\ufeff.git")) {
      assertThrows(Exception.class, () -> jgit.checkPath(p), p);
      assertEquals(true, StoredTreeCheck.unsafePath(p) != null, p);
    }
    for (String p : List.of(".gitignore", ".github/workflows/ci.yml", "${name}/x", "a:b", "x?y")) {
      assertEquals(null, StoredTreeCheck.unsafePath(p), p);
    }
  }

  @Test
  void nothingIsStoredUnderALink() {
    assertEquals("t@v1:template/d/x: is stored under `template/d`, a symbolic link; nothing was checked out",
        refused(tree("template/d", "e", "template/e/y", null, "template/d/x", null)));
  }
}
