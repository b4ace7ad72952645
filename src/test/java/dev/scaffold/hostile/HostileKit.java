package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Shared by the hostile-template tests: a sentinel secret beside the template, the checks every
 * refusal must pass, and git template versions written object by object, so that a tree can hold
 * what {@code git add} would refuse ({@code .git} entries, links anywhere).
 */
final class HostileKit {

  /** The sentinel's text: YAML-looking, so that a parse error quoting it would show. */
  static final String SECRET = "TOP-SECRET-7f3a9c: [ -----BEGIN OPENSSH PRIVATE KEY-----";

  static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");

  private HostileKit() {}

  /** Writes the sentinel {@code secret/id_rsa} (and {@code secret/tree/x.txt}) under {@code dir}. */
  static Path secret(Path dir) throws IOException {
    Path s = dir.resolve("secret");
    Files.createDirectories(s.resolve("tree"));
    Files.writeString(s.resolve("id_rsa"), SECRET);
    Files.writeString(s.resolve("tree/x.txt"), SECRET);
    return s.resolve("id_rsa");
  }

  /** A refused template: exit 2, one error line naming {@code named}, no stack trace, no secret. */
  static void assertRefused(Cli.Run r, String... named) {
    assertEquals(2, r.exit(), r.err());
    // the error line, and the problems listed under it when there are several
    int at = r.err().indexOf("error: ");
    assertTrue(at >= 0, "no error line: " + r.err());
    String error = r.err().substring(at);
    for (String n : named) {
      assertTrue(error.contains(n), "the error should name `" + n + "`: " + r.err());
    }
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
    assertFalse(r.err().contains("TOP-SECRET") || r.out().contains("TOP-SECRET"), "the secret leaked: " + r.err());
  }

  /** Asserts that no file under {@code root} holds the secret. */
  static void assertNoSecretUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var s = Files.walk(root)) {
      for (Path p : s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        if (!p.startsWith(root.resolve("secret"))) {
          assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains("TOP-SECRET"), p + " holds the secret");
        }
      }
    }
  }

  /** One stored file: its git mode and bytes (a link's bytes are its target). */
  record Blob(FileMode mode, byte[] bytes) {
    static Blob file(String text) {
      return new Blob(FileMode.REGULAR_FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    static Blob link(String target) {
      return new Blob(FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Text files, for {@link #version}. */
  static Map<String, Blob> files(Map<String, String> texts) {
    Map<String, Blob> out = new TreeMap<>();
    texts.forEach((k, v) -> out.put(k, Blob.file(v)));
    return out;
  }

  /**
   * Commits {@code files} (path → blob) as the next commit of {@code main} in the repository at
   * {@code repo} (created if needed, its work tree left empty) and tags it {@code tag}.
   */
  static void version(Path repo, String tag, Map<String, Blob> files) throws Exception {
    if (!Files.isDirectory(repo.resolve(".git"))) {
      Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
    }
    try (Git git = Git.open(repo.toFile()); ObjectInserter ins = git.getRepository().newObjectInserter()) {
      Repository r = git.getRepository();
      ObjectId tree = tree(ins, "", new TreeMap<>(files));
      CommitBuilder c = new CommitBuilder();
      c.setTreeId(tree);
      c.setAuthor(WHO);
      c.setCommitter(WHO);
      c.setMessage("template " + tag);
      ObjectId head = r.resolve("refs/heads/main");
      if (head != null) {
        c.setParentId(head);
      }
      ObjectId commit = ins.insert(c);
      ins.flush();
      update(r, "refs/heads/main", commit);
      update(r, Constants.R_TAGS + tag, commit);
    }
  }

  private static void update(Repository r, String ref, ObjectId id) throws IOException {
    RefUpdate u = r.updateRef(ref);
    u.setNewObjectId(id);
    u.setForceUpdate(true);
    RefUpdate.Result res = u.update();
    if (res != RefUpdate.Result.NEW && res != RefUpdate.Result.FORCED && res != RefUpdate.Result.FAST_FORWARD) {
      throw new IOException("cannot update " + ref + ": " + res);
    }
  }

  /** The tree of the files under {@code prefix}, in git's order (a folder sorts as if its name ended in /). */
  private static ObjectId tree(ObjectInserter ins, String prefix, TreeMap<String, Blob> files) throws IOException {
    TreeMap<String, Object> entries = new TreeMap<>();
    for (var e : files.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      String rest = e.getKey().substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        entries.put(rest, e.getValue());
      } else {
        entries.putIfAbsent(rest.substring(0, slash) + "/", rest.substring(0, slash));
      }
    }
    TreeFormatter f = new TreeFormatter();
    for (var e : entries.entrySet()) {
      if (e.getValue() instanceof Blob b) {
        f.append(e.getKey(), b.mode(), ins.insert(Constants.OBJ_BLOB, b.bytes()));
      } else {
        String name = (String) e.getValue();
        f.append(name, FileMode.TREE, tree(ins, prefix + name + "/", files));
      }
    }
    return ins.insert(f);
  }
}
