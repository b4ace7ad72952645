package dev.scaffold.jgit;

import dev.scaffold.InputException;
import dev.scaffold.render.DotGit;
import dev.scaffold.update.TemplateTrees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The boundary of a template kept in git, checked on its stored tree before anything is checked
 * out: every path one git itself would check out (no {@code .git} in any spelling, no {@code ..}),
 * nothing stored under a path that is a link, and every symbolic link (a blob whose content is its
 * target) resolving inside the repository, following the tree's own links as the file system
 * would, so that a chain of links cannot leave it either. All in memory: a link is judged by its
 * text, never by where it leads on this machine.
 */
final class StoredTreeCheck {

  /** As many links as Linux follows in one lookup before it calls it a loop. */
  private static final int MAX_HOPS = 40;

  private final Map<String, String> links = new TreeMap<>(); // sorted: the first refused is always the same
  private final String where;

  private StoredTreeCheck(String where) {
    this.where = where;
  }

  /**
   * @param where names the version in messages, such as {@code URL@v1.0.0}
   * @param target a link entry's target
   */
  static void check(List<TemplateTrees.Entry> files, Function<TemplateTrees.Entry, String> target, String where) {
    StoredTreeCheck check = new StoredTreeCheck(where);
    for (TemplateTrees.Entry e : files) {
      String problem = unsafePath(e.path());
      if (problem != null) {
        throw check.refuse(e.path(), problem);
      }
      if (e.mode() == TemplateTrees.Mode.SYMLINK) {
        check.links.put(e.path(), target.apply(e));
      }
    }
    if (check.links.isEmpty()) {
      return;
    }
    check.links.forEach((path, to) -> {
      Deque<String> dir = new ArrayDeque<>(List.of(path.split("/")));
      dir.removeLast();
      if (check.resolve(dir, to, new int[1]) == null) {
        throw check.refuse(path, "is a symbolic link to `" + to + "`, which leads outside the template or round a loop");
      }
    });
    for (TemplateTrees.Entry e : files) {
      for (int i = e.path().indexOf('/'); i > 0; i = e.path().indexOf('/', i + 1)) {
        if (check.links.containsKey(e.path().substring(0, i))) {
          throw check.refuse(e.path(), "is stored under `" + e.path().substring(0, i) + "`, a symbolic link");
        }
      }
    }
  }

  /**
   * What JGit's ObjectChecker refuses in a path (an empty, {@code .} or {@code ..} segment, a NUL),
   * with {@link DotGit} for {@code .git}, which covers every spelling it knows and a few more;
   * checked here rather than by ObjectChecker, whose loading a cold update would pay for.
   */
  static String unsafePath(String path) {
    // one pass over the characters; segments are cut out only when .git may be among them
    for (int i = 0, start = 0, n = path.length(); i <= n; i++) {
      char c = i < n ? path.charAt(i) : '/';
      if (c == '\0') {
        return "holds a NUL";
      }
      if (c == '/') {
        int len = i - start;
        if (len == 0 || path.charAt(start) == '.' && (len == 1 || len == 2 && path.charAt(start + 1) == '.')) {
          return "has an empty, `.` or `..` segment, which git refuses to check out";
        }
        start = i + 1;
      }
    }
    if (DotGit.mayName(path)) {
      for (String segment : path.split("/")) {
        if (DotGit.names(segment)) {
          return "names `.git`, which git refuses to check out and where nothing is ever written";
        }
      }
    }
    return null;
  }

  /** Where {@code target}, seen from the folder {@code dir}, leads inside the tree; null when it leaves it. */
  private Deque<String> resolve(Deque<String> dir, String target, int[] hops) {
    if (target.isEmpty() || target.startsWith("/") || target.indexOf('\\') >= 0 || target.indexOf('\0') >= 0
        || target.length() >= 2 && target.charAt(1) == ':') {
      return null; // absolute here or on Windows, or not a path at all
    }
    for (String part : target.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (dir.isEmpty()) {
          return null;
        }
        dir.removeLast();
        continue;
      }
      dir.addLast(part);
      String next = links.get(String.join("/", dir));
      if (next != null) {
        if (++hops[0] > MAX_HOPS) {
          return null; // a loop: the file system would refuse it, and so do we
        }
        dir.removeLast();
        dir = resolve(dir, next, hops);
        if (dir == null) {
          return null;
        }
      }
    }
    return dir;
  }

  private InputException refuse(String path, String what) {
    return InputException.at(where + ":" + path, what + "; nothing was checked out");
  }
}
