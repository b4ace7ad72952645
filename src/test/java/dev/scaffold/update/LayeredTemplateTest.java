package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI template (answers in {@code .scaffold/ci.yml}) applied on top of a project of the bundled
 * python-package template, in the project's own repository: each template updates only its own
 * files and records only its own version.
 */
class LayeredTemplateTest {

  @TempDir Path tmp;
  Path ci;
  Path lib;

  static Map<String, String> ci(String v, String extra) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", """
        name: ci
        answers_file: .scaffold/ci.yml
        questions:
          - name: python
            default: '3.12'
        """);
    t.put("template/.github/workflows/lint.yml.ftl", "python: ${python}\n# lint " + v + "\n");
    if (extra != null) {
      t.put("template/.github/labeler.yml", extra);
    }
    return t;
  }

  @BeforeEach
  void layered() throws Exception {
    ci = tmp.resolve("tpl-ci");
    version(ci, "v1.0.0", false, ci("1", null));
    version(ci, "v2.0.0", false, ci("2", "version: 2\n"));
    lib = tmp.resolve("lib");
    var made = cli(tmp, "new", "python-package", lib.toString(), "--non-interactive", "--defaults", "--set",
        "project_name=lib", "--set", "author_name=Ada", "--set", "author_email=ada@example.com", "--no-github");
    assertEquals(0, made.code(), made.err());
    var layered = cli(tmp, "new", ci.toString(), lib.toString(), "--version", "v1.0.0", "--force", "--non-interactive",
        "--defaults", "--no-github");
    assertEquals(0, layered.code(), layered.err());
    assertEquals("", git(lib, "status", "--porcelain"), "new --force committed in the project's repository");
  }

  @Test
  void theLayeredTemplateUpdatesItsOwnFilesAndAnswersOnly() throws Exception {
    String packageAnswers = read(lib.resolve(".scaffold-answers.yml"));
    String readme = read(lib.resolve("README.md"));
    var r = cli(lib, "update", "--answers-file", ".scaffold/ci.yml", "--commit", "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("python: 3.12\n# lint 2\n", read(lib.resolve(".github/workflows/lint.yml")));
    assertEquals("version: 2\n", read(lib.resolve(".github/labeler.yml")));
    assertEquals(List.of(".github/labeler.yml", ".github/workflows/lint.yml", ".scaffold/ci.yml"),
        git(lib, "show", "--name-only", "--format=", "HEAD").lines().sorted().toList());
    assertEquals(packageAnswers, read(lib.resolve(".scaffold-answers.yml")));
    assertEquals(readme, read(lib.resolve("README.md")));
    assertTrue(read(lib.resolve(".scaffold/ci.yml")).contains("_version: v2.0.0"));
  }

  @Test
  void withoutAnAnswersFileArgumentTheDefaultOneIsTakenAndUpdateAllTakesBoth() throws Exception {
    // .scaffold-answers.yml wins: the bundled template is at this scaffold's version, so nothing to do
    var plain = cli(lib, "update", "--non-interactive");
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().contains("is already at"), plain.out());
    assertEquals("", git(lib, "status", "--porcelain"));

    var all = cli(tmp, "update", "--all", "lib", "--commit", "--non-interactive");
    assertEquals(0, all.code(), all.out() + all.err());
    assertTrue(all.out().contains("[.scaffold-answers.yml]"), all.out());
    assertTrue(all.out().contains("[.scaffold/ci.yml]"), all.out());
    assertTrue(all.out().contains("2 projects: 1 updated, 1 already up to date."), all.out());
    String message = git(lib, "log", "-1", "--format=%B");
    assertTrue(message.startsWith("Update the template of .scaffold/ci.yml from v1.0.0 to v2.0.0"), message);
    assertEquals("", git(lib, "status", "--porcelain"));
  }

  @Test
  void severalAnswersFilesAndNoDefaultOneAskForAChoice() throws Exception {
    Files.move(lib.resolve(".scaffold-answers.yml"), lib.resolve(".scaffold/package.yml"));
    String text = read(lib.resolve(".scaffold/package.yml"));
    // as new writes it for a template whose answers_file is .scaffold/package.yml
    Files.writeString(lib.resolve(".scaffold/package.yml"), text.replaceFirst("(?m)^(_commit|_version)",
        "_answers_file: .scaffold/package.yml\n$1"));
    var r = cli(lib, "check");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("holds 2 answers files (.scaffold/ci.yml, .scaffold/package.yml); name one with "
        + "--answers-file"), r.err());
  }
}
