package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts an update of a stored template takes must decide exactly as the long way would. */
class StoredComparisonsTest {

  /** A stored blob that must never be read: its id is all there is to compare. */
  private record Unread(String id) implements RenderedTree.Content {
    @Override
    public long size() {
      throw new AssertionError("read the size of " + id);
    }

    @Override
    public byte[] bytes() {
      throw new AssertionError("read the bytes of " + id);
    }

    @Override
    public boolean executable() {
      return false;
    }
  }

  @Test
  void blobsWithDifferentIdsDifferWithoutBeingRead() throws Exception {
    String one = BlobIds.of("one\n".getBytes(StandardCharsets.UTF_8));
    String two = BlobIds.of("two\n".getBytes(StandardCharsets.UTF_8));
    assertFalse(BlobIds.sameBytes(new Unread(one), new Unread(two)));
    assertTrue(BlobIds.sameBytes(new Unread(one), new Unread(one)));
    // bytes in memory have no id: compared by their bytes, as before
    assertTrue(BlobIds.sameBytes(new RenderedTree.Bytes("one\n".getBytes(StandardCharsets.UTF_8), false),
        new RenderedTree.Bytes("one\n".getBytes(StandardCharsets.UTF_8), false)));
  }

  @Test
  void pathsSortAsPathsCompare() {
    List<List<String>> cases = List.of(
        List.of("b", "a/b", "a", "a.txt", "a-b", "a/b/c", "A", "_x", "a0", "z.ftl", "a b"),
        List.of("caf\u00e9", "cafe", "caf\u00e9/x", "\u2713", "zz", "\uD83D\uDE00", "\uE000", "a"));
    Random random = new Random(3);
    String alphabet = "ab/._-A0\u00e9\u2713\uE000";
    List<String> generated = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = 1 + random.nextInt(8); n > 0; n--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String p = s.toString().replaceAll("/+", "/").replaceAll("^/|/$", "");
      if (!p.isEmpty()) {
        generated.add(p);
      }
    }
    List<List<String>> all = new ArrayList<>(cases);
    all.add(generated);
    all.add(generated.stream().filter(p -> p.chars().allMatch(c -> c < 0x80)).toList());
    for (List<String> paths : all) {
      List<String> expected = new ArrayList<>(paths);
      expected.sort((a, b) -> Path.of(a).compareTo(Path.of(b)));
      List<String> sorted = new ArrayList<>(paths);
      StoredVersions.sortInPathOrder(sorted);
      assertEquals(expected, sorted);
    }
  }

  @Test
  void wordsAreFoundInBytesAsInTheDecodedText() {
    Random random = new Random(11);
    String alphabet = "ab_.eé✓\n${}incldutmpr";
    byte[] word = "include".getBytes(StandardCharsets.US_ASCII);
    for (int round = 0; round < 2000; round++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        s.append(random.nextInt(6) == 0 ? "incl" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String text = s.toString();
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertEquals(text.contains("include"), StoredVersions.indexOf(bytes, word) >= 0, text);
    }
    assertEquals(0, StoredVersions.indexOf("include".getBytes(StandardCharsets.US_ASCII), word));
    assertEquals(-1, StoredVersions.indexOf("inclu".getBytes(StandardCharsets.US_ASCII), word));
  }
}
