package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.template.TemplateSources;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The template source an update, check or diff reads: {@code --template} when given (for this run
 * only: the answers file keeps what it records), else the recorded {@code _template}, where a
 * relative folder ({@code ../templates/svc}, as {@code new} records a local template of a project
 * on GitHub) is found from the project's folder.
 */
final class TemplateInUse {

  private TemplateInUse() {}

  /**
   * {@code recorded} with the source to read in place of its {@code _template}.
   *
   * @param answersFile the answers file's path in the project, for errors
   * @param override {@code --template}, or null
   */
  static AnswersFile.Recorded of(AnswersFile.Recorded recorded, Path project, String answersFile, String override) {
    if (override != null) {
      String bad = TemplateSources.problem(override);
      if (bad != null) {
        throw InputException.at("--template", "refused: " + bad);
      }
      return with(recorded, override);
    }
    String source = recorded.template();
    if (!isRelativeFolder(source)) {
      return recorded;
    }
    Path folder = project.resolve(source).normalize();
    if (!Files.isDirectory(folder)) {
      throw InputException.at(AnswersFile.where(project, answersFile, "_template"),
          "`_template` is " + source + ", a folder relative to the project, and there is no folder " + folder
              + " (in a fresh clone, such as the fleet form's, the template is not beside the project); pass "
              + "--template SOURCE (the template's folder, git URL or gh:OWNER/NAME) to name it for this run");
    }
    return with(recorded, folder.toString());
  }

  /** A source written relative to the project: it starts with {@code ./} or {@code ../}. */
  static boolean isRelativeFolder(String source) {
    return source.equals(".") || source.equals("..") || source.startsWith("./") || source.startsWith("../");
  }

  private static AnswersFile.Recorded with(AnswersFile.Recorded recorded, String source) {
    return new AnswersFile.Recorded(source, recorded.version(), recorded.commit(), recorded.answers());
  }
}
