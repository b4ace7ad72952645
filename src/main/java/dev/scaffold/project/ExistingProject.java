package dev.scaffold.project;

import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.TemplateOrigin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises a destination that already holds this very project, committed: made from the same
 * template and version with the same answers, work tree clean. {@code scaffold new} then skips
 * rendering and resumes publishing, which is how a failed GitHub step is finished.
 */
final class ExistingProject {

  private ExistingProject() {}

  /** @param source the {@code _template} the project would record, asked for only when there is a file to compare */
  static boolean isSame(Path destination, ResolvedTemplate template, Answers answers, GitClient git,
      java.util.function.Supplier<String> source) {
    String name = template.spec().answersFile();
    Path file = destination.resolve(name);
    if (!Files.isRegularFile(file) || !git.isRepository(destination)) {
      return false;
    }
    TemplateOrigin o = template.origin();
    String expected =
        AnswersFile.render(new AnswersFile.Recorded(source.get(), o.version(), o.commit(), answers.recordable()), name);
    try {
      if (!expected.equals(Files.readString(file, StandardCharsets.UTF_8))) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    try (GitRepo repo = git.open(destination)) {
      return repo.isClean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
