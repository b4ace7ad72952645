package dev.scaffold.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.ProcessResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoHooksTest {

  @TempDir Path dir;

  @Test
  void aPresentHookIsNeitherFoundNorRun() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      Path hook = Files.createDirectories(dir.resolve(".git/hooks")).resolve("post-commit");
      Files.writeString(hook, "#!/bin/sh\ntouch '" + dir.resolve("ran") + "'\n");
      Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
      Repository repo = git.getRepository();

      assertNull(NoHooks.FILE_SYSTEM.findHook(repo, "post-commit"));
      ProcessResult r = NoHooks.FILE_SYSTEM.runHookIfPresent(repo, "post-commit", new String[0]);

      assertEquals(ProcessResult.Status.NOT_PRESENT, r.getStatus());
      assertEquals(false, Files.exists(dir.resolve("ran")));
      assertEquals(hook.toFile(), FS.DETECTED.findHook(repo, "post-commit"), "JGit's own file system finds it");
    }
  }

  @Test
  void copiesAndRewrapsStayWithoutHooks() {
    FS copy = NoHooks.FILE_SYSTEM.newInstance();
    assertEquals(NoHooks.FILE_SYSTEM.getClass(), copy.getClass());
    assertSame(copy, NoHooks.withoutHooks(copy));
  }
}
