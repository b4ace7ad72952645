package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shortcuts an update of a stored template takes must decide exactly as the long way would. */
class StoredComparisonsTest {

  @TempDir Path tmp;

  /** Text as the fixture writes it (ISO-8859-1), standing for these characters' UTF-8 bytes. */
  private static String utf8(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void anUnchangedSourceThatReadsTheVersionAmongOtherScriptsIsRenderedAgain() throws Exception {
    Path template = tmp.resolve("tpl");
    Map<String, String> v1 = Map.of("scaffold.yml", "name: demo\nquestions:\n  - {name: project_name, default: demo}\n",
        "template/VERSION.txt.ftl", utf8("caf\u00e9 \u2713 ${_template.version} na\u00efve\n"),
        "template/same.txt.ftl", utf8("caf\u00e9 ${project_name} \u2713\n"),
        "template/app.txt", "app v1\n");
    TemplateFixture.version(template, "v1.0.0", false, v1);
    Map<String, String> v2 = new java.util.HashMap<>(v1);
    v2.put("template/app.txt", "app v2\n");
    TemplateFixture.version(template, "v2.0.0", false, v2);
    Path project = tmp.resolve("proj");
    assertEquals(0, TemplateFixture.cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--non-interactive", "--defaults").code());

    var r = TemplateFixture.cli(tmp, "update", project.toString(), "--non-interactive");

    assertEquals(0, r.code(), r.err());
    assertEquals(utf8("caf\u00e9 \u2713 v2.0.0 na\u00efve\n"), TemplateFixture.read(project.resolve("VERSION.txt")));
    assertEquals(utf8("caf\u00e9 demo \u2713\n"), TemplateFixture.read(project.resolve("same.txt")));
    assertEquals("app v2\n", TemplateFixture.read(project.resolve("app.txt")));
  }

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
  void theContextCheckOnBytesFindsWhatSearchingTheTextFinds() {
    List<String> words = TemplateVersionSource.CONTEXT_READERS;
    for (String w : words) {
      assertFalse(StoredVersions.contextFree(w.getBytes(StandardCharsets.US_ASCII)), w);
      assertFalse(StoredVersions.contextFree(("caf\u00e9 ${" + w + "} \u2713").getBytes(StandardCharsets.UTF_8)), w);
      // cut short at the end of the file: not the word
      String cut = "x " + w.substring(0, w.length() - 1);
      assertTrue(StoredVersions.contextFree(cut.getBytes(StandardCharsets.US_ASCII)), cut);
    }
    assertTrue(StoredVersions.contextFree(new byte[0]));
    assertTrue(StoredVersions.contextFree("${project_name} impor\u00e9t _templat e incl.var".getBytes(StandardCharsets.UTF_8)));
    // random text from the words' own letters, with bytes beyond ASCII: as String.contains decides
    Random random = new Random(7);
    String letters = "_templatincudor.vasmgbn\u00e9\u2713 ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        b.append(random.nextInt(8) == 0 ? words.get(random.nextInt(words.size())).substring(0, 1 + random.nextInt(3))
            : String.valueOf(letters.charAt(random.nextInt(letters.length()))));
      }
      String text = b.toString();
      boolean expected = words.stream().noneMatch(text::contains);
      assertEquals(expected, StoredVersions.contextFree(text.getBytes(StandardCharsets.UTF_8)), text);
    }
  }
  @Test
  void blobIdsAreGitsForEverySizeInMemoryAndReadFromAFile() throws Exception {
    var git = new org.eclipse.jgit.lib.ObjectInserter.Formatter();
    Random random = new Random(3);
    // around the read buffer's first size and the largest it keeps, and an empty file
    for (int size : new int[] {0, 1, 40, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 100_000, (1 << 20) - 1, 1 << 20,
        (1 << 20) + 7, 3 << 20}) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      String expected = git.idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, bytes).name();
      assertEquals(expected, BlobIds.of(bytes), "in memory, " + size);
      Path file = tmp.resolve("f" + size);
      java.nio.file.Files.write(file, bytes);
      ProjectFile read = ProjectFile.of(file);
      assertEquals(expected, read.blobId(), "read, " + size);
      assertTrue(java.util.Arrays.equals(bytes, read.bytes()), "bytes after the id, " + size);
    }
  }
}
