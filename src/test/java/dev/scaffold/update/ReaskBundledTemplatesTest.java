package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.answers.AnswersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled java-library and service templates: README.md and CODEOWNERS restate answers, so
 * changing an answer on update merges them (the user's edit kept) instead of leaving them stale.
 */
class ReaskBundledTemplatesTest {

  @TempDir Path tmp;

  static Stream<Arguments> changes() {
    return Stream.of(
        // template, answers changed on update, what README.md must then say, what CODEOWNERS must say
        Arguments.of("java-library", List.of("--set", "license=MIT"), "MIT, see [LICENSE](LICENSE).",
            "@acme/platform"),
        Arguments.of("java-library", List.of("--ask", "owning_team", "--set", "owning_team=billing"),
            "`@acme/billing` reviews every change", "@acme/billing"),
        Arguments.of("service", List.of("--set", "owning_team=edge"), "`@acme/edge` reviews every change",
            "@acme/edge"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource
  void changes(String template, List<String> change, String readme, String owners) throws Exception {
    Path project = tmp.resolve("proj");
    Path answers = Path.of("answers-examples", template + ".yml").toAbsolutePath();
    var n = cli(tmp, "new", template, project.toString(), "--answers", answers.toString(), "--non-interactive");
    assertEquals(0, n.code(), n.err());
    // the user's own line in the README survives the merge
    String original = read(project.resolve("README.md"));
    String edited = original.replaceFirst("\n", "\n\nOur own note, kept by updates.\n");
    Files.writeString(project.resolve("README.md"), edited);
    TemplateFixture.commitAll(project, "my note");

    List<String> args = new ArrayList<>(List.of("update", project.toString(), "--non-interactive"));
    args.addAll(change);
    var r = cli(tmp, args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err() + r.out());
    String now = read(project.resolve("README.md"));
    assertTrue(now.contains("Our own note, kept by updates."), now);
    assertTrue(now.contains(readme), now);
    assertTrue(read(project.resolve(".github/CODEOWNERS")).contains(owners));
    if (change.contains("license=MIT")) {
      assertFalse(now.contains("Apache License 2.0"), now);
      assertTrue(read(project.resolve("LICENSE")).startsWith("MIT License"), read(project.resolve("LICENSE")));
      assertEquals("MIT", AnswersFile.readRecorded(project).answers().get("license"));
    }
    assertFalse(git(project, "status", "--porcelain").contains("??"), "no stray files");
    assertFalse(now.contains("<<<<<<<"), now);
  }
}
