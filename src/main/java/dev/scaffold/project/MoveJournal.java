package dev.scaffold.project;

import dev.scaffold.FileTrees;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The claim on a destination and the record of moving a project into it, in a folder beside it
 * ({@code .scaffold-journal-NAME}). Made by one rename, so only one run at a time holds it: a
 * second run on the same destination is refused. Before the first file of a {@code --force} run
 * moves in, it lists every move and whether it replaces something, which goes to {@code backup/}
 * first; {@code done} marks the moves complete. A run killed midway leaves the journal behind and
 * the next run on that destination finishes the job from it: rolls back (backups restored, moved-in
 * files removed) when the moves were not complete, else only clears the backups.
 */
final class MoveJournal {

  static final String PREFIX = ".scaffold-journal-";
  private static final String OWNER = "owner";
  private static final String MOVES = "moves";
  private static final String DONE = "done";
  private static final String BACKUP = "backup";
  private static final String DRAFT = ".draft";

  /** One move into the destination: the path, and whether something was there before (now in the backup). */
  record Move(String path, boolean replaces) {}

  /** What {@link #recover} did. */
  enum Outcome { NOTHING, ROLLED_BACK, COMPLETED }

  private final Path destination;
  private final Path folder;
  private List<Move> moves = List.of();

  private MoveJournal(Path destination, Path folder) {
    this.destination = destination;
    this.folder = folder;
  }

  static Path folderFor(Path destination) {
    return destination.resolveSibling(PREFIX + destination.getFileName());
  }

  /**
   * Claims the destination for this run.
   *
   * @throws InputException when another run that is still going holds it
   */
  static MoveJournal claim(Path destination) {
    Path folder = folderFor(destination);
    // a draft of its own for every claim, even two of one process (threads)
    Path draft = folder.resolveSibling(folder.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + Long.toHexString(System.nanoTime()) + "-" + Thread.currentThread().getId() + DRAFT);
    try {
      FileTrees.deleteRecursively(draft);
      Files.createDirectory(draft);
      Files.writeString(draft.resolve(OWNER), RunOwner.current() + "\n", StandardCharsets.UTF_8);
      for (int attempt = 0; ; attempt++) {
        try {
          // rename(2) fails on a journal already there, which always holds its owner file
          Files.move(draft, folder, StandardCopyOption.ATOMIC_MOVE);
          break;
        } catch (FileSystemException e) {
          if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            FileTrees.deleteQuietly(draft);
            RunOwner owner = owner(folder);
            throw InputException.at(destination.toString(), "another scaffold run "
                + (owner == null ? "" : "(pid " + owner.pid() + ") ") + "is writing this folder; wait for it to finish");
          }
          if (attempt >= 10) {
            throw e;
          }
          // the other run ended between the rename and the look: try again
        }
      }
      return new MoveJournal(destination, folder);
    } catch (IOException e) {
      FileTrees.deleteQuietly(draft);
      throw new OperationException("cannot claim " + destination + ": " + e.getMessage(), e);
    }
  }

  /**
   * Finishes what a run that is gone left: rolls its moves back or, when they were complete,
   * clears their backups. A journal of a run still going is left alone.
   */
  static Outcome recover(Path destination) {
    Path folder = folderFor(destination);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return Outcome.NOTHING;
    }
    RunOwner owner = owner(folder);
    if (owner != null && owner.alive()) {
      return Outcome.NOTHING;
    }
    MoveJournal j = new MoveJournal(destination, folder);
    try {
      if (Files.exists(folder.resolve(DONE))) {
        j.release();
        return Outcome.COMPLETED;
      }
      j.moves = readMoves(folder.resolve(MOVES));
      boolean anyMoves = !j.moves.isEmpty();
      j.rollBack();
      return anyMoves ? Outcome.ROLLED_BACK : Outcome.NOTHING;
    } catch (IOException e) {
      throw new OperationException("cannot recover the interrupted run recorded in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code name} is a claim's draft ({@code .scaffold-journal-NAME.PID-NANOS-THREAD.draft}). */
  static boolean isDraft(String name) {
    return name.startsWith(PREFIX) && name.endsWith(DRAFT);
  }

  /**
   * The run a draft left by a kill belongs to: the owner file in it or, when the kill came before
   * that was written, the pid in its name; null when neither can be read.
   */
  static RunOwner draftOwner(Path draft) {
    RunOwner owner = owner(draft);
    if (owner != null) {
      return owner;
    }
    String name = draft.getFileName().toString();
    String tail = name.substring(0, name.length() - DRAFT.length());
    String pid = tail.substring(tail.lastIndexOf('.') + 1).split("-")[0];
    try {
      return new RunOwner(Long.parseLong(pid), 0);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static RunOwner owner(Path folder) {
    try {
      return RunOwner.parse(Files.readString(folder.resolve(OWNER), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  /** Records the moves about to be made; nothing has moved before this returns. */
  void begin(List<Move> planned) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Move m : planned) {
      b.append(m.replaces() ? 'R' : 'N').append('\t').append(m.path()).append('\n');
    }
    Path draft = folder.resolve(MOVES + ".draft");
    Files.writeString(draft, b, StandardCharsets.UTF_8);
    Files.move(draft, folder.resolve(MOVES), StandardCopyOption.ATOMIC_MOVE);
    Files.createDirectory(folder.resolve(BACKUP));
    moves = List.copyOf(planned);
  }

  /** Where the destination's entry at {@code path} is kept until the run ends. */
  Path backupOf(String path) {
    return folder.resolve(BACKUP).resolve(path);
  }

  /** Every move made: from now on a recovery completes rather than rolls back. */
  void finish() throws IOException {
    Files.createFile(folder.resolve(DONE));
  }

  /** Ends the claim, dropping the backups. */
  void release() {
    FileTrees.deleteQuietly(folder);
  }

  /** Undoes the recorded moves, last first, and ends the claim; what did not move yet is left as it is. */
  void rollBack() throws IOException {
    if (Files.exists(folder.resolve(DONE))) {
      release(); // every move made: there is nothing to undo, only the backups to drop
      return;
    }
    for (int i = moves.size() - 1; i >= 0; i--) {
      Move m = moves.get(i);
      Path target = destination.resolve(m.path());
      Path backup = backupOf(m.path());
      boolean backedUp = Files.exists(backup, LinkOption.NOFOLLOW_LINKS);
      if (m.replaces() && !backedUp) {
        continue; // the user's entry never left
      }
      FileTrees.deleteRecursively(target);
      if (backedUp) {
        Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    moves = List.of();
    release();
  }

  private static List<Move> readMoves(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of(); // killed before the first move: nothing to undo
    }
    List<Move> moves = new ArrayList<>();
    for (String l : lines) {
      int tab = l.indexOf('\t');
      if (tab == 1) {
        moves.add(new Move(l.substring(2), l.charAt(0) == 'R'));
      }
    }
    return moves;
  }
}
