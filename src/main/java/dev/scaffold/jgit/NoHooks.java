package dev.scaffold.jgit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.FS_Win32;
import org.eclipse.jgit.util.FS_Win32_Cygwin;
import org.eclipse.jgit.util.ProcessResult;

/**
 * JGit's file system with git hooks switched off. JGit runs pre-commit, commit-msg, post-commit
 * and pre-push through {@link FS#runHookIfPresent} of the repository's file system, from {@code
 * .git/hooks} or wherever {@code core.hooksPath} points (the user's config or the repository's);
 * {@code setNoVerify} would skip only two of them. Every repository scaffold opens, makes or
 * clones uses {@link #FILE_SYSTEM}, so a hook a user, a template or a cloned repository left behind never
 * runs when scaffold commits or pushes.
 */
final class NoHooks {

  /** {@link FS#DETECTED}, less the hooks. */
  static final FS FILE_SYSTEM = withoutHooks(FS.DETECTED);

  private NoHooks() {}

  /** {@code Git.open} with hooks off. */
  static Git open(Path dir) throws IOException {
    return Git.open(dir.toFile(), FILE_SYSTEM);
  }

  static FS withoutHooks(FS fs) {
    if (fs instanceof Posix || fs instanceof Win32 || fs instanceof Cygwin) {
      return fs;
    }
    if (fs instanceof FS_Win32_Cygwin) {
      return new Cygwin(fs);
    }
    if (fs instanceof FS_Win32) {
      return new Win32(fs);
    }
    return new Posix(fs); // JGit's own default for anything that is not Windows
  }

  private static ProcessResult none() {
    return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
  }

  private static final class Posix extends FS_POSIX {
    Posix(FS src) {
      super(src);
    }

    @Override
    public FS newInstance() {
      return new Posix(this);
    }

    @Override
    public File findHook(Repository repository, String hookName) {
      return null;
    }

    @Override
    public ProcessResult runHookIfPresent(Repository repository, String hookName, String[] args, OutputStream out,
        OutputStream err, String stdin) {
      return none();
    }
  }

  private static final class Win32 extends FS_Win32 {
    Win32(FS src) {
      super(src);
    }

    @Override
    public FS newInstance() {
      return new Win32(this);
    }

    @Override
    public File findHook(Repository repository, String hookName) {
      return null;
    }

    @Override
    public ProcessResult runHookIfPresent(Repository repository, String hookName, String[] args, OutputStream out,
        OutputStream err, String stdin) {
      return none();
    }
  }

  private static final class Cygwin extends FS_Win32_Cygwin {
    Cygwin(FS src) {
      super(src);
    }

    @Override
    public FS newInstance() {
      return new Cygwin(this);
    }

    @Override
    public File findHook(Repository repository, String hookName) {
      return null;
    }

    @Override
    public ProcessResult runHookIfPresent(Repository repository, String hookName, String[] args, OutputStream out,
        OutputStream err, String stdin) {
      return none();
    }
  }
}
