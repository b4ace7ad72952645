package dev.scaffold.jgit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.update.TemplateTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template versions read from the object database: loose and packed objects alike, tags from the refs. */
class JGitTemplateFetcherTest {

  static {
    FS.FileStoreAttributes.setBackground(true);
  }

  @TempDir Path tmp;

  private static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");

  @Test
  void readsTheFilesOfATagLooseOrPackedAndSketchesFoldersOnly() throws Exception {
    Path repo = tmp.resolve("tpl");
    Files.createDirectories(repo.resolve("template/a/b"));
    Files.writeString(repo.resolve("scaffold.yml"), "name: t\n");
    Files.writeString(repo.resolve("template/a/b/x.txt"), "x\n".repeat(5000));
    Files.write(repo.resolve("template/empty.txt"), new byte[0]);
    Files.write(repo.resolve("template/bin.dat"), new byte[] {0, 1, 2, (byte) 255});
    Path run = repo.resolve("template/run.sh");
    Files.writeString(run, "#!/bin/sh\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("v1").setAuthor(WHO).setCommitter(WHO).setSign(false).call();
      git.tag().setName("v1.0.0").setAnnotated(false).call();
      git.tag().setName("b-tag").setAnnotated(false).call();
    }
    JGitTemplateFetcher fetcher = new JGitTemplateFetcher();
    assertEquals(List.of("b-tag", "v1.0.0"), fetcher.tags(repo.toString()));
    // a remote template is fetched (once) to be read; one that cannot be reached says where
    OperationException unreachable =
        assertThrows(OperationException.class, () -> fetcher.tree("https://example.invalid/t.git", "v1.0.0"));
    assertTrue(unreachable.getMessage().startsWith("cannot fetch https://example.invalid/t.git"), unreachable.getMessage());

    Map<String, byte[]> loose = read(fetcher, repo);
    try (Git git = Git.open(repo.toFile())) {
      git.gc().call();
    }
    Map<String, byte[]> packed = read(fetcher, repo);
    assertEquals(loose.keySet(), packed.keySet());
    for (String p : loose.keySet()) {
      assertArrayEquals(Files.readAllBytes(repo.resolve(p)), loose.get(p), p);
      assertArrayEquals(loose.get(p), packed.get(p), p);
    }

    try (TemplateTrees.Tree t = fetcher.tree(repo.toString(), "v1.0.0")) {
      assertEquals(TemplateTrees.Mode.EXECUTABLE,
          t.files().stream().filter(e -> e.path().equals("template/run.sh")).findFirst().orElseThrow().mode());
      Path sketch = tmp.resolve("sketch");
      Files.createDirectories(sketch);
      t.sketch(sketch);
      assertEquals("name: t\n", Files.readString(sketch.resolve("scaffold.yml"), StandardCharsets.UTF_8));
      assertTrue(Files.isDirectory(sketch.resolve("template/a/b")));
      assertTrue(Files.notExists(sketch.resolve("template/a/b/x.txt")));
      t.complete(sketch);
      assertEquals("x\n".repeat(5000), Files.readString(sketch.resolve("template/a/b/x.txt")));
      assertTrue(Files.isExecutable(sketch.resolve("template/run.sh")));
    }
  }

