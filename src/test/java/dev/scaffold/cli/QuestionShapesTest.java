package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `scaffold new` end to end with templated choices and `when` as copier reads them. */
class QuestionShapesTest {

  @TempDir Path dir;

  private static final String SKIPPING = """
      name: demo
      questions:
        - name: docker
          type: bool
          default: false
        - name: compose
          type: bool
          default: ${(!docker)?c}
          when: %s
        - name: port
          type: int
          default: 8080
          when: ${docker?c}
      """;

  private Map<String, String> run(String yml, Map<String, String> files, String... set) {
    Map<String, String> tree = new java.util.HashMap<>();
    files.forEach((name, text) -> tree.put("template/" + name, text));
    tree.put("scaffold.yml", yml);
    FileTree.write(dir.resolve("tpl"), tree);
    String[] args = new String[4 + set.length * 2];
    System.arraycopy(new String[] {"new", "tpl", "out", "--no-git"}, 0, args, 0, 4);
    for (int i = 0; i < set.length; i++) {
      args[4 + 2 * i] = "--set";
      args[5 + 2 * i] = set[i];
    }
    Cli.Run r = Cli.run(dir, Map.of(), args);
    assertEquals(0, r.exit(), r.err());
    return FileTree.read(dir.resolve("out"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "yes|true", "YES|true", "'\"Yes\"'|true", "on|true", "On|true", "y|true", "Y|true", "'${\"on\"}'|true", "1|true",
      "no|false", "No|false", "off|false", "OFF|false", "n|false", "N|false", "null|false", "Null|false", "~|false",
      "'\"NULL\"'|false", "'${\"off\"}'|false", "0|false"})
  void eachWhenWordAsksOrSkipsAndASkippedQuestionIsNotRecorded(String when, boolean asked) {
    Map<String, String> out = run(SKIPPING.formatted(when), Map.of("compose.txt.ftl", "${compose?then('on', 'off')}"));
    assertEquals("on", out.get("compose.txt"), "a skipped bool default stays a bool: ?then needs one");
    assertEquals(asked, out.get(".scaffold-answers.yml").contains("compose: true"), out.get(".scaffold-answers.yml"));
  }

  @Test
  void aValueSetForASkippedQuestionReachesTheTemplatesButNotTheAnswersFile() {
    Map<String, String> out = run(SKIPPING.formatted("${docker?c}"), Map.of("port.txt.ftl", "${port + 1}"), "port=9000");
    assertEquals("9001", out.get("port.txt"), "an int, not the text 9000");
    String answers = out.get(".scaffold-answers.yml");
    assertTrue(answers.contains("docker: false"), answers);
    assertFalse(answers.contains("port") || answers.contains("compose"), answers);
  }

  private static final String CHOOSING = """
      name: demo
      questions:
        - name: services
          type: multi
          choices: [api, worker, cron]
          default: [api]
        - name: main
          type: choice
          choices: '[<#list services as s>"${s}"<#sep>, </#list>]'
          default: ${services[0]}
        - name: replicas
          type: int
          choices: {one: 1, 'one per service': '${services?size}'}
          default: 1
      """;

  @Test
  void templatedChoicesAreRecordedAndRendered() {
    Map<String, String> out = run(CHOOSING, Map.of("run.txt.ftl", "${main} x${replicas * 2}"),
        "services=worker,cron", "main=cron", "replicas=one per service");
    assertEquals("cron x4", out.get("run.txt"));
    String answers = out.get(".scaffold-answers.yml");
    assertTrue(answers.contains("main: cron") && answers.contains("replicas: 2"), answers);
  }

  @Test
  void anIntOutsideItsChoicesIsExit2NamingTheQuestion() {
    FileTree.write(dir.resolve("tpl"), Map.of("scaffold.yml", CHOOSING, "template/a.txt", "a"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--no-git", "--set", "replicas=5");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--set replicas: question `replicas`: `5` is not one of one, one per service"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void choicesThatRenderNoneAreExit2NamingTheQuestion() {
    FileTree.write(dir.resolve("tpl"), Map.of("scaffold.yml", CHOOSING.replace("default: [api]", "default: []")
        .replace("default: ${services[0]}", "required: true"), "template/a.txt", "a"));
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--no-git");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("question `main`: `choices` gave no choices"), r.err());
  }
}
