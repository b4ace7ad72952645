package dev.scaffold.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where an unclosed FreeMarker directive opens. FreeMarker's parser reports an unclosed
 * {@code <#if>} at the end of the file, where nothing is to be fixed; this scans the tags with a
 * stack (comments and {@code noparse} skipped) and names the line and column of the opener.
 */
final class UnclosedTags {

  /** Directives that always take an end tag. */
  private static final Set<String> BLOCKS = Set.of("if", "list", "items", "macro", "function", "attempt", "switch",
      "compress", "noparse", "escape", "noescape", "autoesc", "noautoesc", "outputformat");

  private static final Pattern ANGLE = Pattern.compile("<#--.*?-->|<(/?)#([a-zA-Z]+)([^>]*)>", Pattern.DOTALL);
  private static final Pattern SQUARE = Pattern.compile("\\[#--.*?--\\]|\\[(/?)#([a-zA-Z]+)([^\\]]*)\\]", Pattern.DOTALL);

  /** Where an opened tag sits: 1-based line and column. */
  record Opening(String name, int line, int column) {}

  private UnclosedTags() {}

  /** The last opener of {@code name} never closed, or null when the scan finds none (FreeMarker is then right). */
  static Opening find(String text, String name, boolean square) {
    Matcher m = (square ? SQUARE : ANGLE).matcher(text);
    Deque<Opening> open = new ArrayDeque<>();
    boolean noparse = false;
    while (m.find()) {
      if (m.group(2) == null) {
        continue; // a comment
      }
      String tag = m.group(2);
      boolean end = !m.group(1).isEmpty();
      if (noparse && !(end && tag.equals("noparse"))) {
        continue;
      }
      if (!BLOCKS.contains(tag) || (!end && m.group(3).strip().endsWith("/"))) {
        continue;
      }
      if (end) {
        // pop up to the matching opener; a stray end tag is FreeMarker's to report
        for (Opening o : open) {
          if (o.name().equals(tag)) {
            while (!open.pop().name().equals(tag)) {
              // the ones above it were closed implicitly or are someone else's error
            }
            break;
          }
        }
        noparse = false;
      } else {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < m.start(); i++) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        open.push(new Opening(tag, line, m.start() - lineStart + 1));
        noparse = tag.equals("noparse");
      }
    }
    for (Opening o : open) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    return null;
  }
}
