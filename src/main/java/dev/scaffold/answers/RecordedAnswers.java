package dev.scaffold.answers;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.template.Question;
import dev.scaffold.template.TemplateSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a project's recorded answers against the questions of the version that recorded them.
 * An answer that does not fit its own version was edited by hand into nonsense ({@code maybe} for
 * a bool, a list for an int): an error naming the key, never a default taken in its place. (An
 * answer that fits the recorded version but not a newer one is a changed question, which update
 * asks again.)
 */
public final class RecordedAnswers {

  private RecordedAnswers() {}

  /**
   * @param replaced keys the run answers anew ({@code --set}): the way to repair a broken one
   */
  public static void requireFit(TemplateSpec recordedVersion, Map<String, Object> answers, Set<String> replaced,
      Path projectDir) {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, Object> e : answers.entrySet()) {
      Question q = recordedVersion.question(e.getKey()).orElse(null);
      if (q == null || e.getValue() == null || replaced.contains(e.getKey())) {
        continue;
      }
      try {
        AnswerTypes.convert(q, e.getValue());
      } catch (IllegalArgumentException bad) {
        problems.add(Problem.at(AnswersFile.where(projectDir, e.getKey()),
            "`" + e.getKey() + "` does not fit its question: " + bad.getMessage()
                + " (fix the file, or answer anew with --set " + e.getKey() + "=VALUE)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems.size() == 1 ? problems.get(0).toString()
          : problems.size() + " recorded answers do not fit their questions", problems);
    }
  }
}
