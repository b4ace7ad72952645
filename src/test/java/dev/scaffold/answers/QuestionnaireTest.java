package dev.scaffold.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.Progress;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.SpecReader;
import dev.scaffold.template.TemplateSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
