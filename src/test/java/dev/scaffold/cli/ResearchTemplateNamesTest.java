package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The names the python-package template derives from {@code project_name}, where each lands in
 * the project, and the template's {@code summary:} key that lists them before writing; bad
 * names and broken summaries are refused with one line and nothing written.
 */
class ResearchTemplateNamesTest {

  @TempDir Path dir;

  private Cli.Run newProject(String... sets) {
    List<String> args = new ArrayList<>(List.of("new", "python-package", "--defaults", "--non-interactive", "--no-git",
        "--no-github", "--set", "author_name=Ada", "--set", "author_email=ada@example.com"));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    return Cli.run(dir, Map.of(), args.toArray(String[]::new));
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void templateTestWithPrefixesAndAnImage() throws IOException {
    Cli.Run r = newProject("project_name=template_test", "repo_prefix=rnd-", "dist_prefix=acme-", "container_image=true");
    assertEquals(0, r.exit(), r.err());

    Path out = dir.resolve("rnd-template-test"); // the default folder is the repository name
    assertEquals(List.of("rnd-template-test"), entries());
    String pyproject = Files.readString(out.resolve("pyproject.toml"));
    assertTrue(pyproject.contains("\nname = \"acme-rnd-template-test\"\n"), pyproject);
    assertTrue(pyproject.contains("Repository = \"https://github.com/acme/rnd-template-test\""), pyproject);
    assertTrue(pyproject.contains("packages = [\"src/template_test\"]"), pyproject);
    assertTrue(Files.isRegularFile(out.resolve("src/template_test/__init__.py")));
    assertTrue(Files.readString(out.resolve("src/template_test/__init__.py")).contains("version(\"acme-rnd-template-test\")"));
    assertTrue(Files.readString(out.resolve("tests/test_core.py")).contains("from template_test import slugify"));
    String readme = Files.readString(out.resolve("README.md"));
    for (String row : List.of("| repository | `acme/rnd-template-test` |", "| distribution (`pip install`) | `acme-rnd-template-test` |",
        "| import package | `template_test` |", "| container image | `ghcr.io/acme/rnd-template-test` |")) {
      assertTrue(readme.contains(row), row + " in README.md");
    }
    String dockerfile = Files.readString(out.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("org.opencontainers.image.title=\"acme-rnd-template-test\""), dockerfile);
    assertTrue(dockerfile.contains("import template_test;"), dockerfile);
    assertTrue(Files.readString(out.resolve(".github/workflows/ci.yml"))
        .contains("tags: ghcr.io/acme/rnd-template-test:${{ steps.tag.outputs.tag }}"));
    assertTrue(Files.readString(out.resolve(".github/workflows/release.yml"))
        .contains("ghcr.io/acme/rnd-template-test:${{ needs.version.outputs.version }}"));
  }

  @ParameterizedTest
  @CsvSource({
      "template_test, '', '', template-test, template-test, template_test",
      "Template_Test, rnd, acme, rnd-template-test, acme-rnd-template-test, template_test",
      "x9, lab., '', lab.-x9, lab.-x9, x9",
  })
  void namesFollowFromTheProjectNameAndPrefixes(String project, String repoPrefix, String distPrefix, String repo,
      String dist, String pkg) throws IOException {
    Cli.Run r = newProject("project_name=" + project, "repo_prefix=" + repoPrefix, "dist_prefix=" + distPrefix);
    assertEquals(0, r.exit(), r.err());
    Path out = dir.resolve(repo);
    assertTrue(Files.readString(out.resolve("pyproject.toml")).contains("\nname = \"" + dist + "\"\n"));
    assertTrue(Files.isDirectory(out.resolve("src/" + pkg)));
    assertFalse(Files.exists(out.resolve("Dockerfile")), "no image unless asked");
  }

  @ParameterizedTest
  @CsvSource({
      "project_name=template-test, project_name",
      "project_name=_x, project_name",
      "project_name=x__y, project_name",
      "project_name=9lives, project_name",
      "repo_prefix=-rnd, repo_prefix",
      "dist_prefix=Acme, dist_prefix",
      "image_registry=https://ghcr.io, image_registry",
      "admin_team=Research Team, admin_team",
      "second_team_permission=owner, second_team_permission",
  })
  void aBadNameIsRefusedAndNothingIsWritten(String set, String named) throws IOException {
    List<String> sets = new ArrayList<>(List.of(set));
    if (!set.startsWith("project_name=")) {
      sets.add("project_name=ok");
    }
    Cli.Run r = newProject(sets.toArray(String[]::new));
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(named), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals(List.of(), entries());
  }

  @Test
  void templateLintRendersEveryAnswersExampleAndTheSummary() {
    List<String> args = new ArrayList<>(List.of("template", "lint", "python-package"));
    for (String e : List.of("python-package", "python-package-conda", "python-package-image", "python-package-conda-image")) {
      args.addAll(List.of("--answers", Path.of("answers-examples", e + ".yml").toAbsolutePath().toString()));
    }
    Cli.Run r = Cli.run(dir, Map.of(), args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err() + r.out());
    assertTrue(r.out().startsWith("ok: python-package: scaffold.yml valid, ") && r.out().contains(", 4 answers example(s) render"), r.out());
  }

  @Test
  void theSecondTeamCannotBeTheAdminTeam() throws IOException {
    Cli.Run same = newProject("project_name=ok", "create_github_repo=true", "admin_team=mlops", "second_team=mlops");
    assertEquals(2, same.exit(), same.err());
    assertTrue(same.err().contains("second_team") && same.err().contains("other than the admin team"), same.err());
    Cli.Run bad = newProject("project_name=ok", "second_team=Research Team");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("second_team"), bad.err());
    assertEquals(List.of(), entries());
  }

  private Path template(String summary) throws IOException {
    Path t = dir.resolve("tpl");
    FileTree.write(t, Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\n    default: x\n" + summary,
        "template/README.md.ftl", "# ${name}\n"));
    return t;
  }

  @Test
  void aSummaryThatIsNotAMappingIsRefusedWithItsLine() throws IOException {
    template("summary: [Repository, Image]\n");
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--defaults", "--non-interactive", "--no-git");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("scaffold.yml") && r.err().contains("scaffold.yml:5:") && r.err().contains("`summary` must be a mapping"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aSummaryEntryThatIsNotTextIsRefused() throws IOException {
    template("summary:\n  Repository: {name: x}\n");
    Cli.Run r = Cli.run(dir, "template", "lint", "tpl");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("summary `Repository` must be text"), r.err());
  }

  @Test
  void aSummaryEntryThatCannotRenderStopsTheRunBeforeWritingInEveryMode() throws IOException {
    template("summary:\n  Repository: ${org}/${name}\n");
    Cli.Run r = Cli.run(dir, "new", "tpl", "out", "--defaults", "--non-interactive", "--no-git");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("summary `Repository`") && r.err().contains("org"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(List.of("tpl"), entries(), "no staging folder left");
  }
}
