package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.Progress;
import dev.scaffold.ScaffoldVersion;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.Answers;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.answers.RecordedAnswers;
import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.TemplateFetcher;
import dev.scaffold.template.TemplateResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code scaffold diff} use case: renders the project's recorded version with its recorded
 * answers and compares that fresh render with the project. A folder template is rendered as it is
 * now, since a folder keeps no versions.
 */
public final class DriftFinder {

  private final TemplateVersionSource source;
  private final GitClient git;
  private final TextMerge textMerge;
  private final Progress progress;

  public DriftFinder(TemplateResolver resolver, TemplateFetcher fetcher, GitClient git, TextMerge textMerge, Progress progress) {
    this.source = new TemplateVersionSource(resolver, fetcher, progress);
    this.git = git;
    this.textMerge = textMerge;
    this.progress = progress;
  }

  public DriftReport diff(Path projectDir) {
    return diff(projectDir, null);
  }

  /**
   * As {@link #diff(Path)}, for the answers file at {@code answersFile} (null: find it). The
   * project's answers files are never reported as added; another template's files are.
   */
  public DriftReport diff(Path projectDir, String answersFile) {
    return diff(projectDir, answersFile, null);
  }

  /** As {@link #diff(Path, String)}, rendering {@code template} (when not null) in place of the recorded one. */
  public DriftReport diff(Path projectDir, String answersFile, String template) {
    Path project = projectDir.toAbsolutePath().normalize();
    String file = AnswersFinder.locate(project, answersFile);
    AnswersFile.Recorded recorded = TemplateInUse.of(AnswersFile.readRecorded(project, file), project, file, template);
    TemplateVersionSource.Kind kind = source.kind(recorded, project);
    String tag = kind == TemplateVersionSource.Kind.GIT ? recorded.version() : null;
    if (kind == TemplateVersionSource.Kind.BUNDLED && !ScaffoldVersion.current().equals(recorded.version())) {
      progress.warn("the project records bundled `" + recorded.template() + "` of scaffold " + recorded.version()
          + "; comparing with this scaffold's version " + ScaffoldVersion.current());
    }
    Path work = TemplateVersionSource.tempDir("scaffold-diff-");
    try (ResolvedTemplate t = source.resolve(recorded.template(), tag)) {
      RecordedAnswers.requireFit(t.spec(), recorded.answers(), java.util.Set.of(), project);
      Answers answers;
      try {
        answers = TemplateVersionSource.answers(t, new AnswerInputs(Map.of(), Map.of(), null, recorded.answers()), null,
            true, Progress.NONE);
      } catch (InputException e) {
        throw new InputException("the recorded answers do not render " + recorded.template() + " "
            + t.versionLabel() + ": " + e.getMessage(), e.problems(), e);
      }
      progress.step("render " + t.spec().name() + " " + t.versionLabel());
      RenderedTree fresh = TemplateVersionSource.render(t, answers, work.resolve("fresh"));
      return compare(project, recorded, t.versionLabel(), fresh);
    } finally {
      TemplateVersionSource.deleteQuietly(work);
    }
  }

  private DriftReport compare(Path project, AnswersFile.Recorded recorded, String version, RenderedTree fresh) {
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    StringBuilder patch = new StringBuilder();
    try {
      for (String p : new TreeSet<>(fresh.sources().keySet())) {
        Path mine = project.resolve(p);
        Path theirs = fresh.file(p);
        if (!Files.isRegularFile(mine, LinkOption.NOFOLLOW_LINKS)) {
          removed.add(p);
          patch.append(fileDiff(p, Files.readAllBytes(theirs), null));
        } else if (Files.size(mine) != Files.size(theirs) || Files.mismatch(mine, theirs) != -1) {
          changed.add(p);
          patch.append(fileDiff(p, Files.readAllBytes(theirs), Files.readAllBytes(mine)));
        }
      }
      List<String> added = new ArrayList<>();
      Set<String> answersFiles = new java.util.HashSet<>(Set.of(AnswersFile.NAME));
      AnswersFinder.below(project).stream().filter(f -> f.project().equals(project))
          .forEach(f -> answersFiles.add(f.answersFile()));
      for (String p : projectFiles(project)) {
        if (!fresh.has(p) && !answersFiles.contains(p)) {
          added.add(p);
          patch.append(fileDiff(p, null, Files.readAllBytes(project.resolve(p))));
        }
      }
      return new DriftReport(project, recorded.template(), version, changed, added, removed, patch.toString());
    } catch (IOException e) {
      throw new OperationException("cannot compare " + project + ": " + e.getMessage(), e);
    }
  }

  /** The project's files: what git sees (tracked, or untracked and not ignored), else every file but .git. */
  private Set<String> projectFiles(Path project) throws IOException {
    // in a monorepo, the files of the project's folder only, relative to it
    GitRepo repo = GitCheck.openProject(git, project);
    if (repo != null) {
      try (repo) {
        return new TreeSet<>(repo.workTreeFiles());
      }
    }
    Set<String> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(project)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> project.relativize(p).toString().replace(project.getFileSystem().getSeparator(), "/"))
          .filter(p -> !p.equals(".git") && !p.startsWith(".git/"))
          .forEach(out::add);
    }
    return out;
  }

  private String fileDiff(String path, byte[] fresh, byte[] mine) {
    StringBuilder b = new StringBuilder();
    b.append("diff --scaffold a/").append(path).append(" b/").append(path).append('\n');
    if (fresh == null) {
      b.append("new file\n");
    } else if (mine == null) {
      b.append("deleted file\n");
    }
    byte[] a = fresh == null ? new byte[0] : fresh;
    byte[] c = mine == null ? new byte[0] : mine;
    if (TreeMerger.isBinary(a) || TreeMerger.isBinary(c)) {
      return b.append("Binary files ").append(fresh == null ? "/dev/null" : "a/" + path).append(" and ")
          .append(mine == null ? "/dev/null" : "b/" + path).append(" differ\n").toString();
    }
    b.append("--- ").append(fresh == null ? "/dev/null" : "a/" + path).append('\n');
    b.append("+++ ").append(mine == null ? "/dev/null" : "b/" + path).append('\n');
    b.append(textMerge.diff(a, c, 3));
    return b.toString();
  }
}
