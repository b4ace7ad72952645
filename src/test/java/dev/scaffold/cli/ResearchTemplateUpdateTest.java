package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of python-package that restate answers (README, CODEOWNERS, pyproject.toml) are not
 * {@code skip_if_exists}: changing an answer with {@code update --set} reaches them through the
 * three-way merge, and the user's own edits stay.
 */
class ResearchTemplateUpdateTest {

  @TempDir Path dir;

  @Test
  void changingAnAnswerUpdatesTheFilesThatRestateItAndKeepsTheUsersEdits() throws Exception {
    Path out = dir.resolve("proj");
    Cli.Run made = Cli.run(dir, Map.of(), "new", "python-package", out.toString(), "--defaults", "--non-interactive",
        "--no-github", "--set", "project_name=template_test", "--set", "author_name=Ada", "--set", "author_email=ada@example.com");
    assertEquals(0, made.exit(), made.err());
    Path readme = out.resolve("README.md");
    Files.writeString(readme, Files.readString(readme) + "\n## Notes\n\nOur own notes.\n");
    dev.scaffold.testing.Git.run(out, "commit", "-qam", "docs: notes");

    Cli.Run r = Cli.run(dir, Map.of(), "update", out.toString(), "--non-interactive", "--defaults",
        "--set", "repo_prefix=rnd-", "--set", "description=Models of the climate");
    assertEquals(0, r.exit(), r.err() + r.out());

    String text = Files.readString(readme);
    assertTrue(text.contains("| repository | `acme/rnd-template-test` |"), text);
    assertTrue(text.contains("Models of the climate"), text);
    assertTrue(text.endsWith("## Notes\n\nOur own notes.\n"), "the user's edit is kept:\n" + text);
    String pyproject = Files.readString(out.resolve("pyproject.toml"));
    assertTrue(pyproject.contains("name = \"rnd-template-test\"") && pyproject.contains("description = \"Models of the climate\""),
        pyproject);
    assertFalse(Files.readString(out.resolve(".scaffold-answers.yml")).contains("repo_prefix: \"\""));
  }
}
