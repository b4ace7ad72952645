package dev.scaffold.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.scaffold.InputException;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.Syntax;
import dev.scaffold.testing.FileTree;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {

  private static final Map<String, Object> MODEL = Map.of("slug", "demo", "docker", false, "name", "Demo", "pkg", "com/acme");

  private static RenderPlan plan(Path tree, List<String> exclude, Map<String, ?> model) {
    return new Renderer(new TemplateEngine(tree, Syntax.ANGLE)).plan(tree, "template", exclude, model);
  }

  @Test
  void rendersAGoldenTreeOnAnInMemoryFileSystem() throws Exception {
    try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "posix").build())) {
      Path tree = fs.getPath("/t/template");
      FileTree.write(tree, new TreeMap<>(Map.of(
          "${slug}/README.md.ftl", "# ${name}\n",
          "${slug}/ci.yml", "run: ${{ github.sha }}\n",
          "${slug}/${docker?then('Dockerfile','')}", "FROM x\n",
          "${slug}/src/${pkg}/App.java.ftl", "package ${pkg?replace('/', '.')};\n",
          "${slug}/build/junk.txt", "x",
          "${slug}/run.sh", "#!/bin/sh\n")));
      Files.setPosixFilePermissions(tree.resolve("${slug}/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
      TemplateEngine engine = new TemplateEngine(tree, Syntax.ANGLE);
      RenderPlan plan = new Renderer(engine).plan(tree, "template", List.of("build/"), MODEL);
      Path out = fs.getPath("/out");
      new TreeWriter(engine).write(plan, MODEL, out);
      assertEquals(Map.of(
          "demo/README.md", "# Demo\n",
          "demo/ci.yml", "run: ${{ github.sha }}\n",
          "demo/run.sh", "#!/bin/sh\n",
          "demo/src/com/acme/App.java", "package com.acme;\n"), FileTree.read(out));
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("demo/run.sh"))));
    }
  }

  @Test
  void binaryFilesAndLineEndingsAreCopiedByteForByte(@TempDir Path dir) throws Exception {
    Path tree = dir.resolve("template");
    Files.createDirectories(tree);
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }
    Files.write(tree.resolve("logo.png"), binary);
    byte[] crlf = "a ${x}\r\nb\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(tree.resolve("win.txt"), crlf);
    TemplateEngine engine = new TemplateEngine(tree, Syntax.ANGLE);
    new TreeWriter(engine).write(plan(tree, List.of(), Map.of()), Map.of(), dir.resolve("out"));
    assertArrayEquals(binary, Files.readAllBytes(dir.resolve("out/logo.png")));
    assertArrayEquals(crlf, Files.readAllBytes(dir.resolve("out/win.txt")));
  }

  @Test
  void renderedPathsThatLeaveTheDestinationAreRefused(@TempDir Path dir) {
    Path tree = FileTree.write(dir.resolve("template"), Map.of("${p}/x.txt", "x"));
    for (String hostile : List.of("..", "../../etc", "/etc", "a/../..", "a\\b")) {
      InputException e = assertThrows(InputException.class, () -> plan(tree, List.of(), Map.of("p", hostile)), hostile);
      assertTrue(e.getMessage().contains("template/${p}"), e.getMessage());
    }
  }

  @Test
  void symlinkOutOfTheTemplateIsRefused(@TempDir Path dir) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("template"));
    Files.writeString(dir.resolve("secret"), "s");
    Files.createSymbolicLink(tree.resolve("leak"), dir.resolve("secret"));
    InputException e = assertThrows(InputException.class, () -> plan(tree, List.of(), Map.of()));
    assertTrue(e.getMessage().contains("outside the template"), e.getMessage());
  }

  @Test
  void aTreeThatIsALinkIsRefusedBeforeItIsWalked(@TempDir Path dir) throws Exception {
    FileTree.write(dir.resolve("elsewhere"), Map.of("id_rsa", "s"));
    Path tree = Files.createSymbolicLink(dir.resolve("template"), dir.resolve("elsewhere"));
    InputException e = assertThrows(InputException.class, () -> plan(tree, List.of(), Map.of()));
    assertEquals("template/: is a symbolic link; the template tree must be a folder of the template itself", e.getMessage());
  }

  @Test
  void aChainOfLinksIsJudgedByItsEnd(@TempDir Path dir) throws Exception {
    Path tree = FileTree.write(dir.resolve("template"), Map.of("real.txt", "r"));
    Files.writeString(dir.resolve("secret"), "s");
    Files.createSymbolicLink(tree.resolve("ok"), Path.of("hop"));
    Files.createSymbolicLink(tree.resolve("hop"), Path.of("real.txt"));
    assertEquals(List.of("hop", "ok", "real.txt"), plan(tree, List.of(), Map.of()).files().stream().map(PlannedEntry::path).toList());
    Files.createSymbolicLink(tree.resolve("out"), Path.of("../secret"));
    Files.createSymbolicLink(tree.resolve("via"), Path.of("out"));
    InputException e = assertThrows(InputException.class, () -> plan(tree, List.of(), Map.of()));
    assertEquals(List.of("template/out", "template/via"), e.problems().stream().map(p -> p.where()).toList());
  }

  @Test
  void fifosAndLinksToThemAreRefusedUnopened(@TempDir Path dir) throws Exception {
    Path tree = FileTree.write(dir.resolve("template"), Map.of("a.txt", "a"));
    Process mkfifo = new ProcessBuilder("mkfifo", tree.resolve("pipe").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    Files.createSymbolicLink(tree.resolve("to-pipe.txt"), Path.of("pipe"));
    InputException e = assertThrows(InputException.class, () -> plan(tree, List.of("pipe", "to-pipe.txt"), Map.of()));
    // refused even where excluded: the walk meets it before any rule could use it
    assertEquals(List.of("template/pipe", "template/to-pipe.txt"), e.problems().stream().map(p -> p.where()).toList());
    assertTrue(e.problems().get(0).what().startsWith("is a FIFO, socket or device"), e.getMessage());
  }

  @Test
  void nothingGoesIntoGitWhetherTheTemplateHoldsItOrARenderMakesIt(@TempDir Path dir) {
    Path tree = FileTree.write(dir.resolve("template"), Map.of(".GIT/hooks/pre-commit", "x", "${d}/config", "y",
        "ok/${p}/x", "z"));
    InputException e = assertThrows(InputException.class, () -> plan(tree, List.of(), Map.of("d", "git~1", "p", "a/.git. ")));
    assertEquals(List.of("template/${d}: rendered path `git~1` names `.git`, where nothing is ever written; nothing was written",
        "template/.GIT: is a `.git` folder in the template; nothing is ever written into .git, and nothing was written",
        "template/ok/${p}: rendered path `a/.git. ` names `.git`, where nothing is ever written; nothing was written"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void twoFilesRenderingToOnePathIsAnError(@TempDir Path dir) {
    Path tree = FileTree.write(dir.resolve("template"), Map.of("${a}.txt", "1", "${b}.txt", "2"));
    InputException e = assertThrows(InputException.class, () -> plan(tree, List.of(), Map.of("a", "same", "b", "same")));
    assertTrue(e.getMessage().contains("renders to `same.txt`"), e.getMessage());
  }

  @Test
  void emptyFolderSegmentDropsEverythingBelow(@TempDir Path dir) {
    Path tree = FileTree.write(dir.resolve("template"), Map.of("${on?then('docs','')}/a.md", "a", "keep.md", "k"));
    RenderPlan p = plan(tree, List.of(), Map.of("on", false));
    assertEquals(List.of("keep.md"), p.files().stream().map(PlannedEntry::path).toList());
  }

  @Test
  void globsFollowGitignoreHabits() {
    Glob g = new Glob(List.of("*.pyc", "build/", "docs/**/*.tmp", "/top.txt"));
    assertTrue(g.matches("a/b/c.pyc"));
    assertTrue(g.matches("build/x/y"));
    assertTrue(g.matches("docs/a/b/c.tmp"));
    assertTrue(g.matches("docs/c.tmp"));
    assertTrue(g.matches("top.txt"));
    assertTrue(!g.matches("a/top.txt") && !g.matches("src/main.py"));
  }
}
