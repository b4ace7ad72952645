package dev.scaffold.jgit;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.TreeWalk.OperationType;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.util.IO;

/**
 * {@code git add .} for a repository that has no commit and an empty index, as {@code scaffold
 * new} makes: one walk of the work tree (with the same ignore rules, clean filters and
 * line-ending conversion as JGit's {@code AddCommand}), every blob written into one pack instead
 * of a loose file each, and the tree objects written into the same pack and cached in the index,
 * so that the commit that follows writes only the commit object.
 *
 * <p>{@code AddCommand} followed by {@code add -u} (what a repository with history needs) writes
 * ~5,000 loose files for a large template and reads and hashes every file twice: two thirds of a
 * large {@code new}. Here nothing can have been deleted, so one pass is enough.
 */
final class FreshIndex {

  /** Files up to this size are read into memory, which lets the pack inserter skip duplicate contents. */
  static int inMemoryLimit = 8 << 20;

  private FreshIndex() {}

  /**
   * Stages every file that is not ignored, if the repository is fresh.
   *
   * @return false, changing nothing, when the repository has a commit or a non-empty index
   */
  static boolean addAll(Repository repo) throws IOException {
    if (repo.resolve(Constants.HEAD) != null) {
      return false;
    }
    DirCache dc = repo.lockDirCache();
    try {
      if (dc.getEntryCount() != 0) {
        return false;
      }
      try (ObjectInserter inserter = newInserter(repo); TreeWalk tw = new TreeWalk(repo)) {
        tw.setOperationType(OperationType.CHECKIN_OP);
        tw.addTree(new FileTreeIterator(repo));
        DirCacheBuilder builder = dc.builder();
        Set<ObjectId> large = new HashSet<>();
        byte[] buf = null;
        while (tw.next()) {
          WorkingTreeIterator f = tw.getTree(0, WorkingTreeIterator.class);
          if (f.isEntryIgnored()) {
            continue;
          }
          if (tw.isSubtree()) {
            tw.enterSubtree();
            continue;
          }
          DirCacheEntry entry = new DirCacheEntry(tw.getRawPath());
          FileMode mode = f.getIndexFileMode(null);
          entry.setFileMode(mode);
          if (mode == FileMode.GITLINK) {
            entry.setLength(0);
            entry.setLastModified(java.time.Instant.EPOCH);
            entry.setObjectId(f.getEntryObjectId());
            builder.add(entry);
            continue;
          }
          entry.setLength(f.getEntryLength());
          entry.setLastModified(f.getEntryLastModifiedInstant());
          long len = f.getEntryContentLength();
          ObjectId id;
          if (len <= inMemoryLimit) {
            if (buf == null || buf.length < len) {
              buf = new byte[(int) Math.max(len, 64 << 10)];
            }
            try (InputStream in = f.openEntryStream()) {
              IO.readFully(in, buf, 0, (int) len);
            }
            id = inserter.insert(Constants.OBJ_BLOB, buf, 0, (int) len);
          } else {
            // a pack inserter only notices a repeated content it holds in memory: hash first
            try (InputStream in = f.openEntryStream()) {
              id = inserter.idFor(Constants.OBJ_BLOB, len, in);
            }
            if (large.add(id)) {
              try (InputStream in = f.openEntryStream()) {
                inserter.insert(Constants.OBJ_BLOB, len, in);
              }
            }
          }
          entry.setObjectId(id);
          builder.add(entry);
        }
        builder.finish();
        // trees into the pack too; the index keeps their ids, so the commit does not write them again
        dc.writeTree(inserter);
        inserter.flush();
      }
      dc.write();
      dc.commit();
      return true;
    } finally {
      dc.unlock();
    }
  }

  private static ObjectInserter newInserter(Repository repo) {
    ObjectDatabase db = repo.getObjectDatabase();
    if (db instanceof ObjectDirectory dir) {
      PackInserter p = dir.newPackInserter();
      // a new repository holds nothing to look up; and, as git does for loose objects, favour speed
      p.checkExisting(false);
      p.setCompressionLevel(Deflater.BEST_SPEED);
      return p;
    }
    return repo.newObjectInserter();
  }
}
