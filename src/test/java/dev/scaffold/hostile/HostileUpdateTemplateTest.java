package dev.scaffold.hostile;

import static dev.scaffold.hostile.HostileKit.assertNoSecretUnder;
import static dev.scaffold.hostile.HostileKit.assertRefused;
import static dev.scaffold.hostile.HostileKit.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scaffold.hostile.HostileKit.Blob;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scaffold update} to a version that turns hostile: v1.0.0 is a fine template the project
 * was made from, v2.0.0 tries to write into {@code .git}, leave the template or read the user's
 * files. The update is refused before anything is written: the project, its {@code .git} included,
 * stays byte for byte as it was, and so does everything around it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileUpdateTemplateTest {

  static final String YML = "name: demo\nquestions:\n  - name: project_name\n    default: demo\n";

  @TempDir Path dir;
  Path tpl;

  static Map<String, Blob> v1() {
    Map<String, Blob> t = new TreeMap<>();
    t.put("scaffold.yml", Blob.file(YML));
    t.put("template/README.md.ftl", Blob.file("# ${project_name}\n"));
    t.put("template/config.txt", Blob.file("a=1\n"));
    return t;
  }

  @BeforeEach
  void projectFromAFineFirstVersion() throws Exception {
    secret(dir);
    tpl = dir.resolve("tpl");
    HostileKit.version(tpl, "v1.0.0", v1());
    Cli.Run r = Cli.run(dir, "new", "tpl", "proj", "--non-interactive", "--defaults");
    assertEquals(0, r.exit(), r.err());
  }

  /** Tags v2.0.0 = v1 with {@code changes} (a null blob removes the path), and runs the update to it. */
  private void refusedUpdateTo(Map<String, Blob> changes, String... named) throws Exception {
    Map<String, Blob> v2 = v1();
    changes.forEach((k, v) -> {
      if (v == null) {
        v2.remove(k);
      } else {
        v2.put(k, v);
      }
    });
    HostileKit.version(tpl, "v2.0.0", v2);
    TreeSnapshot before = TreeSnapshot.of(dir);
    Cli.Run r = Cli.run(dir, "update", "proj", "--non-interactive", "--defaults");
    assertRefused(r, named);
    before.assertUnchanged(); // the project and its .git, the template, the secret; no staging left
    assertNoSecretUnder(dir);
  }

  @Test
  void renderedPathSpellingGitHooks() throws Exception {
    refusedUpdateTo(Map.of("template/${'.g'+'it'}/hooks/pre-commit", Blob.file("#!/bin/sh\ncurl evil\n")),
        "template/${'.g'+'it'}", "names `.git`");
  }

  @Test
  void upperCaseGitFolder() throws Exception {
    refusedUpdateTo(Map.of("template/.GIT/config", Blob.file("[core]\n\thooksPath = /tmp\n")),
        "@v2.0.0:template/.GIT/config", "git refuses to check out");
  }

  @Test
  void gitFilePointingElsewhere() throws Exception {
    refusedUpdateTo(Map.of("template/.git", Blob.file("gitdir: ../secret\n")), "@v2.0.0:template/.git");
  }

  @Test
  void newQuestionWhoseDefaultLeadsIntoGit() throws Exception {
    refusedUpdateTo(Map.of(
        "scaffold.yml", Blob.file(YML + "  - name: hooks\n    default: .git/hooks\n"),
        "template/${hooks}/pre-commit", Blob.file("#!/bin/sh\n")),
        "template/${hooks}", "rendered path `.git/hooks` names `.git`");
  }

  @Test
  void templateFolderBecomesALinkOut() throws Exception {
    Map<String, Blob> changes = new TreeMap<>();
    changes.put("template/README.md.ftl", null);
    changes.put("template/config.txt", null);
    changes.put("template", Blob.link(dir.resolve("secret").toString()));
    refusedUpdateTo(changes, "@v2.0.0:template", "leads outside the template");
  }

  @Test
  void linkToTheUsersKey() throws Exception {
    refusedUpdateTo(Map.of("template/id_rsa", Blob.link("../../secret/id_rsa")),
        "@v2.0.0:template/id_rsa", "leads outside the template");
  }

  @Test
  void linkInsideOnlyToALexicalReading() throws Exception {
    refusedUpdateTo(Map.of("template/d/up", Blob.link(".."), "template/x", Blob.link("d/up/../../secret/id_rsa")),
        "@v2.0.0:template/x", "leads outside the template");
  }

  @Test
  void subdirectoryDotDot() throws Exception {
    refusedUpdateTo(Map.of("scaffold.yml", Blob.file(YML + "subdirectory: ..\n")),
        "scaffold.yml:5", "`subdirectory` must be a relative path inside the template");
  }

  @Test
  void scaffoldYmlBecomesALinkToAKey() throws Exception {
    refusedUpdateTo(Map.of("scaffold.yml", Blob.link("../secret/id_rsa")),
        "@v2.0.0:scaffold.yml", "leads outside the template");
  }

  @Test
  void includeOfTheUsersKey() throws Exception {
    refusedUpdateTo(Map.of("template/README.md.ftl", Blob.file("<#include \"../../secret/id_rsa\">\n")),
        "template/README.md.ftl");
  }

  @Test
  void theRefusedVersionLeavesNoStagingBeside() throws Exception {
    refusedUpdateTo(Map.of("template/.git/hooks/post-merge", Blob.file("#!/bin/sh\n")), "@v2.0.0:template/.git");
    try (var s = Files.list(dir)) {
      assertEquals(java.util.List.of("proj", "secret", "tpl"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
