package dev.scaffold.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.Syntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan and write a small tree with and without the plain-file fast path: the results must not differ. */
class TreeWriterTest {

  private static final Map<String, Object> MODEL = Map.of("slug", "acme", "name", "Acme Co", "flag", true, "port", 8080L);

  @TempDir Path tmp;

  private Path template() throws IOException {
    Path t = tmp.resolve("template");
    write(t.resolve("${slug}/README.md.ftl"), "# ${name}\n\nrun <#if flag>with<#else>without</#if> docker\n");
    write(t.resolve("${slug}/pom.xml.ftl"), "<artifactId>${slug?upper_case}</artifactId>\n<#if flag>\n  <port>${port}</port>\n</#if>\n");
    write(t.resolve("${slug}/src/com/${slug}/App.java.ftl"), "package com.${slug};\r\nclass App {} // ${name}\r\n");
    write(t.resolve("${slug}/${flag?then(\"Dockerfile\",\"\")}.ftl"), "FROM scratch # ${slug}\n");
    write(t.resolve("${slug}/${flag?then(\"\",\"Nope\")}.ftl"), "dropped\n");
    write(t.resolve("${slug}/run.sh"), "#!/bin/sh\necho ${not_rendered}\n");
    Files.setPosixFilePermissions(t.resolve("${slug}/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    Files.createDirectories(t.resolve("${slug}/assets"));
    Files.write(t.resolve("${slug}/assets/logo.bin"), binary);
    write(t.resolve("${slug}/latin.txt.ftl"), "caf\u00e9 \u20ac ${name} \uD83D\uDE00\n");
    return t;
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static TemplateEngine engine(Path tree, boolean simple) {
    String old = System.getProperty("scaffold.simpleTemplates");
    System.setProperty("scaffold.simpleTemplates", Boolean.toString(simple));
    try {
      return new TemplateEngine(tree, Syntax.ANGLE);
    } finally {
      if (old == null) {
        System.clearProperty("scaffold.simpleTemplates");
      } else {
        System.setProperty("scaffold.simpleTemplates", old);
      }
    }
  }

  private Map<String, String> render(Path tree, boolean simple, String into) throws IOException {
    TemplateEngine engine = engine(tree, simple);
    RenderPlan plan = new Renderer(engine).plan(tree, "template", List.of(), MODEL);
    Path out = tmp.resolve(into);
    new TreeWriter(engine).write(plan, MODEL, out);
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(out.relativize(p).toString(),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  @Test
  void fastAndFreeMarkerWritesAreIdentical() throws IOException {
    Path tree = template();
    Map<String, String> fast = render(tree, true, "fast");
    Map<String, String> slow = render(tree, false, "slow");
    assertEquals(slow, fast);
    assertEquals(
        List.of("acme/Dockerfile", "acme/README.md", "acme/assets/logo.bin", "acme/latin.txt", "acme/pom.xml", "acme/run.sh",
            "acme/src/com/acme/App.java"),
        List.copyOf(fast.keySet()));
    Path out = tmp.resolve("fast/acme");
    assertEquals("# Acme Co\n\nrun with docker\n", Files.readString(out.resolve("README.md")));
    assertEquals("<artifactId>ACME</artifactId>\n  <port>8080</port>\n", Files.readString(out.resolve("pom.xml")));
    assertEquals("package com.acme;\r\nclass App {} // Acme Co\r\n", Files.readString(out.resolve("src/com/acme/App.java")));
    assertEquals("#!/bin/sh\necho ${not_rendered}\n", Files.readString(out.resolve("run.sh")));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("run.sh"))));
    assertEquals("caf\u00e9 \u20ac Acme Co \uD83D\uDE00\n", Files.readString(out.resolve("latin.txt")));
    assertArrayEquals(Files.readAllBytes(tree.resolve("${slug}/assets/logo.bin")), Files.readAllBytes(out.resolve("assets/logo.bin")));
  }

  @Test
  void errorsNameFileLineAndColumnEitherWay() throws IOException {
    Path tree = template();
    write(tree.resolve("${slug}/broken.txt.ftl"), "fine\nstill fine ${missing} here\n");
    for (boolean simple : new boolean[] {true, false}) {
      TemplateEngine engine = engine(tree, simple);
      RenderPlan plan = new Renderer(engine).plan(tree, "template", List.of(), MODEL);
      InputException e = assertThrows(InputException.class, () -> new TreeWriter(engine).write(plan, MODEL, tmp.resolve("err-" + simple)));
      assertTrue(e.getMessage().startsWith("template/${slug}/broken.txt.ftl:2:14: "), e.getMessage());
    }
  }

  @Test
  void planRefusesPathsThatLeaveTheDestination() throws IOException {
    Path tree = template();
    write(tree.resolve("${slug}/${'..'}/escape.txt"), "x");
    InputException e = assertThrows(InputException.class, () -> new Renderer(engine(tree, true)).plan(tree, "template", List.of(), MODEL));
    assertTrue(e.getMessage().contains("leaves the destination"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("escape.txt")));
  }

  @Test
  void neverWritesThroughALinkFoundInTheTarget() throws IOException {
    Path tree = template();
    TemplateEngine engine = engine(tree, true);
    RenderPlan plan = new Renderer(engine).plan(tree, "template", List.of(), MODEL);
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path out = Files.createDirectories(tmp.resolve("linked"));
    Files.createSymbolicLink(out.resolve("acme"), outside);

    InputException e = assertThrows(InputException.class, () -> new TreeWriter(engine).write(plan, MODEL, out));

    assertTrue(e.getMessage().startsWith(out.resolve("acme") + ": is a symbolic link in the destination"), e.getMessage());
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(List.of(), s.toList());
    }
  }

  /**
   * Rendered files are made with their source's mode where the umask leaves it whole, and given it
   * by chmod where it does not (group- or world-writable sources): either way the mode is exact.
   */
  @Test
  void renderedFilesGetTheirSourcesExactModes() throws IOException {
    Path t = tmp.resolve("modes");
    List<String> modes = List.of("rw-r--r--", "rwxr-xr-x", "rw-------", "rw-rw-rw-", "rwxrwxr-x", "r--r-----");
    for (int i = 0; i < modes.size(); i++) {
      for (int copy = 0; copy < 3; copy++) {
        Path f = t.resolve("d" + copy + "/f" + i + ".txt.ftl");
        write(f, "${name} " + i + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(modes.get(i)));
      }
    }
    TemplateEngine engine = engine(t, true);
    RenderPlan plan = new Renderer(engine).plan(t, "template", List.of(), MODEL);
    Path out = tmp.resolve("modes-out");
    new TreeWriter(engine).write(plan, MODEL, out);
    for (int i = 0; i < modes.size(); i++) {
      for (int copy = 0; copy < 3; copy++) {
        Path f = out.resolve("d" + copy + "/f" + i + ".txt");
        assertEquals(modes.get(i), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        assertEquals("Acme Co " + i + "\n", Files.readString(f));
      }
    }
  }

  @Test
  void umaskIsReadFromTheStatusFileOrUnknown() throws IOException {
    Path status = tmp.resolve("status");
    Files.writeString(status, "Name:\tjava\nUmask:\t0027\nState:\tR (running)\n");
    assertEquals(027, Umask.read(status));
    Files.writeString(status, "Name:\tjava\n");
    assertEquals(-1, Umask.read(status));
    assertEquals(-1, Umask.read(tmp.resolve("missing")));
    assertEquals(0754, Umask.bits(PosixFilePermissions.fromString("rwxr-xr--")));
    assertEquals(0, Umask.bits(PosixFilePermissions.fromString("---------")));
  }
}
