package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.readTree;
import static dev.scaffold.update.TemplateFixture.writeTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.jgit.JGitTextMerge;
import dev.scaffold.update.FileOutcome.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-file merge rules, on plain folders: base (old render), theirs (new render), ours (the project). */
class TreeMergerTest {

  @TempDir Path tmp;

  private TreeMerger.Plan merge(Map<String, String> base, Map<String, String> theirs, Map<String, String> ours,
      ConflictStyle style, List<String> skip) throws Exception {
    writeTree(tmp.resolve("base"), base);
    writeTree(tmp.resolve("theirs"), theirs);
    writeTree(tmp.resolve("ours"), ours);
    TreeMerger m = new TreeMerger(new JGitTextMerge(), style, skip, "template 1", "template 2");
    TreeMerger.Plan plan = m.plan(tree("base", base), tree("theirs", theirs), tmp.resolve("ours"));
    m.apply(plan, tmp.resolve("ours"));
    return plan;
  }

  private RenderedTree tree(String dir, Map<String, String> files) {
    Map<String, String> sources = new LinkedHashMap<>();
    files.keySet().forEach(p -> sources.put(p, "template/" + p));
    return RenderedTree.under(tmp.resolve(dir), sources);
  }

  private static Map<String, Action> actions(TreeMerger.Plan plan) {
    return plan.outcomes().stream().collect(Collectors.toMap(FileOutcome::path, FileOutcome::action));
  }

  @Test
  void eachRuleGivesItsOutcome() throws Exception {
    Map<String, String> base = Map.of(
        "same.txt", "same\n", "take.txt", "old\n", "gone.txt", "bye\n", "keep-edited.txt", "bye\n",
        "deleted.txt", "a\n", "both.txt", "1\n2\n3\n4\n5\n");
    Map<String, String> theirs = Map.of(
        "same.txt", "same\n", "take.txt", "new\n", "deleted.txt", "b\n", "both.txt", "1\n2\n3\n4\n5 theirs\n",
        "added.txt", "hello\n");
    Map<String, String> ours = Map.of(
        "same.txt", "same, mine\n", "take.txt", "old\n", "gone.txt", "bye\n", "keep-edited.txt", "bye, mine\n",
        "both.txt", "1 mine\n2\n3\n4\n5\n", "user.txt", "never read\n");
    TreeMerger.Plan plan = merge(base, theirs, ours, ConflictStyle.INLINE, List.of());
    assertEquals(Map.of("same.txt", Action.UNCHANGED, "take.txt", Action.UPDATED, "gone.txt", Action.REMOVED,
        "keep-edited.txt", Action.KEPT, "deleted.txt", Action.KEPT, "both.txt", Action.MERGED,
        "added.txt", Action.ADDED), actions(plan));
    assertEquals(Map.of("same.txt", "same, mine\n", "take.txt", "new\n", "keep-edited.txt", "bye, mine\n",
        "both.txt", "1 mine\n2\n3\n4\n5 theirs\n", "added.txt", "hello\n", "user.txt", "never read\n"),
        readTree(tmp.resolve("ours")));
  }

