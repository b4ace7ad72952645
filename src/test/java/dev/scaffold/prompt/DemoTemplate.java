package dev.scaffold.prompt;

import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.Prompter;
import dev.scaffold.answers.Questionnaire;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.SpecReader;
import dev.scaffold.template.Syntax;
import dev.scaffold.template.TemplateSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A small template with one question of every type, written to a folder for tests. */
final class DemoTemplate {

  static final String SPEC = """
      name: demo
      description: Demo with one question of every type
      destination: ${project_name}
      questions:
        - name: project_name
          prompt: Project name
          help: Lower-case letters and digits, starting with a letter
          type: text
          validate: '^[a-z][a-z0-9]*$'
          required: true
        - name: port
          prompt: Port
          type: int
          default: 8080
          min: 1024
          max: 65535
        - name: ratio
          prompt: Sampling ratio
          type: number
          default: 0.5
        - name: use_docker
          prompt: Add a Dockerfile?
          type: bool
          default: false
        - name: base_image
          prompt: Base image
          type: choice
          choices: [alpine, debian]
          default: alpine
          when: ${use_docker?c}
        - name: license
          prompt: License
          type: choice
          choices: {MIT: mit, Apache License 2.0: apache, None: none}
          default: mit
        - name: features
          prompt: Features
          type: multi
          choices: [ci, docs, lint]
          default: [ci]
          required: true
        - name: api_token
          prompt: API token
          type: secret
        - name: description
          prompt: Description
          default: ${project_name} does things
      """;

  /** Types every question: name, port, ratio, docker no, license, features, token, description. */
  static String answerEverything(String name) {
    return name + "\r" + "\r" + "\r" + "\r" + "\r" + "\r" + "s3cr3t-token\r" + "\r";
  }

  private DemoTemplate() {}

  static TemplateSpec spec() {
    return SpecReader.read(SPEC, "scaffold.yml");
  }

  /** Writes the template (scaffold.yml and a small tree) under {@code dir} and returns its root. */
  static Path write(Path dir) {
    try {
      Path root = dir.resolve("demo-template");
      Files.createDirectories(root.resolve("template"));
      Files.writeString(root.resolve("scaffold.yml"), SPEC);
      Files.writeString(root.resolve("template/README.md.ftl"), "# ${project_name}\n\n${description}\nport ${port}\n");
      Files.writeString(root.resolve("template/token.txt.ftl"), "${api_token?length} characters\n");
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the real question loop of the core with {@code prompter}. */
  static Answers collect(Prompter prompter, Map<String, Object> set, boolean useDefaults, Path tree) {
    TemplateSpec spec = spec();
    Questionnaire q = new Questionnaire(spec, new TemplateEngine(tree, Syntax.ANGLE), Map.of(), Progress.NONE);
    return q.collect(new AnswerInputs(set, Map.of(), null, Map.of()), prompter, useDefaults);
  }
}
