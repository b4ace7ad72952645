package dev.scaffold.update;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a merge's conflicts are written: inline markers as git writes them ({@code <<<<<<< yours},
 * {@code =======}, {@code >>>>>>> template 2.0.0}), or the template's side of each conflict as a
 * unified diff hunk for a {@code .rej} file.
 */
final class ConflictText {

  private ConflictText() {}

  /** The merged text with each conflict resolved to the user's side. */
  static byte[] concat(List<TextMerge.Chunk> chunks) {
    if (chunks.size() == 1) {
      return chunks.get(0).text(); // a clean merge: one resolved run, already the whole text
    }
    int length = 0;
    for (TextMerge.Chunk c : chunks) {
      length += c.text().length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    chunks.forEach(c -> out.writeBytes(c.text()));
    return out.toByteArray();
  }

  static byte[] withMarkers(List<TextMerge.Chunk> chunks, String theirsLabel) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (TextMerge.Chunk c : chunks) {
      if (!c.conflict()) {
        out.writeBytes(c.text());
        continue;
      }
      line(out, "<<<<<<< yours");
      lines(out, c.text());
      line(out, "=======");
      lines(out, c.theirs());
      line(out, ">>>>>>> " + theirsLabel);
    }
    return out.toByteArray();
  }

  static byte[] rejects(String path, List<TextMerge.Chunk> chunks, String baseLabel, String theirsLabel) {
    StringBuilder b = new StringBuilder();
    b.append("--- a/").append(path).append("\t(").append(baseLabel).append(")\n");
    b.append("+++ b/").append(path).append("\t(").append(theirsLabel).append(")\n");
    for (TextMerge.Chunk c : chunks) {
      if (!c.conflict()) {
        continue;
      }
      String base = new String(c.base(), StandardCharsets.UTF_8);
      String theirs = new String(c.theirs(), StandardCharsets.UTF_8);
      int bn = lineCount(base);
      int tn = lineCount(theirs);
      b.append("@@ -").append(range(c.baseLine(), bn)).append(" +").append(range(c.theirsLine(), tn)).append(" @@\n");
      prefixed(b, '-', base);
      prefixed(b, '+', theirs);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String range(int start0, int count) {
    // unified diff: an empty range names the line before it
    return (count == 0 ? start0 : start0 + 1) + "," + count;
  }

  private static int lineCount(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int n = (int) s.chars().filter(ch -> ch == '\n').count();
    return s.endsWith("\n") ? n : n + 1;
  }

  private static void prefixed(StringBuilder b, char sign, String text) {
    if (text.isEmpty()) {
      return;
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String l : body.split("\n", -1)) {
      b.append(sign).append(l).append('\n');
    }
    if (!text.endsWith("\n")) {
      b.append("\\ No newline at end of file\n");
    }
  }

  private static void line(ByteArrayOutputStream out, String s) {
    out.writeBytes((s + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void lines(ByteArrayOutputStream out, byte[] text) {
    out.writeBytes(text);
    if (text.length > 0 && text[text.length - 1] != '\n') {
      out.write('\n');
    }
  }
}
