package dev.scaffold.cli;

import dev.scaffold.project.NewResult;
import dev.scaffold.update.ConflictStyle;
import dev.scaffold.update.FileOutcome;
import dev.scaffold.update.UpdateResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Next steps" block printed at the end of {@code new} and {@code update}: what scaffold knows
 * is left to do (go to the folder, resolve conflicts, merge the pull request), then the template's
 * own message. Never printed with {@code --json} (the JSON carries the message) or {@code --quiet}.
 */
final class NextSteps {

  private NextSteps() {}

  /** After {@code new}: printed when the template has a message or a pull request was opened. */
  static List<String> afterNew(NewResult r, Path workingDir) {
    List<String> steps = new ArrayList<>();
    String pr = r.published().get("pull_request");
    if (r.message() == null && pr == null) {
      return steps;
    }
    steps.add("cd " + shown(r.destination(), workingDir));
    if (pr != null) {
      steps.add("Review and merge the pull request: " + pr);
      steps.add("then: git switch " + (r.branch() == null ? "main" : r.branch()) + " && git pull");
    }
    addMessage(steps, r.message());
    return steps;
  }

  /** After a real (not dry-run) {@code update} that changed something. */
  static List<String> afterUpdate(UpdateResult r, ConflictStyle style) {
    List<String> steps = new ArrayList<>();
    if (r.upToDate() || r.dryRun()) {
      return steps;
    }
    List<FileOutcome> conflicts = r.conflicts();
    if (!conflicts.isEmpty()) {
      if (style == ConflictStyle.REJ) {
        steps.add("Resolve the conflicts: apply the hunks of each FILE.rej to FILE by hand, then delete the .rej file.");
      } else {
        steps.add("Resolve the conflicts: edit each file listed at its <<<<<<< markers, then `git add` it "
            + "(`git diff --name-only --diff-filter=U` lists those left).");
      }
    }
    if (r.pullRequest() != null) {
      steps.add((conflicts.isEmpty() ? "" : "Push the resolution to " + r.branch() + ", then ")
          + "review and merge the pull request: " + r.pullRequest());
    } else if (r.commit() != null) {
      steps.add("Review the branch " + r.branch() + " (`git log -p -1`), then merge it" + (conflicts.isEmpty() ? "" : " once resolved") + ".");
    } else {
      steps.add("Review the changes (`git diff`), then commit them.");
    }
    addMessage(steps, r.message());
    return steps;
  }

  /** Prints the block, or nothing when there are no steps. */
  static void print(List<String> steps, PrintWriter out) {
    if (steps.isEmpty()) {
      return;
    }
    out.println();
    out.println("Next steps:");
    for (String s : steps) {
      out.println(s.isEmpty() ? "" : "  " + s);
    }
  }

  private static void addMessage(List<String> steps, String message) {
    if (message != null) {
      message.lines().forEach(l -> steps.add(l.stripTrailing()));
    }
  }

  /** The destination as the user would type it: relative to the working folder when inside it. */
  private static String shown(Path destination, Path workingDir) {
    Path d = destination.toAbsolutePath().normalize();
    Path w = workingDir.toAbsolutePath().normalize();
    String text = d.startsWith(w) && !d.equals(w) ? w.relativize(d).toString() : d.toString();
    return text.matches("[A-Za-z0-9._/+:@-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
