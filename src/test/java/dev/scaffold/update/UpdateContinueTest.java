package dev.scaffold.update;

import static dev.scaffold.update.ConflictsInTheIndexTest.TEXT_MINE;
import static dev.scaffold.update.ConflictsInTheIndexTest.TEXT_V1;
import static dev.scaffold.update.ConflictsInTheIndexTest.TEXT_V2;
import static dev.scaffold.update.ConflictsInTheIndexTest.files;
import static dev.scaffold.update.ConflictsInTheIndexTest.stages;
import static dev.scaffold.update.ConflictsInTheIndexTest.status;
import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.commitAll;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.answers.AnswersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code update --commit} that stops with conflicts, and {@code update --continue} that finishes it. */
class UpdateContinueTest {

  static final String BRANCH = "scaffold/update-v2.0.0";

  @TempDir Path tmp;
  Path project;
  String mainBefore;

  @BeforeEach
  void stoppedUpdate() throws Exception {
    Path template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, files("README.md", TEXT_V1, "config.txt", TEXT_V1));
    version(template, "v2.0.0", false, files("README.md", TEXT_V2, "config.txt", "a\nb\nc\nd\ne\nf\ng (v2)\n"));
    project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--non-interactive", "--defaults").code());
    write(project.resolve("README.md"), TEXT_MINE);
    commitAll(project, "my edit");
    mainBefore = git(project, "rev-parse", "HEAD").strip();

    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--commit");
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Not committed: the update is in progress on branch " + BRANCH), r.out());
    assertTrue(r.out().contains("`git add` each file, then `git commit`"), r.out());
    assertTrue(r.out().contains("scaffold update --continue"), r.out());
  }

  @Test
  void commitWithConflictsStopsOnTheBranchWithNothingCommitted() throws Exception {
    assertEquals(BRANCH, git(project, "branch", "--show-current").strip());
    assertEquals(mainBefore, git(project, "rev-parse", "HEAD").strip(), "no commit holds the markers");
    assertEquals(Map.of("README.md", "123"), stages(project));
    assertEquals("UU README.md\n M config.txt", status(project));
    // git's own tools see the merge: a combined diff, and the message git commit will offer
    assertTrue(git(project, "diff").startsWith("diff --cc README.md"), git(project, "diff"));
    assertTrue(Files.readString(project.resolve(".git/MERGE_MSG")).contains("Scaffold-Update: v1.0.0 -> v2.0.0"));
    assertTrue(Files.exists(project.resolve(".git/" + UpdateInProgress.FILE)));
  }

  @Test
  void continueRefusesWhileUnmergedOrMarkedThenCommitsAsTheUpdateWould() throws Exception {
    var unmerged = cli(tmp, "update", project.toString(), "--continue");
    assertEquals(3, unmerged.code(), unmerged.out() + unmerged.err());
    assertTrue(unmerged.out().contains("README.md: unmerged in the index"), unmerged.out());

    git(project, "add", "README.md"); // added with its markers still in
    assertEquals(Map.of(), stages(project), "git add marks it resolved");
    var marked = cli(tmp, "update", project.toString(), "--continue");
    assertEquals(3, marked.code(), marked.out() + marked.err());
    assertTrue(marked.out().contains("README.md: still has conflict markers"), marked.out());
    assertEquals(mainBefore, git(project, "rev-parse", "HEAD").strip());

    write(project.resolve("README.md"), "a\nb (mine and v2)\nc\nd\ne\nf\ng\n");
    git(project, "add", "README.md");
    var done = cli(tmp, "update", project.toString(), "--continue", "--json");
    assertEquals(0, done.code(), done.out() + done.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(done.out());
    assertEquals("updated", json.get("status").asText(), done.out());
    assertEquals(git(project, "rev-parse", "HEAD").strip(), json.get("commit").asText());
    assertEquals(BRANCH, git(project, "branch", "--show-current").strip());
    assertEquals("", git(project, "status", "--porcelain"));
    assertEquals("Update demo template from v1.0.0 to v2.0.0\n\nScaffold-Update: v1.0.0 -> v2.0.0",
        git(project, "log", "-1", "--format=%B").strip());
    assertEquals(mainBefore, git(project, "rev-parse", "HEAD~1").strip());
    assertEquals("a\nb\nc\nd\ne\nf\ng (v2)\n", git(project, "show", "HEAD:config.txt"));
    assertTrue(git(project, "show", "HEAD:" + AnswersFile.NAME).contains("v2.0.0"));
    assertFalse(Files.exists(project.resolve(".git/" + UpdateInProgress.FILE)));
    assertFalse(Files.exists(project.resolve(".git/MERGE_MSG")));

    var again = cli(tmp, "update", project.toString(), "--continue");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("no update is in progress"), again.err());
  }

  @Test
  void committedByHandWithGitOrKilledAfterTheCommit() throws Exception {
    write(project.resolve("README.md"), TEXT_V2);
    git(project, "add", "README.md");
    git(project, "-c", "user.name=T", "-c", "user.email=t@x", "commit", "-q", "--no-edit"); // takes MERGE_MSG
    assertTrue(git(project, "log", "-1", "--format=%B").contains("Scaffold-Update: v1.0.0 -> v2.0.0"));

    // as a --continue killed between its commit and removing its state finds it
    var r = cli(tmp, "update", project.toString(), "--continue");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("Already committed: "), r.out());
    assertFalse(Files.exists(project.resolve(".git/" + UpdateInProgress.FILE)));
  }

  @Test
  void killedBeforeTheCommitStartsOverCleanly() throws Exception {
    // resolved and staged, as a --continue killed before its commit leaves it (the index written, no commit)
    write(project.resolve("README.md"), TEXT_V2);
    git(project, "add", "-A");
    var r = cli(tmp, "update", project.toString(), "--continue");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(mainBefore, git(project, "rev-parse", "HEAD~1").strip());
    assertEquals("", git(project, "status", "--porcelain"));
  }

  @Test
  void aNewUpdateIsRefusedWhileOneIsInProgress() throws Exception {
    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--allow-dirty", "--set", "project_name=other");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("an update to v2.0.0 is in progress on branch " + BRANCH), r.err());
    assertEquals(TEXT_MINE.replace("b (mine)", "<<<<<<< yours\nb (mine)\n=======\nb (v2)\n>>>>>>> template v2.0.0"),
        read(project.resolve("README.md")), "nothing touched");
  }

  @Test
  void aStaleStateIsSaidAndRemoved() throws Exception {
    git(project, "reset", "-q", "--hard");
    git(project, "checkout", "-q", "main");
    var r = cli(tmp, "update", project.toString(), "--continue");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("saved state was stale and is removed"), r.err());
    assertFalse(Files.exists(project.resolve(".git/" + UpdateInProgress.FILE)));
  }

  @Test
  void aDamagedStateIsNamedNotGuessed() throws Exception {
    Files.writeString(project.resolve(".git/" + UpdateInProgress.FILE), "branch=\n");
    var r = cli(tmp, "update", project.toString(), "--continue");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(UpdateInProgress.FILE + " is not a saved update"), r.err());
    assertEquals(mainBefore, git(project, "rev-parse", "HEAD").strip());
  }

  @Test
  void continueOutsideARepositoryOrWithOtherFlags() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    var r = cli(tmp, "update", plain.toString(), "--continue");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not a git repository, so there is no update to continue"), r.err());
    var flags = cli(tmp, "update", project.toString(), "--continue", "--commit");
    assertEquals(2, flags.code());
    assertTrue(flags.err().contains("--continue"), flags.err());
  }
}
