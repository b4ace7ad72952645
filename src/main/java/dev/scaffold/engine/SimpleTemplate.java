package dev.scaffold.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fast path for the plainest {@code .ftl} files, which are most of a typical template: text with
 * {@code ${name}} interpolations and {@code <#if name>…<#else>…</#if>} blocks, nothing else.
 *
 * <p>FreeMarker's parser costs about half a microsecond per character of static text (its lexer is
 * one large method that the JIT refuses to compile by default), which made parsing, not writing, the
 * cost of a large template. This class recognises a strict subset of FreeMarker in one pass and
 * renders it exactly as FreeMarker would; anything outside the subset makes {@link #parse} return
 * null, and {@link #render} returns null when the data does not fit, so that the caller falls back
 * to FreeMarker, which then produces the output or the error (with line and
 * column) it always did. {@code SimpleTemplateTest} checks the equivalence against FreeMarker on
 * hand-written and on randomly generated texts.
 *
 * <p>The subset, for the default ({@code <#...>}, {@code ${...}}) syntax only:
 *
 * <ul>
 *   <li>{@code ${name}} where {@code name} is {@code [A-Za-z_][A-Za-z0-9_]*}, not a keyword, and
 *       its value is a {@link String} (numbers and booleans have formats; they fall back);
 *   <li>{@code ${name?then("a","b")}} (a space after the comma allowed) where {@code name}'s value
 *       is a {@link Boolean} and the literals hold no backslash, {@code $}, {@code #}, {@code [}
 *       or line break: the conditional file names of cookiecutter-style templates;
 *   <li>{@code <#if name>}, {@code <#else>}, {@code </#if>} written exactly so, properly nested,
 *       where {@code name}'s value is a {@link Boolean};
 *   <li>no other {@code <#}, {@code </#}, {@code <@}, {@code </@}, {@code #{}, {@code ${}, and no
 *       {@code [#}, {@code [@}, {@code [=} at all;
 *   <li>no line made only of tags and blanks: FreeMarker strips such lines' white-space, so they
 *       fall back rather than re-implement that rule; nor a last line made only of blanks;
 *   <li>no byte-order mark.
 * </ul>
 */
final class SimpleTemplate {

  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "gt", "gte", "lt", "lte", "as", "in", "using");

  /** A node: static text (name == null, cond == null), a variable, or an if-block. */
  private record Node(int start, int end, String name, boolean cond, List<Node> then, List<Node> otherwise) {}

  private final char[] chars;
  private final List<Node> root;
  private final Set<String> strings;
  private final Set<String> booleans;

  private SimpleTemplate(char[] chars, List<Node> root, Set<String> strings, Set<String> booleans) {
    this.chars = chars;
    this.root = root;
    this.strings = strings;
    this.booleans = booleans;
  }

  /** The template, or null when {@code text} uses anything outside the subset. */
  static SimpleTemplate parse(String text) {
    return new Parser(text).parse();
  }

  /**
   * The rendering, or null when a variable is missing or of another type than the subset handles
   * (FreeMarker then renders the file, or reports the error, as it always did).
   */
  String render(Map<String, ?> model) {
    for (String s : strings) {
      if (!(model.get(s) instanceof String)) {
        return null;
      }
    }
    for (String b : booleans) {
      if (!(model.get(b) instanceof Boolean)) {
        return null;
      }
    }
    StringBuilder out = new StringBuilder(chars.length + 256);
    write(root, model, out);
    return out.toString();
  }

  private void write(List<Node> nodes, Map<String, ?> model, StringBuilder out) {
    for (Node n : nodes) {
      if (n.name == null) {
        out.append(chars, n.start, n.end - n.start);
      } else if (!n.cond) {
        out.append((String) model.get(n.name));
      } else if ((Boolean) model.get(n.name)) {
        write(n.then, model, out);
      } else if (n.otherwise != null) {
        write(n.otherwise, model, out);
      }
    }
  }

  private static final class Parser {
    private final String s;
    private final char[] cs; // indexing an array is cheaper than String.charAt under C1
    private final int n;
    private final Set<String> strings = new java.util.HashSet<>();
    private final Set<String> booleans = new java.util.HashSet<>();
    // the current line: whether it holds a tag, and whether it holds anything FreeMarker outputs
    private boolean lineHasTag;
    private boolean lineHasContent;
    private int lineStart;

    Parser(String s) {
      this.s = s;
      this.cs = s.toCharArray();
      this.n = cs.length;
    }

    SimpleTemplate parse() {
      if (n > 0 && cs[0] == '\uFEFF') {
        return null;
      }
      // stack of open blocks: the list being filled, and for each open if its node
      List<List<Node>> lists = new ArrayList<>();
      List<Node> ifs = new ArrayList<>();
      List<Node> current = new ArrayList<>();
      int textStart = 0;
      int i = 0;
      while (i < n) {
        char c = cs[i];
        switch (c) {
          case '\n', '\r' -> {
            if (lineHasTag && !lineHasContent) {
              return null;
            }
            lineHasTag = false;
            lineHasContent = false;
            i++;
            lineStart = i;
          }
          case ' ', '\t' -> i++;
          case '$', '#' -> {
            if (i + 1 < n && cs[i + 1] == '{') {
              if (c == '#') {
                return null;
              }
              int close = name(i + 2);
              if (close < 0 || cs[close] != '}' && cs[close] != '?') {
                return null;
              }
              String name = s.substring(i + 2, close);
              addText(current, textStart, i);
              if (cs[close] == '?') {
                // ${flag?then("a","b")}: an if-block whose branches are the two literals
                int end = then(close, name, current);
                if (end < 0) {
                  return null;
                }
                i = end;
              } else {
                current.add(new Node(i, close + 1, name, false, null, null));
                strings.add(name);
                i = close + 1;
              }
              lineHasContent = true;
              textStart = i;
            } else {
              lineHasContent = true;
              i++;
            }
          }
          case '[' -> {
            if (i + 1 < n && (cs[i + 1] == '#' || cs[i + 1] == '@' || cs[i + 1] == '=')) {
              return null;
            }
            lineHasContent = true;
            i++;
          }
          case '<' -> {
            char d = i + 1 < n ? cs[i + 1] : 0;
            char e = i + 2 < n ? cs[i + 2] : 0;
            if (d == '@' || d == '/' && (e == '#' || e == '@')) {
              if (s.startsWith("</#if>", i) && !ifs.isEmpty()) {
                addText(current, textStart, i);
                Node open = ifs.remove(ifs.size() - 1);
                current = lists.remove(lists.size() - 1);
                current.add(open);
                lineHasTag = true;
                i += 6;
                textStart = i;
              } else {
                return null;
              }
            } else if (d == '#') {
              if (s.startsWith("<#else>", i) && !ifs.isEmpty()) {
                Node open = ifs.get(ifs.size() - 1);
                if (open.otherwise != null) {
                  return null; // a second <#else>
                }
                addText(current, textStart, i);
                Node withElse = new Node(0, 0, open.name, true, open.then, new ArrayList<>());
                ifs.set(ifs.size() - 1, withElse);
                current = withElse.otherwise;
                lineHasTag = true;
                i += 7;
                textStart = i;
              } else if (s.startsWith("<#if ", i)) {
                int close = name(i + 5);
                if (close < 0 || cs[close] != '>') {
                  return null;
                }
                String name = s.substring(i + 5, close);
                addText(current, textStart, i);
                Node open = new Node(0, 0, name, true, new ArrayList<>(), null);
                booleans.add(name);
                lists.add(current);
                ifs.add(open);
                current = open.then;
                lineHasTag = true;
                i = close + 1;
                textStart = i;
              } else {
                return null;
              }
            } else {
              lineHasContent = true;
              i++;
            }
          }
          default -> {
            lineHasContent = true;
            i = plainRunEnd(i + 1);
          }
        }
      }
      if (!ifs.isEmpty() || lineHasTag && !lineHasContent) {
        return null;
      }
      if (lineStart > 0 && lineStart < n && !lineHasContent) {
        // a last line of blanks after a line break: FreeMarker drops it when an interpolation
        // or tag came before ("a${s}\n  " renders "aS\n"), and keeps it otherwise; fall back
        return null;
      }
      addText(current, textStart, n);
      return new SimpleTemplate(cs, current, Set.copyOf(strings), Set.copyOf(booleans));
    }

    /**
     * Reads {@code ?then("a","b")}} (or {@code ?then("a", "b")}}) at {@code at}, adding the
     * if-block it stands for; the index after the closing brace, or -1 when the text is anything
     * else. Literals may not hold a backslash, {@code $}, {@code #}, {@code [} or a line break,
     * which FreeMarker would read as escapes or interpolations.
     */
    private int then(int at, String name, List<Node> current) {
      if (!s.startsWith("?then(\"", at)) {
        return -1;
      }
      int aStart = at + 7;
      int aEnd = literalEnd(aStart);
      if (aEnd < 0) {
        return -1;
      }
      int bStart;
      if (s.startsWith("\",\"", aEnd)) {
        bStart = aEnd + 3;
      } else if (s.startsWith("\", \"", aEnd)) {
        bStart = aEnd + 4;
      } else {
        return -1;
      }
      int bEnd = literalEnd(bStart);
      if (bEnd < 0 || !s.startsWith("\")}", bEnd)) {
        return -1;
      }
      List<Node> yes = new ArrayList<>();
      List<Node> no = new ArrayList<>();
      addText(yes, aStart, aEnd);
      addText(no, bStart, bEnd);
      current.add(new Node(0, 0, name, true, yes, no));
      booleans.add(name);
      return bEnd + 3;
    }

    /** The index of the closing quote of a plain string literal starting at {@code from}, or -1. */
    private int literalEnd(int from) {
      for (int i = from; i < n; i++) {
        switch (cs[i]) {
          case '"':
            return i;
          case '\\', '$', '#', '[', '\n', '\r':
            return -1;
          default:
            break;
        }
      }
      return -1;
    }

    /**
     * The index of the first character at or after {@code from} that can end a run of text on a
     * line that already has content (blanks then change nothing): a line break or the start of
     * markup. Most of a file is such runs; one tight loop over them beats the switch per character.
     */
    private int plainRunEnd(int from) {
      int i = from;
      while (i < n) {
        char c = cs[i];
        if (c == '\n' || c == '\r' || c == '$' || c == '#' || c == '<' || c == '[') {
          return i;
        }
        i++;
      }
      return i;
    }

    /** The index just after a name starting at {@code from}, or -1 if there is none or no room after it. */
    private int name(int from) {
      int i = from;
      if (i >= n || !isStart(cs[i])) {
        return -1;
      }
      i++;
      while (i < n && isPart(cs[i])) {
        i++;
      }
      if (i >= n || KEYWORDS.contains(s.substring(from, i))) {
        return -1;
      }
      return i;
    }

    private static boolean isStart(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isPart(char c) {
      return isStart(c) || c >= '0' && c <= '9';
    }

    private static void addText(List<Node> to, int start, int end) {
      if (end > start) {
        to.add(new Node(start, end, null, false, null, null));
      }
    }
  }
}
