package dev.scaffold.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.Choice;
import dev.scaffold.template.SpecReader;
import dev.scaffold.template.TemplateSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionnaireTest {

  private static final TemplateSpec SPEC = SpecReader.read("""
      name: t
      questions:
        - name: project_name
          validate: '^[a-z][a-z0-9_]*$'
          help: lower case letters, digits and _
        - name: port
          type: int
          default: 8080
          min: 1024
          max: 65535
        - name: ratio
          type: number
          default: 0.5
        - name: docker
          type: bool
          default: true
        - name: lang
          type: choice
          choices: [java, python]
          default: java
        - name: python_version
          type: choice
          choices: ['3.10', '3.11']
          default: '3.11'
          when: ${lang == 'python'}
        - name: features
          type: multi
          choices: [web, db, cache]
          default: [web]
        - name: token
          type: secret
          required: false
        - name: slug
          default: ${project_name?replace('_', '-')}
      computed:
        repo: rnd-${slug}
      """, "scaffold.yml");

  private static Answers collect(Map<String, Object> set, Map<String, Object> file, Prompter prompter, boolean defaults) {
    Questionnaire q = new Questionnaire(SPEC, TemplateEngine.forExpressions(), Map.of(), Progress.NONE);
    return q.collect(new AnswerInputs(set, file, "answers.yml", Map.of()), prompter, defaults);
  }

  @Test
  void convertsToEveryTypeAndDerivesDefaultsFromEarlierAnswers() {
    Answers a = collect(Map.of("port", "9000", "docker", "no", "features", "db, web"),
        Map.of("project_name", "my_app", "ratio", new BigDecimal("0.25"), "lang", "python", "python_version", new BigDecimal("3.10")), null, false);
    assertEquals("my_app", a.values().get("project_name"));
    assertEquals(9000L, a.values().get("port"));
    assertEquals(new BigDecimal("0.25"), a.values().get("ratio"));
    assertEquals(false, a.values().get("docker"));
    assertEquals("3.10", a.values().get("python_version"));
    assertEquals(List.of("db", "web"), a.values().get("features"));
    assertEquals("my-app", a.values().get("slug"));
    assertEquals("rnd-my-app", a.values().get("repo"));
    assertEquals(AnswerSource.SET, a.sources().get("port"));
    assertEquals(AnswerSource.FILE, a.sources().get("project_name"));
    assertFalse(a.recordable().containsKey("repo"), "computed values are not recorded");
  }

  @Test
  void reportsEveryBadAndMissingAnswerAtOnce() {
    InputException e = assertThrows(InputException.class,
        () -> collect(Map.of("port", "80", "lang", "rust"), Map.of("docker", "perhaps"), null, false));
    List<String> where = e.problems().stream().map(Problem::where).toList();
    assertEquals(List.of("question `project_name`", "--set port", "answers.yml: docker", "--set lang"), where, e.problems().toString());
    assertTrue(e.problems().get(1).what().contains("at least 1024"));
    assertTrue(e.problems().get(2).what().contains("yes or no"));
    assertTrue(e.problems().get(3).what().contains("not one of java, python"));
  }

  @Test
  void unknownSetKeysAreErrors() {
    InputException e = assertThrows(InputException.class, () -> collect(Map.of("project_name", "a", "colour", "red"), Map.of(), null, true));
    assertEquals("--set colour", e.problems().get(0).where());
  }

  @Test
  void whenFalseSkipsTheQuestionAndItIsNotRecorded() {
    Answers a = collect(Map.of("project_name", "a"), Map.of(), null, true);
    assertEquals("3.11", a.values().get("python_version"));
    assertEquals(AnswerSource.SKIPPED, a.sources().get("python_version"));
    assertFalse(a.recordable().containsKey("python_version"));
  }

  @Test
  void secretsAreRenderedButNeverRecorded() {
    Answers a = collect(Map.of("project_name", "a", "token", "s3cr3t"), Map.of(), null, true);
    assertEquals("s3cr3t", a.values().get("token"));
    assertFalse(a.recordable().containsKey("token"));
    assertFalse(a.showable().containsKey("token"));
  }

  @Test
  void prompterIsAskedOnlyWhatNoSourceAnswersAndRetriesAreItsJob() {
    List<String> asked = new ArrayList<>();
    Prompter p = req -> {
      asked.add(req.question().name());
      AnswerCheck.Result bad = req.check().check("Not Valid");
      assertFalse(bad.ok());
      assertTrue(bad.error().contains("lower case letters"), bad.error());
      return req.check().check("from_prompt").value();
    };
    Answers a = collect(Map.of(), Map.of(), req -> {
      if (!req.question().name().equals("project_name")) {
        return req.check().check(req.defaultValue()).value();
      }
      return p.ask(req);
    }, false);
    assertEquals(List.of("project_name"), asked);
    assertEquals("from-prompt", a.values().get("slug"));
  }

  private static Answers collect(String yml, Map<String, Object> set, Prompter prompter) {
    TemplateSpec spec = SpecReader.read(yml, "scaffold.yml");
    return new Questionnaire(spec, TemplateEngine.forExpressions(), Map.of(), Progress.NONE)
        .collect(new AnswerInputs(set, Map.of(), "answers.yml", Map.of()), prompter, true);
  }

  /** copier's cast_to_bool: YAML's boolean words and nulls in any case, and numbers. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "true|true", "True|true", "TRUE|true", "yes|true", "Yes|true", "YES|true", "y|true", "Y|true", "on|true",
      "On|true", "ON|true", "t|true", "1|true", "0.5|true",
      "false|false", "False|false", "FALSE|false", "no|false", "No|false", "NO|false", "n|false", "N|false",
      "off|false", "Off|false", "OFF|false", "f|false", "null|false", "Null|false", "NULL|false", "~|false",
      "none|false", "None|false", "0|false", "''|false"})
  void whenAcceptsYamlBooleanWordsInAnyCase(String word, boolean asked) {
    for (String when : List.of("'" + word.replace("'", "") + "'", word, "'${w}'")) {
      String yml = """
          name: t
          questions:
            - name: w
              default: '%s'
            - name: q
              type: bool
              default: true
              when: %s
          """.formatted(word.replace("'", ""), when);
      Answers a = collect(yml, Map.of(), null);
      assertEquals(asked ? AnswerSource.DEFAULT : AnswerSource.SKIPPED, a.sources().get("q"), "when: " + when);
      assertEquals(!asked, !a.recordable().containsKey("q"), "when: " + when);
      assertEquals(true, a.values().get("q"));
    }
  }

  @Test
  void whenThatIsNoBooleanWordIsAnErrorNamingTheQuestion() {
    InputException e = assertThrows(InputException.class, () -> collect("""
        name: t
        questions:
          - name: q
            default: x
            when: '${"maybe"}'
        """, Map.of(), null));
    assertEquals("question `q` when", e.problems().get(0).where());
    assertTrue(e.problems().get(0).what().contains("gave `maybe`"), e.getMessage());
  }

  private static final String SKIPPED = """
      name: t
      questions:
        - name: docker
          type: bool
          default: false
        - name: compose
          type: bool
          default: ${(!docker)?c}
          when: ${docker?c}
        - name: port
          type: int
          default: '${docker?then(80, 8080)?c}'
          when: ${docker?c}
        - name: image
          validate: '^[a-z]+$'
          when: ${docker?c}
      """;

  @Test
  void aSkippedQuestionsDefaultKeepsItsType() {
    Answers a = collect(SKIPPED, Map.of(), null);
    assertEquals(Boolean.TRUE, a.values().get("compose"), "a bool stays a bool, not the text true");
    assertEquals(8080L, a.values().get("port"));
    assertEquals("", a.values().get("image"));
    assertEquals(Map.of("docker", false), a.recordable());
  }

  @Test
  void aValueSetForASkippedQuestionIsSeenButNotRecorded() {
    Answers a = collect(SKIPPED, Map.of("port", "9000", "image", "app"), null);
    assertEquals(9000L, a.values().get("port"));
    assertEquals("app", a.values().get("image"));
    assertEquals(AnswerSource.SKIPPED, a.sources().get("port"));
    assertEquals(Map.of("docker", false), a.recordable());

    InputException e = assertThrows(InputException.class, () -> collect(SKIPPED, Map.of("port", "http", "image", "App"), null));
    assertEquals(List.of("--set port", "--set image"), e.problems().stream().map(Problem::where).toList(), e.getMessage());
  }

  private static final String TEMPLATED = """
      name: t
      questions:
        - name: services
          type: multi
          choices: [api, worker, cron]
          default: [api, worker]
        - name: main
          type: choice
          choices: '[<#list services as s>"${s}"<#sep>, </#list>]'
          default: ${services[0]}
        - name: replicas
          type: int
          choices: {one: 1, '${services?size}': '${services?size}', ten: 10}
          default: 1
        - name: ratio
          type: number
          choices: [0.5, 1]
          default: 1
      """;

  @Test
  void templatedChoicesComeFromEarlierAnswers() {
    Answers a = collect(TEMPLATED, Map.of("services", "worker,cron", "main", "cron", "replicas", "2"), null);
    assertEquals("cron", a.values().get("main"));
    assertEquals(2L, a.values().get("replicas"), "the templated choice's value takes the int type");
    assertEquals(new BigDecimal("1"), a.values().get("ratio"));
    assertEquals(10L, collect(TEMPLATED, Map.of("replicas", "ten"), null).values().get("replicas"), "chosen by label");
    assertEquals(new BigDecimal("0.5"), collect(TEMPLATED, Map.of("ratio", "0.50"), null).values().get("ratio"));

    InputException e = assertThrows(InputException.class,
        () -> collect(TEMPLATED, Map.of("services", "api", "main", "worker", "replicas", "3", "ratio", "2"), null));
    assertEquals(List.of("--set main", "--set replicas", "--set ratio"), e.problems().stream().map(Problem::where).toList());
    assertTrue(e.problems().get(0).what().contains("`worker` is not one of api"), e.getMessage());
    assertTrue(e.problems().get(1).what().contains("`3` is not one of one, 1, ten"), e.getMessage());
  }

  @Test
  void thePrompterIsGivenTheRenderedChoices() {
    List<List<Choice>> shown = new ArrayList<>();
    TemplateSpec spec = SpecReader.read(TEMPLATED, "scaffold.yml");
    Answers a = new Questionnaire(spec, TemplateEngine.forExpressions(), Map.of(), Progress.NONE)
        .collect(new AnswerInputs(Map.of("services", List.of("cron", "api")), Map.of(), null, Map.of()), req -> {
          shown.add(req.question().choices());
          return req.check().check(req.question().choices().get(1).value()).value();
        }, false);
    assertEquals(List.of(new Choice("cron", "cron"), new Choice("api", "api")), shown.get(0));
    assertEquals(List.of(new Choice("one", 1L), new Choice("2", 2L), new Choice("ten", 10L)), shown.get(1));
    assertEquals("api", a.values().get("main"));
    assertEquals(2L, a.values().get("replicas"));
  }

  @Test
  void choicesThatRenderNothingOrTheWrongTypeAreErrorsNamingTheQuestion() {
    InputException empty = assertThrows(InputException.class, () -> collect("""
        name: t
        questions:
          - name: services
            type: multi
            choices: [api]
            default: []
          - name: main
            type: choice
            choices: '[<#list services as s>${s}<#sep>, </#list>]'
          - name: extras
            type: multi
            required: false
            choices: '${services?join(",")}'
        """, Map.of(), null));
    assertEquals(List.of("question `main`"), empty.problems().stream().map(Problem::where).toList(), empty.getMessage());
    assertTrue(empty.problems().get(0).what().contains("no choices"), empty.getMessage());

    InputException typed = assertThrows(InputException.class, () -> collect("""
        name: t
        questions:
          - name: n
            type: int
            choices: [1, two]
            default: 1
        """, Map.of(), null));
    assertEquals("question `n` choices", typed.problems().get(0).where());
    assertTrue(typed.problems().get(0).what().contains("`two` does not fit the question's type int"), typed.getMessage());
  }

  @Test
  void aSkippedQuestionWithoutDefaultLeavesItsChoicesUnrendered() {
    Answers a = collect("""
        name: t
        questions:
          - name: cloud
            type: bool
            default: false
          - name: region
            type: choice
            choices: '${regions_of_the_cloud}'
            when: ${cloud?c}
        """, Map.of(), null);
    assertEquals(Map.of("cloud", false), a.values(), "the undefined variable in choices is never rendered");
  }
}
