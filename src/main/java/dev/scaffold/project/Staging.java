package dev.scaffold.project;

import dev.scaffold.ConfinedPaths;
import dev.scaffold.FileTrees;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.render.Glob;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * A staging folder beside the destination, on the same file system, so that the finished project
 * moves into place in one rename and a failed run leaves the destination as it was. The destination
 * is claimed first ({@link MoveJournal}): two runs never write one folder. With {@code --force}
 * into a folder that has files, the move is journaled and each replaced entry kept in a backup
 * until the end, so that a failure, Ctrl-C or a kill midway is undone, now or by the next run.
 */
public final class Staging implements AutoCloseable {

  static final String PREFIX = ".scaffold-staging-";

  /**
   * Called with the number of moves made after each one, and once more with one more after the
   * journal records them complete; a test's way to fail or stop midway.
   */
  static volatile IntConsumer afterMove = n -> {};

  private final Path destination;
  /** Set under {@link #moving} by {@link #claim}, so the shutdown hook sees them or none. */
  private Path folder;
  private MoveJournal journal;
  private final Thread cleanupOnExit;
  private final Object moving = new Object();
  private volatile boolean finished;
  private boolean moved;
  /** Moves begun and neither complete nor undone: the journal must outlive this run. */
  private boolean pending;

  private Staging(Path destination) {
    this.destination = destination;
    // Ctrl-C ends the JVM without running finally blocks; the hook still removes the staging
    // folder and undoes a move cut short. It is in place before anything is made on disk, so a
    // Ctrl-C at any moment of the claim leaves nothing either
    this.cleanupOnExit = new Thread(this::abandon, "scaffold-staging-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    } catch (IllegalStateException e) {
      throw new OperationException("stopped before writing " + destination, e);
    }
  }

  /**
   * Finishes what an earlier run on {@code destination} that is gone left (a journal: rolled back
   * or completed) and removes staging folders beside it whose owner is gone.
   *
   * @return what was done to the destination, for the user to hear
   */
  public static String recoverInterrupted(Path destination) {
    Path dest = destination.toAbsolutePath().normalize();
    if (dest.getParent() == null) {
      return null;
    }
    removeStaleStaging(dest.getParent());
    return switch (MoveJournal.recover(dest)) {
      case ROLLED_BACK -> "an interrupted run left " + dest + " half written; it is rolled back to how it was";
      case COMPLETED -> "an interrupted run had finished moving its files into " + dest + "; its backups are removed";
      case NOTHING -> null;
    };
  }

