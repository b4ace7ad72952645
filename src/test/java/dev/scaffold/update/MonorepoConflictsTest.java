package dev.scaffold.update;

import static dev.scaffold.update.ConflictsInTheIndexTest.SPEC;
import static dev.scaffold.update.ConflictsInTheIndexTest.stages;
import static dev.scaffold.update.FileModeAndForceTest.mode;
import static dev.scaffold.update.TemplateFixture.EXEC;
import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Conflicts and file modes of a project in a sub-folder of a monorepo reach the index at the
 * path git names from the repository's root, and {@code update --continue} from the sub-folder
 * commits that folder only.
 */
class MonorepoConflictsTest {

  @TempDir Path tmp;
  Path app;
  Path mono;
  Path billing;
  Path api;

  @BeforeEach
  void monorepo() throws Exception {
    app = tmp.resolve("tpl-app");
    version(app, "v1.0.0", false, MonorepoUpdateTest.app("1"));
    version(app, "v2.0.0", false, MonorepoUpdateTest.app("2"));
    mono = Files.createDirectories(tmp.resolve("mono"));
    git(mono, "init", "-q", "-b", "main");
    write(mono.resolve("README.md"), "# the monorepo\n");
    billing = mono.resolve("services/billing");
    api = mono.resolve("services/api");
    make(app, billing, "project_name=billing");
    make(app, api, "project_name=api");
    commit(mono, "projects");
  }

  private void make(Path template, Path dest, String set) {
    var r = cli(tmp, "new", template.toString(), dest.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults", "--no-git", "--no-github", "--set", set);
    assertEquals(0, r.code(), r.out() + r.err());
  }

  private static void commit(Path repo, String message) throws Exception {
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
  }

  private static List<String> committed(Path repo) throws Exception {
    return git(repo, "show", "--name-only", "--format=", "HEAD").lines().filter(l -> !l.isBlank()).sorted().toList();
  }

  @Test
  void conflictsAreStagedFromTheRootAndContinueFromTheSubFolderCommitsOnlyIt() throws Exception {
    write(billing.resolve("README.md"), read(billing.resolve("README.md")).replace("built with app 1", "built by me"));
    commit(mono, "my edit");
    String mainBefore = git(mono, "rev-parse", "HEAD").strip();
    write(mono.resolve("README.md"), "# the monorepo, unsaved\n"); // outside the project: not its business

    var r = cli(billing, "update", "--commit", "--non-interactive");
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("scaffold update --continue"), r.out());
    assertEquals(mainBefore, git(mono, "rev-parse", "HEAD").strip(), "no commit holds the markers");
    assertEquals(Map.of("services/billing/README.md", "123"), stages(mono));
    String status = git(mono, "status", "--porcelain");
    assertTrue(status.lines().anyMatch(l -> l.equals("UU services/billing/README.md")), status);
    assertFalse(status.contains("UU README.md"), status);
    assertEquals("# the monorepo\n", git(mono, "show", ":0:README.md"), "the root's file of that name untouched");
    assertTrue(git(mono, "diff").contains("diff --cc services/billing/README.md"), git(mono, "diff"));

    var unmerged = cli(billing, "update", "--continue");
    assertEquals(3, unmerged.code(), unmerged.out() + unmerged.err());
    assertTrue(unmerged.out().contains("README.md: unmerged in the index"), unmerged.out());

    write(billing.resolve("README.md"), read(billing.resolve("README.md"))
        .replaceAll("(?s)<<<<<<< .*?>>>>>>> [^\n]*\n", "built by me with app 2\n"));
    git(billing, "add", "README.md");
    assertEquals(Map.of(), stages(mono));
    var done = cli(billing, "update", "--continue");
    assertEquals(0, done.code(), done.out() + done.err());
    assertEquals(mainBefore, git(mono, "rev-parse", "HEAD~1").strip());
    assertEquals(List.of("services/billing/.scaffold-answers.yml", "services/billing/README.md",
        "services/billing/config.txt", "services/billing/docs/CHANGELOG.md"), committed(mono));
    assertTrue(git(mono, "show", "HEAD:services/billing/README.md").contains("built by me with app 2"));
    assertEquals(" M README.md\n", git(mono, "status", "--porcelain"), "the change outside stays unsaved");
    assertEquals("level=1\n", read(api.resolve("config.txt")));
    assertFalse(Files.exists(mono.resolve(".git/" + UpdateInProgress.FILE)));
  }

