package dev.scaffold.jgit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
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
 * --hard}. Those entries are smudged, as git does when it writes an index, so that both re-read them.
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

  /**
   * Smudges the entries git would take for clean against an index written in {@code indexSecond}
   * though their file changed: the same size and second, another nanosecond. Only the entries of
   * that second are looked at, one stat each, so a fresh clone's index costs a stat per file and
   * nothing is read; JGit then re-reads just the smudged ones when it writes.
   */
  static void smudge(DirCache dc, long indexSecond, Path workTree) throws IOException {
    for (int i = 0; i < dc.getEntryCount(); i++) {
      DirCacheEntry e = dc.getEntry(i);
      Instant recorded = e.getLastModifiedInstant();
      if (e.getStage() != DirCacheEntry.STAGE_0 || e.isSmudged() || recorded.getEpochSecond() < indexSecond) {
        continue;
      }
      BasicFileAttributes now;
      try {
        now = Files.readAttributes(workTree.resolve(e.getPathString()), BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException gone) {
        continue; // git sees a missing file
      }
      Instant modified = now.lastModifiedTime().toInstant();
      if (now.size() == e.getLength() && modified.getEpochSecond() == recorded.getEpochSecond()
          && !modified.equals(recorded)) {
        e.smudgeRacilyClean();
      }
    }
  }
}
