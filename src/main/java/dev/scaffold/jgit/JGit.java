package dev.scaffold.jgit;

import org.eclipse.jgit.util.FS;

/** Process-wide JGit set-up, done once before any JGit use. */
final class JGit {

  static {
    // JGit measures each file system's timestamp resolution once per machine, ~3 s, and keeps
    // the result in $XDG_CONFIG_HOME/jgit/config. Measured in the background, a short run never
    // waits for it, but also ends before it is kept: until some longer-lived JGit user has kept
    // one, JGit assumes a 2 s resolution and re-reads every tracked file changed within 2 s of the
    // index, to be safe. -Dscaffold.jgit.measure=wait waits for the measurement once, and keeps it.
    FS.FileStoreAttributes.setBackground(!"wait".equals(System.getProperty("scaffold.jgit.measure")));
  }

  private JGit() {}

  static void ensureConfigured() {
    // class initialisation above does the work
  }
}
