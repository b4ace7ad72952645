package dev.scaffold.update;

import dev.scaffold.OperationException;
import dev.scaffold.publish.GitRepo;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * An {@code update --commit} stopped with conflicts left, as kept in the repository's own folder
 * ({@code .git/SCAFFOLD_UPDATE}) until {@code update --continue} commits it: the branch and HEAD it
 * stopped at (by which a state that git has since moved past is told stale), the commit message
 * the update would have used, and the files to check for conflicts left (conflicted files and
 * {@code .rej} files). The same message goes into {@code MERGE_MSG}, which {@code git commit}
 * offers.
 */
record UpdateInProgress(String branch, String head, String fromVersion, String toVersion, String message,
    List<String> conflicted, List<String> rejects, List<String> folders) {

  /** One project's update: its commit covers the folder {@code --continue} is run on. */
  UpdateInProgress(String branch, String head, String fromVersion, String toVersion, String message,
      List<String> conflicted, List<String> rejects) {
    this(branch, head, fromVersion, toVersion, message, conflicted, rejects, List.of());
  }

  static final String FILE = "SCAFFOLD_UPDATE";
  private static final String MERGE_MSG = "MERGE_MSG";

  /** Written whole or not at all: a run killed midway leaves the old state or none. */
  void save(Path gitDir) {
    Properties p = new Properties();
    p.setProperty("branch", branch);
    p.setProperty("head", head == null ? "" : head);
    p.setProperty("from", fromVersion == null ? "" : fromVersion);
    p.setProperty("to", toVersion);
    p.setProperty("message", message);
    p.setProperty("conflicted", String.join("\n", conflicted));
    p.setProperty("rejects", String.join("\n", rejects));
    // update --all: the projects' folders (from the repository's root), which alone the commit holds
    p.setProperty("folders", String.join("\n", folders));
    StringWriter text = new StringWriter();
    try {
      p.store(text, "scaffold update in progress: finish with `scaffold update --continue`");
      writeAtomically(gitDir.resolve(FILE), text.toString());
      writeAtomically(gitDir.resolve(MERGE_MSG), message);
    } catch (IOException e) {
      throw new OperationException("cannot save the update in progress in " + gitDir + ": " + e.getMessage(), e);
    }
  }

  /** The saved state, or null when there is none; a file that does not read as one is an error naming it. */
  static UpdateInProgress read(Path gitDir) {
    Path file = gitDir.resolve(FILE);
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new OperationException("cannot read " + file + ": " + e.getMessage() + "; delete it to start over", e);
    }
    String branch = p.getProperty("branch");
    String to = p.getProperty("to");
    String message = p.getProperty("message");
    if (branch == null || branch.isEmpty() || to == null || to.isEmpty() || message == null || message.isEmpty()) {
      throw new OperationException(file + " is not a saved update (branch, to or message missing); delete it to start over");
    }
    return new UpdateInProgress(branch, emptyToNull(p.getProperty("head")), emptyToNull(p.getProperty("from")), to,
        message, lines(p.getProperty("conflicted")), lines(p.getProperty("rejects")),
        lines(p.getProperty("folders")));
  }

  /** Removes the state (and the message it gave git), once the update is committed or is stale. */
  static void clear(Path gitDir) {
    try {
      Files.deleteIfExists(gitDir.resolve(MERGE_MSG));
      Files.deleteIfExists(gitDir.resolve(FILE));
    } catch (IOException e) {
      throw new OperationException("cannot remove " + gitDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** Whether git has moved on since the update stopped: another branch checked out, or HEAD moved. */
  boolean staleIn(GitRepo repo) {
    return !branch.equals(repo.branch()) || !java.util.Objects.equals(head, repo.head());
  }

  /** The trailer line the update's commit carries, by which a commit made by hand is recognised. */
  String trailerLine() {
    return message.lines().filter(l -> l.startsWith(ProjectUpdater.TRAILER + ":")).findFirst().orElse(null);
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }
}