  @Test
  void aVersionWithALinkLeavingTheRepositoryIsRefusedBeforeAnythingIsCheckedOut() throws Exception {
    Path repo = tmp.resolve("tpl");
    Files.createDirectories(repo.resolve("template"));
    Files.writeString(repo.resolve("scaffold.yml"), "name: t\n");
    Files.writeString(repo.resolve("template/a.txt"), "a\n");
    Files.createSymbolicLink(repo.resolve("template/key"), Path.of("../../secret/id_rsa"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("v1").setAuthor(WHO).setCommitter(WHO).setSign(false).call();
      git.tag().setName("v1.0.0").setAnnotated(false).call();
    }
    JGitTemplateFetcher fetcher = new JGitTemplateFetcher();
    InputException tree = assertThrows(InputException.class, () -> fetcher.tree(repo.toString(), "v1.0.0"));
    assertEquals(repo + "@v1.0.0:template/key: is a symbolic link to `../../secret/id_rsa`, which leads outside the "
        + "template or round a loop; nothing was checked out", tree.getMessage());
    Path into = Files.createDirectories(tmp.resolve("checkout"));
    assertThrows(InputException.class, () -> fetcher.checkout(repo.toString(), "v1.0.0", into));
    assertEquals(List.of(), Files.list(into).toList());
  }

  @Test
  void largeIncompressibleAndNonAsciiNamedFilesReadWithTheirIds() throws Exception {
    Path repo = tmp.resolve("tpl");
    java.util.Random random = new java.util.Random(7);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 300_000; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    byte[] noise = new byte[3 << 20]; // compressed, more than a reader keeps a buffer for
    random.nextBytes(noise);
    Map<String, byte[]> files = new TreeMap<>(Map.of(
        "scaffold.yml", "name: t\n".getBytes(StandardCharsets.UTF_8),
        "template/letters.txt", letters.toString().getBytes(StandardCharsets.UTF_8),
        "template/noise.bin", noise,
        "template/small.txt", "small\n".getBytes(StandardCharsets.UTF_8),
        "template/caf\u00e9/na\u00efve \u2713.txt", "accents\n".getBytes(StandardCharsets.UTF_8)));
    for (var f : files.entrySet()) {
      Files.createDirectories(repo.resolve(f.getKey()).getParent());
      Files.write(repo.resolve(f.getKey()), f.getValue());
    }
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("v1").setAuthor(WHO).setCommitter(WHO).setSign(false).call();
      git.tag().setName("v1.0.0").setAnnotated(false).call();
    }
    JGitTemplateFetcher fetcher = new JGitTemplateFetcher();
    try (TemplateTrees.Tree t = fetcher.tree(repo.toString(), "v1.0.0")) {
      Map<String, TemplateTrees.Entry> byPath = new TreeMap<>();
      t.files().forEach(e -> byPath.put(e.path(), e));
      assertEquals(files.keySet(), byPath.keySet());
      var ids = new org.eclipse.jgit.lib.ObjectInserter.Formatter();
      // the small file after the large ones: a reader's buffer, grown or not kept, never leaks into the next read
      for (String p : List.of("template/noise.bin", "template/small.txt", "template/letters.txt",
          "template/small.txt", "template/caf\u00e9/na\u00efve \u2713.txt", "scaffold.yml")) {
        TemplateTrees.Entry e = byPath.get(p);
        assertArrayEquals(files.get(p), t.read(e), p);
        // tested in place: the thread's buffer, grown for a large file, shows each file's bytes alone
        assertTrue(t.test(e, (bytes, length) -> java.util.Arrays.equals(bytes, 0, length, files.get(p), 0,
            files.get(p).length)), p);
        assertEquals(ids.idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, files.get(p)).name(), e.id(), p);
      }
    }
  }

  @Test
  void treesAreListedAsGitListsThemLooseAndPacked() throws Exception {
    Path repo = tmp.resolve("tricky");
    // names that sort differently as files and as folders, deep folders, bytes beyond ASCII
    List<String> names = List.of("a.b", "a/x", "a-b", "a0", "a/b/c/d/e/f.txt", "b", "caf\u00e9/\u2713.txt",
        "z/" + "long".repeat(50) + "/" + "deep".repeat(50) + "/n", "template/run.sh", "template/link", "scaffold.yml");
    for (String n : names) {
      Files.createDirectories(repo.resolve(n).getParent());
      Files.writeString(repo.resolve(n), n + "\n");
    }
    Files.delete(repo.resolve("template/link"));
    Files.createSymbolicLink(repo.resolve("template/link"), Path.of("run.sh"));
    Files.setPosixFilePermissions(repo.resolve("template/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    // a submodule's entry: git lists it, a template's files leave it out
    git(repo, "update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,sub");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1");
    git(repo, "tag", "v1.0.0");
    JGitTemplateFetcher fetcher = new JGitTemplateFetcher();
    for (boolean packed : new boolean[] {false, true}) {
      if (packed) {
        git(repo, "gc", "-q", "--prune=now");
      }
      List<String> expected = new java.util.ArrayList<>();
      for (String line : git(repo, "-c", "core.quotePath=false", "ls-tree", "-r", "-z", "v1.0.0").split("\0")) {
        if (!line.isEmpty() && !line.startsWith("160000")) {
          String mode = line.substring(0, 6);
          String id = line.substring(line.indexOf(' ', 7) + 1, line.indexOf('\t'));
          String kind = mode.equals("120000") ? "SYMLINK" : mode.equals("100755") ? "EXECUTABLE" : "FILE";
          expected.add(line.substring(line.indexOf('\t') + 1) + " " + kind + " " + id);
        }
      }
      assertEquals(names.size(), expected.size(), expected::toString);
      try (TemplateTrees.Tree t = fetcher.tree(repo.toString(), "v1.0.0")) {
        List<String> listed = t.files().stream().map(e -> e.path() + " " + e.mode() + " " + e.id()).toList();
        assertEquals(expected, listed, packed ? "packed" : "loose");
      }
    }
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    return out;
  }

  private static Map<String, byte[]> read(JGitTemplateFetcher fetcher, Path repo) {
    Map<String, byte[]> out = new TreeMap<>();
    try (TemplateTrees.Tree t = fetcher.tree(repo.toString(), "v1.0.0")) {
      for (TemplateTrees.Entry e : t.files()) {
        out.put(e.path(), t.read(e));
      }
    }
    return out;
  }

  @Test
  void callersWaitingOnAFetchThatFailsAllFail() throws Exception {
    JGitTemplateFetcher fetcher = new JGitTemplateFetcher();
    var calls = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Object>>();
    for (int i = 0; i < 3; i++) {
      calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> fetcher.tree("https://example.invalid/t.git", "v1")));
    }
    for (var c : calls) {
      var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> c.get(60, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof OperationException, String.valueOf(e.getCause()));
    }
  }
}
