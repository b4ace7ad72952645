package dev.scaffold.jgit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Repository;

/**
 * Keeps git's racy-clean protection when scaffold rewrites an index whose entries it carries over.
 *
 * <p>Git, built without nanosecond stat support as most builds are, trusts an entry whose size and
 * whole-second mtime match its file unless that second is not older than the index file's own; such
 * an entry is "racily clean" and git reads the file to be sure. JGit judges the same in nanoseconds,
 * so a rewrite by JGit keeps an entry git would still have doubted, and the rewritten index's newer
 * mtime then makes git trust it: a file that scaffold rewrote to the same size, in the same second
 * as the checkout before, looks unchanged to {@code git status}, {@code commit -a} and {@code reset
 * --hard}. Smudging those entries, as git does when it writes an index, makes both re-read them.
 */
final class RacyEntries {

  private RacyEntries() {}

  /** The whole second the index was last written in, read before the index is rewritten; MAX_VALUE without one. */
  static long indexSecond(Repository r) throws IOException {
    try {
      return Files.getLastModifiedTime(r.getIndexFile().toPath()).toInstant().getEpochSecond();
    } catch (NoSuchFileException e) {
      return Long.MAX_VALUE; // no index, so no entry carried over
    }
  }

  /** Smudges the merged entries git would take as racily clean against an index written in {@code indexSecond}. */
  static void smudge(DirCache dc, long indexSecond) {
    for (int i = 0; i < dc.getEntryCount(); i++) {
      DirCacheEntry e = dc.getEntry(i);
      if (e.getStage() == DirCacheEntry.STAGE_0 && !e.isSmudged()
          && e.getLastModifiedInstant().getEpochSecond() >= indexSecond) {
        e.smudgeRacilyClean();
      }
    }
  }
}
