package dev.scaffold.project;

import dev.scaffold.GitHubToken;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Progress;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.TaskSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a template's tasks and runs them, without a shell, in the new project, with the user's
 * environment less the GitHub token ({@link GitHubToken#withoutTokens}): a task is the template's
 * code, and the token is for scaffold's own requests.
 */
public final class TaskRunner {

  private final Progress progress;
  private final Map<String, String> environment;

  /** @param environment what the command sees as its environment; tasks get it less the token */
  public TaskRunner(Progress progress, Map<String, String> environment) {
    this.progress = progress;
    this.environment = GitHubToken.withoutTokens(environment);
  }

  /** The tasks whose {@code when} holds, with their arguments rendered. */
  public static List<PlannedTask> plan(List<TaskSpec> tasks, TemplateEngine engine, Map<String, ?> model) {
    List<PlannedTask> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      TaskSpec t = tasks.get(i);
      String where = "task " + (i + 1);
      if (t.when() != null && !engine.test(t.when(), where + " when", model)) {
        continue;
      }
      List<String> argv = new ArrayList<>();
      for (String a : t.command()) {
        argv.add(engine.expand(a, where, model));
      }
      String dir = t.directory() == null ? null : engine.expand(t.directory(), where + " directory", model);
      out.add(new PlannedTask(argv, dir));
    }
    return out;
  }

  /** Runs each task in turn in {@code projectDir}; the first that fails stops the run. */
  public void run(List<PlannedTask> tasks, Path projectDir) {
    for (PlannedTask t : tasks) {
      Path dir = t.directory() == null ? projectDir : projectDir.resolve(t.directory()).normalize();
      if (!dir.startsWith(projectDir)) {
        throw InputException.at("task `" + t.display() + "`", "its directory leaves the project");
      }
      progress.step("run " + t.display());
      ProcessBuilder pb = new ProcessBuilder(t.argv()).directory(dir.toFile()).redirectErrorStream(true);
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().clear();
      pb.environment().putAll(environment);
      int code;
      try {
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            progress.output(line);
          }
        }
        code = p.waitFor();
      } catch (IOException e) {
        throw new OperationException("task `" + t.display() + "` could not start: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationException("task `" + t.display() + "` was interrupted", e);
      }
      if (code != 0) {
        throw new OperationException("task `" + t.display() + "` failed with exit code " + code + "; nothing was written");
      }
    }
  }
}
