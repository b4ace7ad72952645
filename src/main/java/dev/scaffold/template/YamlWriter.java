package dev.scaffold.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a mapping of plain values (strings, booleans, numbers, nulls, lists and nested mappings)
 * as block YAML, in the layout Jackson's YAML generator used with minimal quotes: plain text
 * where it reads back as the same text, double quotes where it would read as something else (a
 * number, boolean or null, or an indicator), a literal block for multi-line text. What it writes
 * reads back through {@link YamlDocument} (and Jackson, and SnakeYAML) as the same values; {@code
 * YamlWriterTest} round-trips awkward text through all three.
 */
public final class YamlWriter {

  private YamlWriter() {}

  /** The document text, ending in a newline ({@code {}} for an empty mapping). */
  public static String write(Map<String, ?> doc) {
    if (doc.isEmpty()) {
      return "{}\n";
    }
    StringBuilder b = new StringBuilder(64 + 32 * doc.size());
    mapping(b, doc, 0);
    return b.toString();
  }

  private static void mapping(StringBuilder b, Map<?, ?> m, int indent) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      pad(b, indent);
      String key = String.valueOf(e.getKey());
      if (isPlain(key)) {
        b.append(key);
      } else {
        doubleQuoted(b, key);
      }
      b.append(':');
      value(b, e.getValue(), indent, true);
    }
  }

  /** Writes a value after {@code key:} (inMapping) or {@code -}, then the line end. */
  private static void value(StringBuilder b, Object v, int indent, boolean inMapping) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append(" {}\n");
      } else {
        b.append('\n');
        mapping(b, m, indent + 2);
      }
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        b.append(" []\n");
      } else {
        b.append('\n');
        // block sequences sit at their key's indentation, as Jackson writes them
        int at = inMapping ? indent : indent + 2;
        for (Object item : list) {
          pad(b, at);
          b.append('-');
          value(b, item, at, false);
        }
      }
    } else {
      b.append(' ');
      scalar(b, v, indent);
      b.append('\n');
    }
  }

  private static void scalar(StringBuilder b, Object v, int indent) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte || v instanceof java.math.BigInteger) {
      b.append(v);
    } else if (v instanceof BigDecimal d) {
      // 1E+3 would read back as text: write the digits, with a point so that it stays a decimal
      String s = d.toString();
      if (s.indexOf('E') >= 0) {
        s = d.toPlainString();
        s = s.indexOf('.') >= 0 ? s : s + ".0";
      }
      b.append(s);
    } else if (v instanceof Double || v instanceof Float) {
      b.append(v);
    } else {
      scalarText(b, v.toString(), indent);
    }
  }

  private static void scalarText(StringBuilder b, String s, int indent) {
    if (isPlain(s)) {
      b.append(s);
    } else if (literalBlock(s)) {
      b.append(s.endsWith("\n") ? "|" : "|-");
      String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
      for (String line : body.split("\n", -1)) {
        b.append('\n');
        if (!line.isEmpty()) {
          pad(b, indent + 2);
          b.append(line);
        }
      }
    } else {
      doubleQuoted(b, s);
    }
  }

  /** Text that reads back as itself without quotes. */
  static boolean isPlain(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (first == ' ' || last == ' ' || last == ':') {
      return false;
    }
    switch (first) {
      case '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
        return false;
      case '-', '?', ':':
        if (s.length() == 1 || s.charAt(1) == ' ') {
          return false;
        }
        break;
      default:
        break;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!printable(c) || c == '\t') {
        return false;
      }
      switch (c) {
        case ',', '[', ']', '{', '}':
          return false;
        case '#':
          if (s.charAt(i - 1) == ' ') {
            return false;
          }
          break;
        case ':':
          if (s.charAt(i + 1) == ' ') {
            return false;
          }
          break;
        default:
          break;
      }
    }
    return !looksTyped(s);
  }

  /**
   * Plain text a YAML 1.1 reader would take for something else than text: a boolean, number,
   * null, date or merge key (Jackson also quotes y and n, which some readers take for booleans).
   */
  private static boolean looksTyped(String s) {
    if (s.length() == 1 && "yYnN~".indexOf(s.charAt(0)) >= 0) {
      return true;
    }
    return YamlScalars.resolve(s) != YamlScalars.Kind.STR;
  }

  /** Multi-line text that a literal block keeps exactly: printable, no leading space, at most one final newline. */
  private static boolean literalBlock(String s) {
    int nl = s.indexOf('\n');
    if (nl <= 0 || s.charAt(0) == ' ' || s.charAt(0) == '\t' || s.endsWith("\n\n")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\n' && !printable(c)) {
        return false;
      }
    }
    for (String line : s.split("\n")) {
      // a line of only blanks could be read as the block's indentation
      if (!line.isEmpty() && line.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static boolean printable(char c) {
    return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
        || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff) || Character.isSurrogate(c);
  }

  private static void doubleQuoted(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case '\0' -> b.append("\\0");
        case 0x85 -> b.append("\\N");
        case 0x2028 -> b.append("\\L");
        case 0x2029 -> b.append("\\P");
        default -> {
          if (printable(c)) {
            b.append(c);
          } else if (c <= 0xff) {
            b.append(String.format("\\x%02X", (int) c));
          } else {
            b.append(String.format("\\u%04X", (int) c));
          }
        }
      }
    }
    b.append('"');
  }

  private static void pad(StringBuilder b, int n) {
    for (int i = 0; i < n; i++) {
      b.append(' ');
    }
  }
}