  /** Git's id of a text as a blob, as {@code git hash-object} gives it. */
  private static String blobId(String text) throws Exception {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
    sha1.update(("blob " + b.length + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return java.util.HexFormat.of().formatHex(sha1.digest(b));
  }

  /** A render held in memory, as an update from a template's object database has it. */
  private static RenderedTree inMemory(Map<String, String> files) {
    LinkedHashMap<String, RenderedTree.Content> contents = new LinkedHashMap<>();
    LinkedHashMap<String, String> sources = new LinkedHashMap<>();
    files.forEach((p, text) -> {
      contents.put(p, new RenderedTree.Bytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
      sources.put(p, "template/" + p);
    });
    return RenderedTree.of(contents, sources);
  }

  @Test
  void gitsIdsSettleWhatNeedsNoWritingAndNeverOverwriteAnEdit() throws Exception {
    Map<String, String> base = Map.of("take.txt", "old\n", "same.txt", "s\n", "both.txt", "1\n2\n3\n");
    Map<String, String> theirs = Map.of("take.txt", "new\n", "same.txt", "s\n", "both.txt", "1\n2\n3 theirs\n");
    Map<String, String> ours = Map.of("take.txt", "old\n", "same.txt", "s, mine\n", "both.txt", "1 mine\n2\n3\n");
    writeTree(tmp.resolve("ours"), ours);
    Map<String, dev.scaffold.publish.GitRepo.TrackedFile> ids = new LinkedHashMap<>();
    for (var e : ours.entrySet()) {
      ids.put(e.getKey(), new dev.scaffold.publish.GitRepo.TrackedFile(blobId(e.getValue()), false));
    }
    // same.txt, which the template left alone, is settled by its id without being looked at
    Files.delete(tmp.resolve("ours/same.txt"));
    Files.createDirectory(tmp.resolve("ours/same.txt"));
    // take.txt was edited after git's status (say, while questions were answered) and its id still
    // says "as the template made it": what would overwrite it is decided from its bytes instead
    Files.writeString(tmp.resolve("ours/take.txt"), "edited since\n");
    TreeMerger m = new TreeMerger(new JGitTextMerge(), ConflictStyle.INLINE, List.of(), "template 1", "template 2");
    TreeMerger.Plan plan = m.plan(inMemory(base), inMemory(theirs), tmp.resolve("ours"), java.util.Set.of(), ids);
    m.apply(plan, tmp.resolve("ours"));

    assertEquals(Map.of("take.txt", Action.CONFLICT, "same.txt", Action.UNCHANGED, "both.txt", Action.MERGED),
        actions(plan));
    assertEquals("<<<<<<< yours\nedited since\n=======\nnew\n>>>>>>> template 2\n", read(tmp.resolve("ours/take.txt")));
    assertEquals("1 mine\n2\n3 theirs\n", read(tmp.resolve("ours/both.txt")));
    assertTrue(Files.isDirectory(tmp.resolve("ours/same.txt")));
  }

  @Test
  void bothAddingTheSamePathDifferentlyIsAConflictThatKeepsTheUserText() throws Exception {
    TreeMerger.Plan plan = merge(Map.of(), Map.of("new.txt", "template\n"), Map.of("new.txt", "mine\n"),
        ConflictStyle.INLINE, List.of());
    assertEquals(Map.of("new.txt", Action.CONFLICT), actions(plan));
    assertEquals("<<<<<<< yours\nmine\n=======\ntemplate\n>>>>>>> template 2\n", read(tmp.resolve("ours/new.txt")));
  }

  @Test
  void linesWithoutAFinalNewlineStillGetWholeMarkerLines() throws Exception {
    merge(Map.of("f", "a\nb"), Map.of("f", "a\nb theirs"), Map.of("f", "a\nb mine"), ConflictStyle.INLINE, List.of());
    assertEquals("a\n<<<<<<< yours\nb mine\n=======\nb theirs\n>>>>>>> template 2\n", read(tmp.resolve("ours/f")));
  }

  @Test
  void rejectsKeepOursAndDescribeTheTemplateHunk() throws Exception {
    merge(Map.of("f", "a\nb\nc\n"), Map.of("f", "a\nB\nC\n"), Map.of("f", "a\nb2\nc\n"), ConflictStyle.REJ, List.of());
    assertEquals("a\nb2\nc\n", read(tmp.resolve("ours/f")));
    assertEquals("--- a/f\t(template 1)\n+++ b/f\t(template 2)\n@@ -2,2 +2,2 @@\n-b\n-c\n+B\n+C\n",
        read(tmp.resolve("ours/f.rej")));
  }

  @Test
  void rejectsNeverOverwriteAFileOfTheirName() throws Exception {
    TreeMerger.Plan plan = merge(Map.of("f", "a\nb\nc\n"), Map.of("f", "a\nB\nc\n"),
        Map.of("f", "a\nb2\nc\n", "f.rej", "rejects of an earlier update\n"), ConflictStyle.REJ, List.of());
    assertEquals("rejects of an earlier update\n", read(tmp.resolve("ours/f.rej")));
    assertTrue(read(tmp.resolve("ours/f.1.rej")).contains("+B\n"), read(tmp.resolve("ours/f.1.rej")));
    assertTrue(plan.conflicts().get(0).note().endsWith("in f.1.rej"), plan.conflicts().get(0).note());
  }

  @Test
  void crlfLinesAreKeptByteForByte() throws Exception {
    merge(Map.of("w.bat", "a\r\nb\r\nc\r\n"), Map.of("w.bat", "a\r\nb\r\nc2\r\n"), Map.of("w.bat", "a1\r\nb\r\nc\r\n"),
        ConflictStyle.INLINE, List.of());
    assertEquals("a1\r\nb\r\nc2\r\n", read(tmp.resolve("ours/w.bat")));
  }

  @Test
  void skipIfExistsIsNeverTouchedButIsCreatedWhenNewAndMissing() throws Exception {
    TreeMerger.Plan plan = merge(Map.of("local.cfg", "1\n"), Map.of("local.cfg", "2\n", "conf/new.cfg", "n\n"),
        Map.of("local.cfg", "1\n"), ConflictStyle.INLINE, List.of("*.cfg"));
    assertEquals(Map.of("local.cfg", Action.KEPT, "conf/new.cfg", Action.ADDED), actions(plan));
    assertEquals("1\n", read(tmp.resolve("ours/local.cfg")));
    assertEquals("n\n", read(tmp.resolve("ours/conf/new.cfg")));
  }

  @Test
  void binaryFilesAreReplacedOnlyWhenUntouched() throws Exception {
    String b1 = TemplateFixture.binary("1");
    String b2 = TemplateFixture.binary("2");
    TreeMerger.Plan plan = merge(Map.of("a.bin", b1, "b.bin", b1), Map.of("a.bin", b2, "b.bin", b2),
        Map.of("a.bin", b1, "b.bin", TemplateFixture.binary("mine")), ConflictStyle.INLINE, List.of());
    assertEquals(Map.of("a.bin", Action.UPDATED, "b.bin", Action.CONFLICT), actions(plan));
    assertEquals(b2, read(tmp.resolve("ours/a.bin")));
    assertEquals(TemplateFixture.binary("mine"), read(tmp.resolve("ours/b.bin")));
  }

  @Test
  void templateModeChangeAppliesWhenTheUserKeptTheMode() throws Exception {
    merge(Map.of("run.sh", "echo\n"), Map.of("run.sh", TemplateFixture.EXEC + "echo\n"), Map.of("run.sh", "echo\n"),
        ConflictStyle.INLINE, List.of());
    assertTrue(Files.isExecutable(tmp.resolve("ours/run.sh")));
  }

  @Test
  void aFolderWhereTheTemplateHasAFileIsLeftAlone() throws Exception {
    TreeMerger.Plan plan = merge(Map.of("x", "1\n"), Map.of("x", "2\n"), Map.of("x/inner.txt", "mine\n"),
        ConflictStyle.INLINE, List.of());
    assertEquals(Map.of("x", Action.CONFLICT), actions(plan));
    assertEquals("mine\n", read(tmp.resolve("ours/x/inner.txt")));
  }

  @Test
  void removingTheLastFileOfAFolderRemovesTheFolder() throws Exception {
    merge(Map.of("d/e/f.txt", "1\n", "keep.txt", "k\n"), Map.of("keep.txt", "k\n"),
        Map.of("d/e/f.txt", "1\n", "keep.txt", "k\n"), ConflictStyle.INLINE, List.of());
    assertFalse(Files.exists(tmp.resolve("ours/d")));
  }
}
