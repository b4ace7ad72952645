package dev.scaffold.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scaffold.update.TextMerge;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JGit's merge and diff seen through the core's {@link TextMerge}. */
class JGitTextMergeTest {

  private final JGitTextMerge merge = new JGitTextMerge();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void separateChangesMergeIntoOneResolvedText() {
    List<TextMerge.Chunk> chunks = merge.merge(b("1\n2\n3\n4\n"), b("1 ours\n2\n3\n4\n"), b("1\n2\n3\n4 theirs\n"));
    assertEquals(1, chunks.size());
    assertEquals("1 ours\n2\n3\n4 theirs\n", s(chunks.get(0).text()));
  }

  @Test
  void overlappingChangesGiveAConflictWithAllThreeSidesAndTheirLines() {
    List<TextMerge.Chunk> chunks = merge.merge(b("a\nb\nc"), b("a\nB1\nc"), b("a\nB2\nc"));
    assertEquals(3, chunks.size());
    assertEquals("a\n", s(chunks.get(0).text()));
    TextMerge.Chunk c = chunks.get(1);
    assertEquals(true, c.conflict());
    assertEquals("B1\n", s(c.text()));
    assertEquals("b\n", s(c.base()));
    assertEquals("B2\n", s(c.theirs()));
    assertEquals(1, c.baseLine());
    assertEquals(1, c.theirsLine());
    assertEquals("c", s(chunks.get(2).text()));
  }

  @Test
  void diffGivesUnifiedHunks() {
    assertEquals("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", merge.diff(b("a\nb\nc\n"), b("a\nB\nc\n"), 3));
    assertEquals("", merge.diff(b("same\n"), b("same\n"), 3));
  }
}
