package dev.scaffold.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.template.Syntax;
import dev.scaffold.testing.FileTree;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {

  @TempDir Path dir;

  private String render(TemplateEngine engine, String text, Map<String, ?> model) {
    StringWriter w = new StringWriter();
    engine.renderFile(text, "t.ftl", model, w);
    return w.toString();
  }

  @Test
  void numbersAndBooleansPrintForMachines() {
    TemplateEngine e = new TemplateEngine(dir, Syntax.ANGLE);
    assertEquals("8080 true", render(e, "${port} ${flag}", Map.of("port", 8080L, "flag", true)));
  }

  @Test
  void undefinedVariableIsAnErrorWithLineAndColumn() {
    TemplateEngine e = new TemplateEngine(dir, Syntax.ANGLE);
    InputException ex = assertThrows(InputException.class, () -> render(e, "ok\n  ${missing}", Map.of()));
    assertTrue(ex.problems().get(0).where().startsWith("t.ftl:2:"), ex.problems().toString());
    assertTrue(ex.problems().get(0).what().contains("missing"), ex.getMessage());
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() {
    TemplateEngine e = new TemplateEngine(dir, Syntax.ANGLE);
    InputException ex = assertThrows(InputException.class, () -> render(e, "a\nb <#if x>\n", Map.of("x", true)));
    assertTrue(ex.problems().get(0).where().startsWith("t.ftl:"), ex.getMessage());
    assertTrue(ex.getMessage().contains("syntax error"), ex.getMessage());
  }

  @Test
  void newBuiltinCannotReachJavaClasses() {
    TemplateEngine e = new TemplateEngine(dir, Syntax.ANGLE);
    InputException ex = assertThrows(InputException.class,
        () -> render(e, "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}", Map.of()));
    assertTrue(ex.getMessage().contains("Execute") || ex.getMessage().contains("not allowed"), ex.getMessage());
  }

  @Test
  void apiBuiltinIsDisabled() {
    TemplateEngine e = new TemplateEngine(dir, Syntax.ANGLE);
    InputException ex = assertThrows(InputException.class, () -> render(e, "${name?api.getClass()}", Map.of("name", "x")));
    assertTrue(ex.getMessage().contains("api"), ex.getMessage());
  }

  @Test
  void includesStayInsideTheTemplateTree() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    FileTree.write(tree, Map.of("part.ftl", "inner ${x}"));
    Files.writeString(dir.resolve("secret.txt"), "outside");
    TemplateEngine e = new TemplateEngine(tree, Syntax.ANGLE);
    assertEquals("[inner 1]", render(e, "[<#include \"part.ftl\">]", Map.of("x", 1L)));
    assertThrows(InputException.class, () -> render(e, "<#include \"../secret.txt\">", Map.of()));
    assertThrows(InputException.class, () -> render(e, "<#include \"/../secret.txt\">", Map.of()));
    Files.createSymbolicLink(tree.resolve("link.ftl"), dir.resolve("secret.txt"));
    assertThrows(InputException.class, () -> render(e, "<#include \"link.ftl\">", Map.of()));
  }

  @Test
  void includesFindNeitherFifosNorLinksOutNorLinkedFolders() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(dir.resolve("secret.txt"), "outside");
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(dir.resolve("elsewhere/part.ftl"), "outside");
    TemplateEngine e = new TemplateEngine(tree, Syntax.ANGLE);
    Files.createSymbolicLink(tree.resolve("hop.ftl"), Path.of("link2.ftl"));
    Files.createSymbolicLink(tree.resolve("link2.ftl"), dir.resolve("secret.txt"));
    Files.createSymbolicLink(tree.resolve("dir"), dir.resolve("elsewhere"));
    assertThrows(InputException.class, () -> render(e, "<#include \"hop.ftl\">", Map.of()));
    assertThrows(InputException.class, () -> render(e, "<#include \"dir/part.ftl\">", Map.of()));
    Process mkfifo = new ProcessBuilder("mkfifo", tree.resolve("pipe.ftl").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    InputException fifo = assertThrows(InputException.class, () -> render(e, "<#include \"pipe.ftl\">", Map.of()));
    assertTrue(fifo.getMessage().contains("pipe.ftl"), fifo.getMessage());
  }

  @Test
  void squareSyntaxLeavesDollarBracesAlone() {
    TemplateEngine e = new TemplateEngine(dir, Syntax.SQUARE);
    assertEquals("${project.version} demo yes", render(e, "${project.version} [=name] [#if on]yes[/#if]", Map.of("name", "demo", "on", true)));
    assertEquals("demo", e.renderSegment("[=name]", "seg", Map.of("name", "demo")));
    // scaffold.yml values keep ${} whatever the tree's syntax
    assertEquals("demo", e.expand("${name}", "yml", Map.of("name", "demo")));
  }

  @Test
  void testReadsBooleansAndRefusesOtherValues() {
    TemplateEngine e = TemplateEngine.forExpressions();
    assertTrue(e.test("${lang == 'python'}", "when", Map.of("lang", "python")));
    assertFalse(e.test("${lang == 'python'}", "when", Map.of("lang", "java")));
    assertThrows(InputException.class, () -> e.test("${lang}", "when", Map.of("lang", "java")));
  }
}
