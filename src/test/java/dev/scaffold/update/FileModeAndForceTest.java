package dev.scaffold.update;

import static dev.scaffold.update.ConflictsInTheIndexTest.SPEC;
import static dev.scaffold.update.TemplateFixture.EXEC;
import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.commitAll;
import static dev.scaffold.update.TemplateFixture.git;
import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.version;
import static dev.scaffold.update.TemplateFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modes with {@code core.fileMode=false} (git ignores the executable bit of files, so scaffold
 * puts the template's into the index itself), and {@code new --force} over a folder keeping its
 * {@code skip_if_exists} files, in the work tree and in the first commit.
 */
class FileModeAndForceTest {

  @TempDir Path tmp;

  static Map<String, String> template(boolean runExecutable, boolean toolExecutable) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", SPEC + "skip_if_exists: [local.properties]\n");
    t.put("template/run.sh", (runExecutable ? EXEC : "") + "#!/bin/sh\necho run\n");
    t.put("template/tool.sh", (toolExecutable ? EXEC : "") + "#!/bin/sh\necho tool\n");
    t.put("template/local.properties", "local=template\n");
    return t;
  }

  /** {@code git ls-files -s} (or {@code ls-tree}) mode of a path. */
  static String mode(String listing) {
    return listing.isBlank() ? "" : listing.strip().split("\\s+")[0];
  }

  @Test
  void updateWithFileModeFalseStillRecordsTheTemplatesModeChanges() throws Exception {
    Path tpl = tmp.resolve("tpl");
    version(tpl, "v1.0.0", false, template(false, true));
    version(tpl, "v2.0.0", false, template(true, false)); // run.sh gains +x, tool.sh loses it
    Path project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", tpl.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults").code());
    git(project, "config", "core.fileMode", "false");
    assertEquals("100755", mode(git(project, "ls-files", "-s", "tool.sh")));

    var r = cli(tmp, "update", project.toString(), "--non-interactive", "--commit");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("100755", mode(git(project, "ls-tree", "HEAD", "run.sh")));
    assertEquals("100644", mode(git(project, "ls-tree", "HEAD", "tool.sh")));
    assertEquals("", git(project, "status", "--porcelain"));
  }

  @Test
  void updateWithFileModeFalseLeavesTheModeStagedWithoutCommit() throws Exception {
    Path tpl = tmp.resolve("tpl");
    version(tpl, "v1.0.0", false, template(false, false));
    Map<String, String> v2 = template(true, false);
    v2.put("template/bin/new.sh", EXEC + "#!/bin/sh\necho new\n");
    version(tpl, "v2.0.0", false, v2);
    Path project = tmp.resolve("proj");
    assertEquals(0, cli(tmp, "new", tpl.toString(), project.toString(), "--version", "v1.0.0", "--non-interactive",
        "--defaults").code());
    git(project, "config", "core.fileMode", "false");

    var r = cli(tmp, "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("100755", mode(git(project, "ls-files", "-s", "run.sh")));
    assertEquals("100755", mode(git(project, "ls-files", "-s", "bin/new.sh")), "an added executable is staged so");
    git(project, "add", "-A");
    git(project, "-c", "user.name=T", "-c", "user.email=t@x", "commit", "-q", "-m", "update");
    assertEquals("100755", mode(git(project, "ls-tree", "HEAD", "bin/new.sh")));
  }

  @Test
  void newIntoARepositoryWithFileModeFalseCommitsExecutables() throws Exception {
    Path tpl = tmp.resolve("tpl");
    version(tpl, "v1.0.0", false, template(true, false));
    Path dest = Files.createDirectories(tmp.resolve("dest"));
    git(dest, "init", "-q", "-b", "main");
    git(dest, "config", "core.fileMode", "false");
    var r = cli(tmp, "new", tpl.toString(), dest.toString(), "--non-interactive", "--defaults", "--force");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("100755", mode(git(dest, "ls-tree", "HEAD", "run.sh")));
    assertEquals("100644", mode(git(dest, "ls-tree", "HEAD", "tool.sh")));
  }

  @Test
  void newForceKeepsSkipIfExistsFilesInTheTreeAndTheFirstCommit() throws Exception {
    Path tpl = tmp.resolve("tpl");
    version(tpl, "v1.0.0", false, template(false, false));
    Path dest = tmp.resolve("dest");
    write(dest.resolve("local.properties"), "local=mine\n");
    write(dest.resolve("run.sh"), "mine, replaced\n");
    var r = cli(tmp, "new", tpl.toString(), dest.toString(), "--non-interactive", "--defaults", "--force");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("local=mine\n", read(dest.resolve("local.properties")));
    assertEquals("#!/bin/sh\necho run\n", read(dest.resolve("run.sh")));
    assertEquals("local=mine\n", git(dest, "show", "HEAD:local.properties"), "the commit holds the kept file");
    assertEquals("", git(dest, "status", "--porcelain"), "the project starts clean");
  }

  @Test
  void newForceRefusesAKeptFileThatIsALinkAndLeavesTheFolderAsItWas() throws Exception {
    Path tpl = tmp.resolve("tpl");
    version(tpl, "v1.0.0", false, template(false, false));
    Path outside = tmp.resolve("outside.txt");
    write(outside, "not the project's\n");
    Path dest = Files.createDirectories(tmp.resolve("dest"));
    Files.createSymbolicLink(dest.resolve("local.properties"), outside);
    var r = cli(tmp, "new", tpl.toString(), dest.toString(), "--non-interactive", "--defaults", "--force");
    assertEquals(2, r.code(), r.out() + r.err());
    try (var s = Files.list(dest)) {
      assertEquals(java.util.List.of("local.properties"), s.map(p -> p.getFileName().toString()).toList());
    }
    assertTrue(Files.isSymbolicLink(dest.resolve("local.properties")));
    assertEquals("not the project's\n", read(outside));
  }
}
