package dev.scaffold.jgit;

import org.eclipse.jgit.util.FS;

/** Process-wide JGit set-up, done once before any JGit use. */
final class JGit {

  static {
    // JGit otherwise measures the file system's timestamp resolution on first use: ~3 s
    FS.FileStoreAttributes.setBackground(true);
  }

  private JGit() {}

  static void ensureConfigured() {
    // class initialisation above does the work
  }
}
