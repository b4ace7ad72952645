package dev.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Temporary folders (template checkouts, renders, fleet clones) that are removed when their work
 * is done and, should the run be cut short (Ctrl-C, a kill), when the JVM exits: one shutdown hook
 * removes whatever is still there.
 */
public final class TempFolders {

  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  private TempFolders() {}

  /** A new empty folder in the system's temporary folder, removed on exit unless {@link #delete}d first. */
  public static Path create(String prefix) {
    Path dir;
    try {
      dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new OperationException("cannot create a temporary folder: " + e.getMessage(), e);
    }
    LIVE.add(dir);
    if (HOOKED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::deleteAll, "scaffold-temp-cleanup"));
    }
    return dir;
  }

  /**
   * Removes a folder made by {@link #create} and all it holds; quietly, as cleanup must not hide a
   * real error. One that could not be removed is tried again at exit.
   */
  public static void delete(Path dir) {
    if (dir != null) {
      FileTrees.deleteQuietly(dir);
      if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        LIVE.remove(dir);
      }
    }
  }

  /** What the shutdown hook does: removes every folder still there. */
  static void deleteAll() {
    for (Path dir : LIVE) {
      delete(dir);
    }
  }

  /**
   * The folders this process made and has not removed yet: for tests, which must not mistake
   * another process's folders in the shared temporary folder for their own leftovers.
   */
  public static Set<Path> live() {
    return Set.copyOf(LIVE);
  }
}