  /** Claims the destination and makes the staging folder beside it. */
  public static Staging beside(Path destination) {
    Path dest = destination.toAbsolutePath().normalize();
    Path parent = dest.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new OperationException("cannot create " + parent + ": " + e.getMessage(), e);
    }
    Staging staging = new Staging(dest);
    try {
      staging.claim();
    } catch (RuntimeException e) {
      staging.close();
      throw e;
    }
    return staging;
  }

  private void claim() {
    synchronized (moving) {
      if (finished) {
        throw new OperationException("stopped before writing " + destination);
      }
      journal = MoveJournal.claim(destination);
      folder = createFolder(destination);
    }
  }

  private static Path createFolder(Path dest) {
    // a unique name needs no secure randomness: seeding SecureRandom (as UUID.randomUUID does)
    // costs ~20 ms of a small run; createDirectory fails on a name taken, and we try the next.
    // The owner's pid and start time in the name let a later run tell a stale folder.
    RunOwner owner = RunOwner.current();
    String base = PREFIX + dest.getFileName() + "-" + Long.toHexString(owner.pid()) + "-" + Long.toHexString(owner.start()) + "-";
    long seed = System.nanoTime();
    try {
      for (int attempt = 0; ; attempt++) {
        Path folder = dest.resolveSibling(base + Long.toHexString((seed + attempt) & 0xffffffL));
        try {
          Files.createDirectory(folder);
          return folder;
        } catch (java.nio.file.FileAlreadyExistsException e) {
          if (attempt >= 100) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw new OperationException("cannot create a staging folder in " + dest.getParent() + ": " + e.getMessage(), e);
    }
  }

  /** Removes the staging folders in {@code parent} of runs that are gone (killed: no hook ran). */
  static void removeStaleStaging(Path parent) {
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> s = Files.list(parent)) {
      s.forEach(p -> {
        String name = p.getFileName().toString();
        RunOwner owner = name.startsWith(PREFIX) ? ownerOf(name)
            : MoveJournal.isDraft(name) ? MoveJournal.draftOwner(p) : null;
        if (owner != null && !owner.alive()) {
          stale.add(p);
        }
      });
    } catch (IOException | RuntimeException e) {
      return; // an unreadable parent: the run itself will say so
    }
    stale.forEach(FileTrees::deleteQuietly);
  }

  /** The owner a staging folder's name records ({@code PREFIX NAME-PID-START-RANDOM}), or null. */
  static RunOwner ownerOf(String name) {
    String[] parts = name.split("-");
    if (parts.length < 6) {
      return null;
    }
    try {
      return new RunOwner(Long.parseLong(parts[parts.length - 3], 16), Long.parseLong(parts[parts.length - 2], 16));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public Path folder() {
    return folder;
  }

  /** Moves the project into a destination that must be absent or empty (no {@code --force}). */
  public void moveIntoPlace() {
    moveIntoPlace(false, new Glob(List.of()));
  }

  /**
   * Moves the staged project into the destination: one rename when the destination is absent or
   * an empty folder (rename(2) replaces an empty folder and fails on one that has files, which is
   * the atomic check: a folder filled since it was checked is never merged into), else, with
   * {@code force}, entry by entry, replacing entries of the same name and keeping those {@code keep}
   * matches. Everything is checked before the first move.
   */
  public void moveIntoPlace(boolean force, Glob keep) {
    try {
      ConfinedPaths.requireNoLink(destination);
      if (!force || FileTrees.isEmptyDirectory(destination)) {
        renameIntoPlace();
      } else {
        merge(keep);
        moved = true;
      }
    } catch (IOException e) {
      throw new OperationException("cannot move the project into " + destination + ": " + e.getMessage(), e);
    }
  }

  /**
   * The one rename, under the lock the shutdown hook takes: after Ctrl-C the run's own thread goes
   * on while the hook empties the staging folder, and a rename then would move a half-deleted
   * project in. Either the hook comes first and nothing moves, or the whole project is in place.
   */
  private void renameIntoPlace() throws IOException {
    synchronized (moving) {
      if (finished) {
        throw new OperationException("stopped before moving the project into " + destination);
      }
      try {
        Files.move(folder, destination, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(folder, destination);
      } catch (FileSystemException e) {
        if (!FileTrees.isEmptyDirectory(destination)) {
          throw InputException.at(destination.toString(), "is not empty any more: something wrote into it while "
              + "scaffold ran; nothing was moved in");
        }
        throw e;
      }
      moved = true;
    }
  }

  private void merge(Glob keep) throws IOException {
    List<MoveJournal.Move> moves = new ArrayList<>();
    plan(folder, destination, "", keep, moves);
    journal.begin(moves);
    pending = true;
    try {
      for (int i = 0; i < moves.size(); i++) {
        synchronized (moving) {
          if (finished) {
            throw new OperationException("stopped while moving files into " + destination);
          }
          move(moves.get(i));
        }
        afterMove.accept(i + 1);
      }
      journal.finish();
    } catch (IOException | RuntimeException e) {
      synchronized (moving) {
        try {
          journal.rollBack();
          pending = false;
        } catch (IOException | RuntimeException undo) {
          e.addSuppressed(undo);
          throw new OperationException("cannot move the project into " + destination + " (" + e.getMessage()
              + "), nor undo the moves made (" + undo.getMessage() + "); the next scaffold run on it rolls them back "
              + "from " + MoveJournal.folderFor(destination), e);
        }
      }
      throw e;
    }
    afterMove.accept(moves.size() + 1);
    pending = false;
  }

  /**
   * The moves that put {@code from}'s entries into {@code to}: a folder on both sides is merged,
   * anything else moves whole; a link in the destination is refused before anything moves.
   */
  private static void plan(Path from, Path to, String prefix, Glob keep, List<MoveJournal.Move> moves) throws IOException {
    List<Path> entries;
    try (Stream<Path> s = Files.list(from)) {
      entries = s.sorted().toList();
    }
    for (Path e : entries) {
      String name = e.getFileName().toString();
      String rel = prefix + name;
      if (name.indexOf('\n') >= 0 || name.indexOf('\t') >= 0) {
        throw InputException.at(rel, "has a tab or a line break in its name, which scaffold does not move into a folder with --force");
      }
      Path target = to.resolve(name);
      ConfinedPaths.requireNoLink(target);
      boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
      if (exists && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        plan(e, target, rel + "/", keep, moves);
      } else if (!(exists && keep.matches(rel))) {
        moves.add(new MoveJournal.Move(rel, exists));
      }
    }
  }

  private void move(MoveJournal.Move m) throws IOException {
    Path target = destination.resolve(m.path());
    if (m.replaces()) {
      Path backup = journal.backupOf(m.path());
      Files.createDirectories(backup.getParent());
      Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(folder.resolve(m.path()), target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The shutdown hook: a move under way stops and is undone, and nothing of this run stays. */
  void abandon() {
    synchronized (moving) {
      if (!finished) {
        finished = true;
        if (!moved && journal != null) {
          try {
            journal.rollBack();
            pending = false;
          } catch (IOException | RuntimeException e) {
            // the journal stays, and the next run on the destination rolls back
          }
        }
      }
    }
    // the render's threads may still be adding files while the JVM shuts down: try a few times
    for (int attempt = 0; folder != null && attempt < 20 && Files.exists(folder, LinkOption.NOFOLLOW_LINKS); attempt++) {
      FileTrees.deleteQuietly(folder);
      if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (moving) {
      finished = true;
    }
    if (folder != null) {
      FileTrees.deleteQuietly(folder);
    }
    if (!pending && journal != null) {
      journal.release();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook runs anyway
    }
  }

  public boolean moved() {
    return moved;
  }
}
