package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

  @Test
  void readsEveryPartOfTheSpecShape() {
    TemplateSpec spec = SpecReader.read("""
        name: python-package
        description: Python package
        questions:
          - name: project_name
            prompt: What is your project name?
            help: Letters, digits and _ only
            type: text
            validate: '^[a-z][a-z0-9_]*$'
            required: true
          - name: dependency_tool
            type: choice
            choices: [uv, conda]
            default: uv
          - name: python_version
            type: choice
            choices: ['3.9', '3.10']
            default: '3.10'
            when: ${dependency_tool == 'uv'}
          - name: licence
            type: choice
            choices: {MIT licence: mit, None: none}
            default: mit
        computed:
          repo_name: rnd-${project_name?replace('_', '-')}
        exclude: ['*.pyc']
        skip_if_exists: [README.md]
        github:
          enabled: ${create_github_repo?c}
          teams: {mlops: admin}
          protection:
            required_approving_review_count: 1
            required_status_checks: [ci]
          pull_request:
            branch: scaffold/initial
        tasks:
          - command: [git, status]
            when: ${true}
        """, "scaffold.yml");
    assertEquals("python-package", spec.name());
    assertEquals("template", spec.subdirectory());
    assertEquals(Syntax.ANGLE, spec.syntax());
    assertEquals(4, spec.questions().size());
    Question q = spec.questions().get(0);
    assertTrue(q.required());
    assertEquals(QuestionType.TEXT, q.type());
    assertEquals(QuestionType.CHOICE, spec.questions().get(1).type());
    assertEquals(List.of("3.9", "3.10"), spec.questions().get(2).choices().stream().map(Choice::value).toList());
    assertEquals("3.10", spec.questions().get(2).defaultValue());
    assertEquals(new Choice("MIT licence", "mit"), spec.questions().get(3).choices().get(0));
    assertEquals("rnd-${project_name?replace('_', '-')}", spec.computed().get("repo_name"));
    assertEquals(List.of("git", "status"), spec.tasks().get(0).command());
    assertEquals(java.util.Map.of("mlops", "admin"), spec.github().get("teams"));
  }

  @Test
  void reportsEveryUnknownKeyAndWrongShapeWithItsLine() {
    InputException e = assertThrows(InputException.class, () -> SpecReader.read("""
        name: t
        questionz: []
        questions:
          - name: a
            type: strange
          - name: b
            type: choice
            colour: red
        tasks:
          - command: echo hi
        """, "t/scaffold.yml"));
    List<String> where = e.problems().stream().map(Problem::where).toList();
    assertTrue(where.contains("t/scaffold.yml:2"), where.toString());
    assertTrue(where.contains("t/scaffold.yml:5"), where.toString());
    assertTrue(where.contains("t/scaffold.yml:8"), where.toString());
    assertTrue(where.contains("t/scaffold.yml:10"), where.toString());
    assertTrue(e.problems().stream().anyMatch(p -> p.what().contains("unknown key `questionz`")));
    assertTrue(e.problems().stream().anyMatch(p -> p.what().contains("needs `choices`")));
    assertTrue(e.problems().stream().anyMatch(p -> p.what().contains("argv form")));
  }

  @Test
  void malformedYamlNamesFileLineAndColumn() {
    InputException e = assertThrows(InputException.class, () -> SpecReader.read("name: x\nquestions: [\n  - a\n", "bad.yml"));
    assertTrue(e.problems().get(0).where().startsWith("bad.yml:"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
  }

  @Test
  void squareSyntaxAndBadRegexAndDuplicateQuestions() {
    assertEquals(Syntax.SQUARE, SpecReader.read("name: x\nsyntax: square\n", "s.yml").syntax());
    InputException e = assertThrows(InputException.class, () -> SpecReader.read("""
        name: x
        questions:
          - name: a
            validate: '[a-'
          - name: a
        """, "s.yml"));
    assertTrue(e.getMessage().contains("2 problems") || e.problems().size() == 2, e.getMessage());
    assertTrue(e.problems().stream().anyMatch(p -> p.what().contains("not a valid regular expression")));
    assertTrue(e.problems().stream().anyMatch(p -> p.what().contains("defined twice")));
  }

  @Test
  void minAndMaxBeyondIntAreErrorsNotWrappedValues() {
    InputException e = assertThrows(InputException.class, () -> SpecReader.read(
        "name: x\nquestions:\n  - name: n\n    type: int\n    min: 4294967296\n    max: 99999999999999999999\n", "s.yml"));
    assertTrue(e.problems().stream().anyMatch(p -> p.where().equals("s.yml:5")
        && p.what().equals("`min` must be a whole number between -2147483648 and 2147483647")), e.problems().toString());
    assertTrue(e.problems().stream().anyMatch(p -> p.where().equals("s.yml:6") && p.what().contains("`max`")), e.problems().toString());
  }

  @Test
  void choicesMayBeAnExpressionAndWhenNullSkips() {
    TemplateSpec spec = SpecReader.read("""
        name: t
        questions:
          - name: services
            type: multi
            choices: [api, worker]
          - name: main
            type: choice
            choices: '[<#list services as s>"${s}"<#sep>, </#list>]'
          - name: size
            type: int
            choices: {small: 1, '${main} large': 2}
          - name: never
            when: ~
            default: x
        """, "scaffold.yml");
    Question main = spec.question("main").orElseThrow();
    assertEquals("[<#list services as s>\"${s}\"<#sep>, </#list>]", main.choicesExpression());
    assertEquals(List.of(), main.choices());
    assertTrue(main.hasTemplatedChoices());
    Question size = spec.question("size").orElseThrow();
    assertEquals(List.of(new Choice("small", 1L), new Choice("${main} large", 2L)), size.choices());
    assertTrue(size.hasTemplatedChoices());
    assertFalse(spec.question("services").orElseThrow().hasTemplatedChoices());
    assertEquals("false", spec.question("never").orElseThrow().when(), "YAML null is false, as copier casts it");
    assertNull(spec.question("services").orElseThrow().when());
  }

  @Test
  void aChoiceExpressionMustRenderAListOrMapping() {
    assertEquals(List.of(new Choice("a", "a"), new Choice("2", 2L)), ChoiceReader.parse("[a, 2]", "q"));
    assertEquals(List.of(new Choice("Big", "b")), ChoiceReader.parse("{\"Big\": \"b\"}", "q"));
    assertEquals(List.of(), ChoiceReader.parse("", "q"));
    InputException scalar = assertThrows(InputException.class, () -> ChoiceReader.parse("just text", "question `q` choices"));
    assertEquals("question `q` choices", scalar.problems().get(0).where());
    assertTrue(scalar.problems().get(0).what().contains("must render a YAML list or mapping"), scalar.getMessage());
    InputException nested = assertThrows(InputException.class, () -> ChoiceReader.parse("[[a, b]]", "q"));
    assertTrue(nested.problems().get(0).what().contains("plain value"), nested.getMessage());
  }
}

