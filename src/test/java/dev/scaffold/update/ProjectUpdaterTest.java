package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.commitAll;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.jgit.JGitClient;
import dev.scaffold.jgit.JGitTemplateFetcher;
import dev.scaffold.jgit.JGitTextMerge;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.TemplateResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update use case driven directly, with a fake {@link ChangePublisher} standing in for GitHub. */
class ProjectUpdaterTest {

  @TempDir Path tmp;

  @Test
  void pullRequestPublishesTheCommittedBranchWithVersionsAndConflictsInTheBody() throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, UpdateCommandTest.v1());
    version(template, "v2.0.0", false, UpdateCommandTest.v2());
    Path project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--non-interactive", "--defaults").code());
    write(project.resolve("README.md"), "# demo\n\nLine A\nLine B mine\nLine C\nLine D\nLine E\nLine F\nLine G\n");
    commitAll(project, "edit");

    List<ChangePublisher.Change> published = new ArrayList<>();
    ChangePublisher fake = change -> {
      published.add(change);
      return "https://github.example/acme/proj/pull/7";
    };
    List<String> steps = new ArrayList<>();
    Progress progress = new Progress() {
      @Override
      public void step(String message) {
        steps.add(message);
      }
    };
    TemplateResolver resolver = new TemplateResolver(BundledTemplates.fromEnvironment(Map.of()), new JGitTemplateFetcher(),
        tmp, progress);
    ProjectUpdater updater = new ProjectUpdater(resolver, new JGitTemplateFetcher(), new JGitClient(),
        new JGitTextMerge(), fake, progress);
    UpdateResult r = updater.update(new UpdateRequest(project, null, false, AnswerInputs.none(), null, true,
        ConflictStyle.INLINE, false, false, false, false, true));

    assertEquals("https://github.example/acme/proj/pull/7", r.pullRequest());
    assertEquals("scaffold/update-v2.0.0", r.branch());
    assertEquals(List.of("README.md"), r.conflicts().stream().map(FileOutcome::path).toList());
    assertEquals(1, published.size());
    ChangePublisher.Change c = published.get(0);
    assertEquals("scaffold/update-v2.0.0", c.branch());
    assertEquals("main", c.baseBranch());
    assertEquals("[conflicts] Update demo template from v1.0.0 to v2.0.0", c.title(), "conflicts show in the title");
    assertTrue(c.body().startsWith("Updates the project's template from **v1.0.0** to **v2.0.0**."), c.body());
    assertTrue(c.body().contains("### Conflicts to resolve\n\n- `README.md`: 1 conflict marked in the file\n"), c.body());
    assertTrue(c.body().contains("- added: 2\n"), c.body());
    // the branch is committed before it is published, and holds the conflict for review
    assertEquals(r.commit(), git(project, "rev-parse", "scaffold/update-v2.0.0").strip());
    assertTrue(git(project, "show", "HEAD:README.md").contains("<<<<<<< yours\nLine B mine\n"));
    assertTrue(steps.contains("push scaffold/update-v2.0.0 and open a pull request"), steps.toString());
  }
}
