package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template lint}: every problem in one run, each once, with scaffold.yml or template file and line. */
class TemplateLintTest {

  @TempDir Path dir;

  private Cli.Run lint(Map<String, String> files, String... extra) {
    FileTree.write(dir.resolve("tpl"), files);
    String[] args = new String[extra.length + 3];
    args[0] = "template";
    args[1] = "lint";
    args[2] = "tpl";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Cli.run(dir, args);
  }

  private static List<String> problems(Cli.Run r) {
    return r.err().lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
  }

  @Test
  void withoutAnswersExamplesItRendersTheDefaultsAndFindsAnUndefinedVariable() {
    Cli.Run r = lint(Map.of(
        "scaffold.yml", "name: t\nquestions:\n  - name: who\n    validate: '^[a-z]+@[a-z.]+$'\n  - name: n\n    type: int\n    default: 3\n",
        "template/a.txt.ftl", "hello ${who}\n${n}\nline three ${nobody}\n"));
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, problems(r).size(), r.err());
    assertTrue(problems(r).get(0).startsWith("template/a.txt.ftl:3:"), r.err());
    assertTrue(problems(r).get(0).contains("nobody") && problems(r).get(0).endsWith("(with the questions' defaults)"), r.err());

    Cli.Run fine = lint(Map.of("scaffold.yml", "name: t\nquestions:\n  - name: who\n",
        "template/a.txt.ftl", "hello ${who}\n"));
    assertEquals(0, fine.exit(), fine.err());
    assertTrue(fine.out().contains("renders with the questions' defaults (no answers examples)"), fine.out());
  }

  @Test
  void anUnclosedIfIsReportedOnceAtTheLineWhereItOpens() {
    Cli.Run r = lint(Map.of(
        "scaffold.yml", "name: t\nquestions:\n  - name: x\n    type: bool\n    default: true\n",
        "answers-examples/a.yml", "x: true\n",
        "answers-examples/b.yml", "x: false\n",
        "template/a.txt.ftl", "one\ntwo\n  <#if x>\nthree\n<#list [1] as i>${i}</#list>\nfour\n"));
    assertEquals(2, r.exit(), r.err());
    assertEquals(List.of("template/a.txt.ftl:3:3: template syntax error: <#if> opened here is never closed (</#if> missing)"),
        problems(r), r.err());
  }

  @Test
  void squareSyntaxToo() {
    Cli.Run r = lint(Map.of("scaffold.yml", "name: t\nsyntax: square\n",
        "template/a.txt.ftl", "${maven}\n[#list [1,2] as i]\n[=i]\n"));
    assertEquals(List.of("template/a.txt.ftl:2:1: template syntax error: [#list] opened here is never closed ([/#list] missing)"),
        problems(r), r.err());
  }

  @Test
  void everyProblemInOneRunEachWithItsFileAndLine() throws Exception {
    Cli.Run r = lint(Map.of(
        "scaffold.yml", """
            name: t
            questions:
              - name: port
                type: int
                default: eighty
              - name: flavour
                type: choice
                choices: [vanilla, chocolate]
                default: strawberry
              - name: name
                default: demo
            message_after_new: 'cd ${missing_dir}'
            """,
        "template/ok.txt.ftl", "${name}\n",
        "template/bad.txt.ftl", "<#if name>\n",
        "template/undefined.txt.ftl", "a\n${nope}\n",
        "template/${nobody}/x.txt", "x\n"), "--json");
    assertEquals(2, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    List<String> found = new java.util.ArrayList<>();
    j.get("problems").forEach(p -> found.add(p.get("where").asText() + ": " + p.get("what").asText()));
    String all = String.join("\n", found);
    assertTrue(all.contains("scaffold.yml:5: question `port`: invalid default `eighty`"), all);
    assertTrue(all.contains("scaffold.yml:9: question `flavour`: invalid default `strawberry`"), all);
    assertTrue(all.contains("template/bad.txt.ftl:1:1: template syntax error: <#if> opened here is never closed"), all);
    assertEquals(1, found.stream().filter(p -> p.contains("bad.txt.ftl")).count(), all);
  }

  @Test
  void aScaffoldYmlTheReaderRefusesStillGetsItsTreeParsed() throws Exception {
    Cli.Run r = lint(Map.of("scaffold.yml", "name: t\nquestions:\n  - name: a\n    colour: red\n",
        "template/x.txt.ftl", "fine\n<#list xs as x>\n"), "--json");
    assertEquals(2, r.exit(), r.err());
    String all = new ObjectMapper().readTree(r.out()).get("problems").toString();
    assertTrue(all.contains("scaffold.yml:4") && all.contains("colour"), all);
    assertTrue(all.contains("template/x.txt.ftl:2:1") && all.contains("<#list> opened here is never closed"), all);
  }

  @Test
  void bundledTemplatesLintClean() {
    for (String t : List.of("java-library", "service")) {
      Cli.Run r = Cli.run(dir, "template", "lint", t);
      assertEquals(0, r.exit(), t + ": " + r.err());
    }
  }
}
