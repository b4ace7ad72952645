package dev.scaffold.update;

import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/** Test kit: template versions built inline from path→text maps and tagged with JGit, plus an in-process CLI. */
final class TemplateFixture {

  static {
    FS.FileStoreAttributes.setBackground(true);
  }

  static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");

  /** A file whose text starts with this prefix is written executable (the prefix is dropped). */
  static final String EXEC = "#!exec\n";

  /** Binary content: a NUL byte makes git and scaffold treat it as binary. */
  static String binary(String marker) {
    return "\u0000BIN" + marker;
  }

  private TemplateFixture() {}

  /** Replaces everything in {@code root} but {@code .git} with the given files. */
  static void writeTree(Path root, Map<String, String> files) throws IOException {
    Files.createDirectories(root);
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.toList()) {
        if (!p.getFileName().toString().equals(".git")) {
          dev.scaffold.FileTrees.deleteRecursively(p);
        }
      }
    }
    for (var e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      String text = e.getValue();
      boolean exec = text.startsWith(EXEC);
      Files.writeString(p, exec ? text.substring(EXEC.length()) : text, StandardCharsets.ISO_8859_1);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  /** Commits the tree as the template's next version and tags it (annotated when asked). */
  static void version(Path repo, String tag, boolean annotated, Map<String, String> files) throws Exception {
    if (!Files.isDirectory(repo.resolve(".git"))) {
      Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
    }
    writeTree(repo, files);
    try (Git git = Git.open(repo.toFile())) {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      git.commit().setMessage("template " + tag).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
      if (tag != null) {
        var cmd = git.tag().setName(tag).setAnnotated(annotated);
        if (annotated) {
          cmd.setTagger(WHO).setMessage(tag).setSigned(false);
        }
        cmd.call();
      }
    }
  }

  /** Every file under root but .git, as path → text (ISO-8859-1, so binary bytes survive). */
  static Map<String, String> readTree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".git/")) {
          out.put(rel, Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return out;
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.ISO_8859_1);
  }

  static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
  }

  /** Commits everything in a project, as a user would before updating. */
  static void commitAll(Path project, String message) throws Exception {
    try (Git git = Git.open(project.toFile())) {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }
  }

  /** The outcome of one in-process CLI run. */
  record Run(int code, String out, String err) {}

  static Run cli(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), Map.of(), cwd, false);
    int code = ScaffoldCli.run(ctx, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs the real git, for checks independent of scaffold's own git code. */
  static String git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + text);
    }
    return text;
  }
}