  @Test
  void fileModesWithFileModeFalseReachTheIndexAtTheRootPath() throws Exception {
    Path tools = tmp.resolve("tpl-tools");
    version(tools, "v1.0.0", false, tools(false));
    version(tools, "v2.0.0", false, tools(true));
    Path svc = mono.resolve("services/tools");
    make(tools, svc, "project_name=tools");
    // a top-level file of the same name: a mode meant for the project's must not land on it
    write(mono.resolve("run.sh"), "#!/bin/sh\necho top\n");
    commit(mono, "tools");
    git(mono, "config", "core.fileMode", "false");
    assertEquals("100644", mode(git(mono, "ls-files", "-s", "services/tools/run.sh")));

    var r = cli(svc, "update", "--commit", "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("100755", mode(git(mono, "ls-tree", "HEAD", "services/tools/run.sh")));
    assertEquals("100755", mode(git(mono, "ls-tree", "HEAD", "services/tools/bin/new.sh")), "an added executable");
    assertEquals("100644", mode(git(mono, "ls-tree", "HEAD", "run.sh")));
    assertEquals("", git(mono, "ls-files", "-s", "bin/new.sh"), "nothing staged at the root");
    assertEquals("", git(mono, "status", "--porcelain"));
  }

  @Test
  void updateAllWithRejectFilesStopsAndContinueWaitsUntilEachIsDealtWith() throws Exception {
    for (Path p : List.of(billing, api)) {
      write(p.resolve("README.md"), read(p.resolve("README.md")).replace("built with app 1", "built by me"));
    }
    commit(mono, "my edits");

    var r = cli(mono, "update", "--all", "--commit", "--conflict", "rej", "--non-interactive");
    assertEquals(3, r.code(), r.out() + r.err());
    for (Path p : List.of(billing, api)) {
      assertTrue(Files.isRegularFile(p.resolve("README.md.rej")), p + ": " + r.out());
    }
    git(mono, "add", "services/api/README.md", "services/billing/README.md");
    Files.delete(billing.resolve("README.md.rej"));

    var waiting = cli(mono, "update", "--continue");
    assertEquals(3, waiting.code(), waiting.out() + waiting.err());
    assertTrue(waiting.out().contains("services/api/README.md.rej: rejected hunks not yet dealt with"), waiting.out());
    assertFalse(waiting.out().contains("services/billing/README.md.rej"), waiting.out());

    Files.delete(api.resolve("README.md.rej"));
    var done = cli(mono, "update", "--continue");
    assertEquals(0, done.code(), done.out() + done.err());
    assertTrue(committed(mono).contains("services/api/.scaffold-answers.yml"), committed(mono).toString());
    assertTrue(committed(mono).stream().noneMatch(f -> f.endsWith(".rej")), committed(mono).toString());
    assertFalse(Files.exists(mono.resolve(".git/" + UpdateInProgress.FILE)));
  }

  @Test
  void updateAllCommitWithConflictsStopsOnTheBranchAndContinueCommitsTheProjectsOnly() throws Exception {
    for (Path p : List.of(billing, api)) {
      write(p.resolve("README.md"), read(p.resolve("README.md")).replace("built with app 1", "built by me"));
    }
    commit(mono, "my edits");
    String mainBefore = git(mono, "rev-parse", "HEAD").strip();
    write(mono.resolve("README.md"), "# the monorepo, unsaved\n");

    var r = cli(mono, "update", "--all", "--commit", "--non-interactive");
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Not committed: the update of all projects is in progress"), r.out());
    assertTrue(r.out().contains("scaffold update --continue"), r.out());
    String branch = git(mono, "branch", "--show-current").strip();
    assertTrue(branch.startsWith("scaffold/update-all-"), branch);
    assertEquals(mainBefore, git(mono, "rev-parse", "HEAD").strip(), "no commit holds the markers");
    assertEquals(Map.of("services/api/README.md", "123", "services/billing/README.md", "123"), stages(mono));
    String msg = Files.readString(mono.resolve(".git/MERGE_MSG"));
    assertEquals(2, msg.lines().filter(l -> l.equals("Scaffold-Update: v1.0.0 -> v2.0.0")).count(), msg);

    var unmerged = cli(mono, "update", "--continue");
    assertEquals(3, unmerged.code(), unmerged.out() + unmerged.err());
    assertTrue(unmerged.out().contains("services/api/README.md: unmerged in the index"), unmerged.out());
    git(mono, "add", "services/api/README.md", "services/billing/README.md"); // billing's markers still in
    var marked = cli(mono, "update", "--continue");
    assertEquals(3, marked.code(), marked.out() + marked.err());
    assertTrue(marked.out().contains("services/billing/README.md: still has conflict markers"), marked.out());

    for (Path p : List.of(billing, api)) {
      write(p.resolve("README.md"), read(p.resolve("README.md"))
          .replaceAll("(?s)<<<<<<< .*?>>>>>>> [^\n]*\n", "built by me with app 2\n"));
    }
    git(mono, "add", "services");
    var done = cli(mono, "update", "--continue");
    assertEquals(0, done.code(), done.out() + done.err());
    assertEquals(branch, git(mono, "branch", "--show-current").strip());
    assertEquals(mainBefore, git(mono, "rev-parse", "HEAD~1").strip());
    assertEquals(List.of("services/api/.scaffold-answers.yml", "services/api/README.md", "services/api/config.txt",
        "services/api/docs/CHANGELOG.md", "services/billing/.scaffold-answers.yml", "services/billing/README.md",
        "services/billing/config.txt", "services/billing/docs/CHANGELOG.md"), committed(mono));
    assertEquals(msg.strip(), git(mono, "log", "-1", "--format=%B").strip());
    assertEquals(" M README.md\n", git(mono, "status", "--porcelain"), "the change outside the projects stays out");
    assertFalse(Files.exists(mono.resolve(".git/" + UpdateInProgress.FILE)));
  }

  @Test
  void updateAllWithConflictsStopsEvenWhenTheOnlyProjectIsAtTheRoot() throws Exception {
    // no sub-folders: the repository's root is the one project; the stop must hold there too
    Path single = tmp.resolve("single");
    make(app, single, "project_name=single");
    git(single, "init", "-q", "-b", "main");
    write(single.resolve("README.md"), read(single.resolve("README.md")).replace("built with app 1", "built by me"));
    commit(single, "start");
    String before = git(single, "rev-parse", "HEAD").strip();
    var r = cli(single, "update", "--all", "--commit", "--non-interactive", "--json");
    assertEquals(3, r.code(), r.out() + r.err());
    assertEquals(before, git(single, "rev-parse", "HEAD").strip());
    assertEquals(Map.of("README.md", "123"), stages(single));
    write(single.resolve("README.md"), "# single\n");
    git(single, "add", "README.md");
    var done = cli(single, "update", "--continue");
    assertEquals(0, done.code(), done.out() + done.err());
    assertEquals("", git(single, "status", "--porcelain"));
  }

  private static Map<String, String> tools(boolean executable) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", SPEC);
    t.put("template/run.sh", (executable ? EXEC : "") + "#!/bin/sh\necho run\n");
    if (executable) {
      t.put("template/bin/new.sh", EXEC + "#!/bin/sh\necho new\n");
    }
    return t;
  }
}
