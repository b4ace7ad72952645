package dev.scaffold.cli;

/**
 * Colours a unified diff as git does: headers bold, hunk lines cyan, added lines green, removed
 * lines red. Each colour is reset at the end of its line, so a pager or a cut-off never bleeds it.
 */
final class DiffColors {

  static final String BOLD = "\033[1m";
  static final String RED = "\033[31m";
  static final String GREEN = "\033[32m";
  static final String CYAN = "\033[36m";
  static final String RESET = "\033[m";

  private DiffColors() {}

  static String apply(String patch) {
    StringBuilder b = new StringBuilder(patch.length() + patch.length() / 8);
    boolean header = false;
    int start = 0;
    while (start < patch.length()) {
      int nl = patch.indexOf('\n', start);
      int end = nl < 0 ? patch.length() : nl;
      String line = patch.substring(start, end);
      if (line.startsWith("diff ")) {
        header = true;
      } else if (line.startsWith("@@")) {
        header = false;
      }
      String colour = header ? BOLD
          : line.startsWith("@@") ? CYAN
          : line.startsWith("+") ? GREEN
          : line.startsWith("-") ? RED
          : null;
      if (colour == null || line.isEmpty()) {
        b.append(line);
      } else {
        b.append(colour).append(line).append(RESET);
      }
      if (nl >= 0) {
        b.append('\n');
      }
      start = end + 1;
    }
    return b.toString();
  }
}
