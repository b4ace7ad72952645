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
 * Renders a template's tasks (and an update's migrations) and runs them, without a shell, in the
 * project, with the user's environment less the GitHub token ({@link GitHubToken#withoutTokens}): a
 * task is the template's code, and the token is for scaffold's own requests.
 *
 * <p>Tasks see {@code _operation} ({@code "new"} or {@code "update"}) in their {@code when} and
 * arguments. On {@code update}, a task runs only when its {@code when} holds there: one without a
 * {@code when} runs on {@code new} only, as tasks always have.
 */
public final class TaskRunner {

  private final Progress progress;
  private final Map<String, String> environment;

  /** @param environment what the command sees as its environment; tasks get it less the token */
  public TaskRunner(Progress progress, Map<String, String> environment) {
    this.progress = progress;
    this.environment = GitHubToken.withoutTokens(environment);
  }

  /** The value of {@code _operation} for {@code scaffold new}. */
  public static final String NEW = "new";

  /** The value of {@code _operation} for {@code scaffold update}. */
  public static final String UPDATE = "update";

  /** The tasks of {@code scaffold new} whose {@code when} holds, with their arguments rendered. */
  public static List<PlannedTask> plan(List<TaskSpec> tasks, TemplateEngine engine, Map<String, ?> model) {
    return plan(tasks, engine, model, NEW);
  }

  /** The tasks whose {@code when} holds for {@code operation} ({@link #NEW} or {@link #UPDATE}), rendered. */
  public static List<PlannedTask> plan(List<TaskSpec> tasks, TemplateEngine engine, Map<String, ?> model,
      String operation) {
    Map<String, Object> withOperation = new java.util.HashMap<>(model);
    withOperation.put("_operation", operation);
    List<PlannedTask> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      TaskSpec t = tasks.get(i);
      String where = "task " + (i + 1);
      if (t.when() == null ? !operation.equals(NEW) : !engine.test(t.when(), where + " when", withOperation)) {
        continue;
      }
      List<String> argv = new ArrayList<>();
      for (String a : t.command()) {
        argv.add(engine.expand(a, where, withOperation));
      }
      String dir = t.directory() == null ? null : engine.expand(t.directory(), where + " directory", withOperation);
      out.add(new PlannedTask(argv, dir));
    }
    return out;
  }

  /** Runs each task in turn in {@code projectDir}; the first that fails stops the run. */
  public void run(List<PlannedTask> tasks, Path projectDir) {
    run(tasks, projectDir, Map.of(), "task", "nothing was written");
  }

  /**
   * Runs each command in turn in {@code projectDir} with {@code extra} added to its environment;
   * the first that fails stops the run.
   *
   * @param kind what the commands are, for messages: {@code task}, {@code migration 2.0.0 (before)}
   * @param afterFailure what a failure leaves, said after its exit code
   */
  public void run(List<PlannedTask> tasks, Path projectDir, Map<String, String> extra, String kind,
      String afterFailure) {
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.putAll(extra);
    env = GitHubToken.withoutTokens(env);
    for (PlannedTask t : tasks) {
      Path dir = t.directory() == null ? projectDir : projectDir.resolve(t.directory()).normalize();
      if (!dir.startsWith(projectDir)) {
        throw InputException.at("task `" + t.display() + "`", "its directory leaves the project");
      }
      progress.step("run " + t.display());
      ProcessBuilder pb = new ProcessBuilder(t.argv()).directory(dir.toFile()).redirectErrorStream(true);
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().clear();
      pb.environment().putAll(env);
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
        throw new OperationException(kind + " `" + t.display() + "` could not start: " + e.getMessage() + "; "
            + afterFailure, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationException(kind + " `" + t.display() + "` was interrupted; " + afterFailure, e);
      }
      if (code != 0) {
        throw new OperationException(kind + " `" + t.display() + "` failed with exit code " + code + "; " + afterFailure);
      }
    }
  }
}
