package dev.scaffold.render;

/**
 * Whether a path segment names {@code .git} as git itself (and JGit's ObjectChecker) would treat
 * it: any case, with the trailing dots and spaces Windows drops, as the 8.3 short name
 * {@code git~1}, with the code points HFS+ ignores, or with an NTFS stream suffix ({@code :...}).
 * Nothing may ever be written there: a planted hook or a {@code .git} file pointing elsewhere
 * would run or redirect the user's git.
 */
public final class DotGit {

  private DotGit() {}

  public static boolean names(String segment) {
    if (!mayName(segment)) {
      return false;
    }
    StringBuilder s = new StringBuilder(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == ':') {
        break;
      }
      if (!ignoredByHfs(c)) {
        s.append(c);
      }
    }
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    String name = s.substring(0, end);
    return name.equalsIgnoreCase(".git") || name.equalsIgnoreCase("git~1");
  }

  /**
   * Whether {@code s} (a segment or a whole path) could hold a {@code .git} spelling: the letters
   * {@code git} in a row in any case, or a code point HFS+ ignores. One pass, no allocation: a
   * quick no for nearly every name.
   */
  public static boolean mayName(String s) {
    for (int i = 0, n = s.length() - 2; i < n + 2; i++) {
      char c = s.charAt(i);
      if (c >= '\u200c' ? ignoredByHfs(c) : (c | 0x20) == 'g' && i < n && s.regionMatches(true, i, "git", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /** The code points HFS+ leaves out when comparing names (git's is_hfs_dotgit list). */
  private static boolean ignoredByHfs(char c) {
    return c >= '\u200c' && c <= '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u206a' && c <= '\u206f'
        || c == '\ufeff';
  }
}
