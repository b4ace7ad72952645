package dev.scaffold.cli;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.ScaffoldException;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswerRecorder;
import dev.scaffold.answers.LastAnswers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code new} does so typed answers outlive the run: kept after it, read back by {@code --replay}. */
final class KeptAnswers {

  private KeptAnswers() {}

  /** The inputs with the answers last given for {@code template} under the answers file's (which win). */
  static AnswerInputs replayed(CliContext ctx, String template, AnswerInputs inputs) {
    Map<String, Object> last = LastAnswers.read(ctx.env(), template);
    Map<String, Object> file = new LinkedHashMap<>(last);
    file.putAll(inputs.file());
    String replayed = LastAnswers.file(ctx.env(), template).toString();
    String name = inputs.fileName() == null ? replayed : inputs.fileName() + " (over " + replayed + ")";
    return new AnswerInputs(inputs.set(), file, name, inputs.recorded(), inputs.profileDefaults(), inputs.profileWhere());
  }

  /** Keeps the answers of a run that succeeded, for {@code --replay}; never fails the run for it. */
  static void keep(CliContext ctx, String template, AnswerRecorder recorder) {
    if (recorder == null || !recorder.asked()) {
      return;
    }
    try {
      LastAnswers.save(ctx.env(), template, recorder.answers());
    } catch (OperationException e) {
      ctx.err().println("warning: " + e.getMessage());
    }
  }

  /**
   * The failure of a run the user typed answers for, with those answers kept and the way to use
   * them: the same error, one more line saying {@code --answers FILE} runs again without asking.
   */
  static ScaffoldException failed(CliContext ctx, String template, AnswerRecorder recorder, ScaffoldException e) {
    if (recorder == null || !recorder.asked()) {
      return e;
    }
    Path kept;
    try {
      kept = LastAnswers.save(ctx.env(), template, recorder.answers());
    } catch (OperationException io) {
      ctx.err().println("warning: " + io.getMessage());
      return e;
    }
    List<Problem> problems = new ArrayList<>(e.problems());
    problems.add(new Problem("your answers are kept in " + kept,
        "run again with `--answers " + kept + "` (or --replay) and nothing is asked"));
    return e instanceof InputException
        ? new InputException(e.getMessage(), problems, e.getCause())
        : new OperationException(e.getMessage(), problems, e.getCause());
  }
}
