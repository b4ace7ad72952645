package dev.scaffold.template;

/**
 * The YAML 1.1 type of a plain scalar, as SnakeYAML's {@code Resolver} (the one Jackson's YAML
 * parser uses) decides it, without its regular expressions: compiling them costs ~20-40 ms of a
 * short run, and loading its {@code Tag} class pulls in the JDK's calendar. {@code
 * YamlScalarsTest} checks this against the {@code Resolver} on many generated strings.
 */
final class YamlScalars {

  enum Kind { STR, BOOL, INT, FLOAT, NULL, MERGE, TIMESTAMP, YAML }

  private static final int LIMIT_SHORT = 10;
  private static final int LIMIT_NUMBER = 1024;
  private static final int LIMIT_TIMESTAMP = 50;

  private YamlScalars() {}

  /** The type of a plain (unquoted, untagged) scalar. */
  static Kind resolve(String v) {
    int n = v.length();
    if (n == 0) {
      return Kind.NULL;
    }
    char c = v.charAt(0);
    switch (c) {
      case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O': {
        if (n <= LIMIT_SHORT && isBool(v)) {
          return Kind.BOOL;
        }
        if ((c == 'n' || c == 'N') && (v.equals("null") || v.equals("Null") || v.equals("NULL"))) {
          return Kind.NULL;
        }
        return Kind.STR;
      }
      case '~', ' ':
        // the Resolver's null pattern also takes a single space
        return n == 1 ? Kind.NULL : Kind.STR;
      case '<':
        return v.equals("<<") ? Kind.MERGE : Kind.STR;
      case '!', '&', '*':
        return n == 1 ? Kind.YAML : Kind.STR;
      case '.':
        return n <= LIMIT_NUMBER && isFloat(v) ? Kind.FLOAT : Kind.STR;
      case '-', '+':
        if (n <= LIMIT_NUMBER && isInt(v)) {
          return Kind.INT;
        }
        return n <= LIMIT_NUMBER && isFloat(v) ? Kind.FLOAT : Kind.STR;
      default:
        if (c >= '0' && c <= '9') {
          if (n <= LIMIT_NUMBER && isInt(v)) {
            return Kind.INT;
          }
          if (n <= LIMIT_NUMBER && isFloat(v)) {
            return Kind.FLOAT;
          }
          return n <= LIMIT_TIMESTAMP && isTimestamp(v) ? Kind.TIMESTAMP : Kind.STR;
        }
        return Kind.STR;
    }
  }

  private static boolean isBool(String v) {
    switch (v) {
      case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
          "ON", "off", "Off", "OFF":
        return true;
      default:
        return false;
    }
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Every char of s from i on is one of {@code allowed} or '_', and at least one is not '_'. */
  private static boolean digitsWithUnderscores(String s, int i, String allowed) {
    boolean any = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        continue;
      }
      if (allowed.indexOf(c) < 0) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static final String BIN = "01";
  private static final String OCT = "01234567";
  private static final String DEC = "0123456789";
  private static final String HEX = "0123456789abcdefABCDEF";

  /**
   * {@code [-+]?0b_*[0-1][0-1_]* | [-+]?0_*[0-7][0-7_]* | [-+]?(?:0|[1-9][0-9_]*) |
   * [-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]* | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+}
   */
  static boolean isInt(String v) {
    int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
    int n = v.length();
    if (i >= n) {
      return false;
    }
    char c = v.charAt(i);
    if (c == '0') {
      if (i + 1 == n) {
        return true;
      }
      char d = v.charAt(i + 1);
      if (d == 'b') {
        return digitsWithUnderscores(v, i + 2, BIN);
      }
      if (d == 'x') {
        return digitsWithUnderscores(v, i + 2, HEX);
      }
      return digitsWithUnderscores(v, i + 1, OCT);
    }
    if (c < '1' || c > '9') {
      return false;
    }
    int j = i + 1;
    while (j < n && (digit(v.charAt(j)) || v.charAt(j) == '_')) {
      j++;
    }
    if (j == n) {
      return true;
    }
    // sexagesimal: one or more :[0-5]?[0-9]
    int end = sexagesimal(v, j);
    return end == n;
  }

  /** Consumes {@code (?::[0-5]?[0-9])+} from j; the index after it, or -1 if none matched. */
  private static int sexagesimal(String v, int j) {
    int n = v.length();
    int groups = 0;
    while (j < n && v.charAt(j) == ':') {
      if (j + 2 < n && v.charAt(j + 1) >= '0' && v.charAt(j + 1) <= '5' && digit(v.charAt(j + 2))) {
        j += 3;
      } else if (j + 1 < n && digit(v.charAt(j + 1))) {
        j += 2;
      } else {
        return groups == 0 ? -1 : j;
      }
      groups++;
    }
    return groups == 0 ? -1 : j;
  }

  /** Consumes {@code [eE][-+]?[0-9]+} from j; the index after it, or -1. */
  private static int exponent(String v, int j) {
    int n = v.length();
    if (j >= n || (v.charAt(j) != 'e' && v.charAt(j) != 'E')) {
      return -1;
    }
    j++;
    if (j < n && (v.charAt(j) == '-' || v.charAt(j) == '+')) {
      j++;
    }
    int start = j;
    while (j < n && digit(v.charAt(j))) {
      j++;
    }
    return j > start ? j : -1;
  }

  /**
   * {@code [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)? | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+) |
   * [-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)? | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* |
   * [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)}
   */
  static boolean isFloat(String v) {
    int n = v.length();
    if (v.equals(".nan") || v.equals(".NaN") || v.equals(".NAN")) {
      return true;
    }
    int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
    if (i >= n) {
      return false;
    }
    String rest = i == 0 ? v : v.substring(i);
    if (rest.equals(".inf") || rest.equals(".Inf") || rest.equals(".INF")) {
      return true;
    }
    char c = v.charAt(i);
    if (c == '.') {
      int j = i + 1;
      int start = j;
      while (j < n && (digit(v.charAt(j)) || v.charAt(j) == '_')) {
        j++;
      }
      if (j == start) {
        return false;
      }
      return j == n || exponent(v, j) == n;
    }
    if (!digit(c)) {
      return false;
    }
    int j = i + 1;
    while (j < n && (digit(v.charAt(j)) || v.charAt(j) == '_')) {
      j++;
    }
    if (j == n) {
      return false;
    }
    char d = v.charAt(j);
    if (d == '.') {
      j++;
      while (j < n && (digit(v.charAt(j)) || v.charAt(j) == '_')) {
        j++;
      }
      return j == n || exponent(v, j) == n;
    }
    if (d == 'e' || d == 'E') {
      return exponent(v, j) == n;
    }
    if (d == ':') {
      j = sexagesimal(v, j);
      if (j < 0 || j >= n || v.charAt(j) != '.') {
        return false;
      }
      j++;
      while (j < n && (digit(v.charAt(j)) || v.charAt(j) == '_')) {
        j++;
      }
      return j == n;
    }
    return false;
  }

  /**
   * {@code [0-9]{4}-[0-9]{2}-[0-9]{2} | [0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}
   * (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?}
   */
  static boolean isTimestamp(String v) {
    int n = v.length();
    if (n < 8 || !digits(v, 0, 4) || v.charAt(4) != '-') {
      return false;
    }
    if (n == 10 && digits(v, 5, 2) && v.charAt(7) == '-' && digits(v, 8, 2)) {
      return true;
    }
    int j = oneOrTwoDigits(v, 5);
    if (j < 0 || j >= n || v.charAt(j) != '-') {
      return false;
    }
    j = oneOrTwoDigits(v, j + 1);
    if (j < 0 || j >= n) {
      return false;
    }
    if (v.charAt(j) == 'T' || v.charAt(j) == 't') {
      j++;
    } else if (v.charAt(j) == ' ' || v.charAt(j) == '\t') {
      while (j < n && (v.charAt(j) == ' ' || v.charAt(j) == '\t')) {
        j++;
      }
    } else {
      return false;
    }
    j = oneOrTwoDigits(v, j);
    if (j < 0 || j + 6 > n || v.charAt(j) != ':' || !digits(v, j + 1, 2) || v.charAt(j + 3) != ':' || !digits(v, j + 4, 2)) {
      return false;
    }
    j += 6;
    if (j < n && v.charAt(j) == '.') {
      j++;
      while (j < n && digit(v.charAt(j))) {
        j++;
      }
    }
    if (j == n) {
      return true;
    }
    while (j < n && (v.charAt(j) == ' ' || v.charAt(j) == '\t')) {
      j++;
    }
    if (j >= n) {
      return false;
    }
    if (v.charAt(j) == 'Z') {
      return j + 1 == n;
    }
    if (v.charAt(j) != '-' && v.charAt(j) != '+') {
      return false;
    }
    j = oneOrTwoDigits(v, j + 1);
    if (j < 0) {
      return false;
    }
    if (j == n) {
      return true;
    }
    return j + 3 == n && v.charAt(j) == ':' && digits(v, j + 1, 2);
  }

  private static boolean digits(String v, int from, int count) {
    if (from + count > v.length()) {
      return false;
    }
    for (int k = from; k < from + count; k++) {
      if (!digit(v.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [0-9][0-9]?} from j, greedy; the index after it, or -1. */
  private static int oneOrTwoDigits(String v, int j) {
    if (j >= v.length() || !digit(v.charAt(j))) {
      return -1;
    }
    return j + 1 < v.length() && digit(v.charAt(j + 1)) ? j + 2 : j + 1;
  }
}
