package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.render.DotGit;
import dev.scaffold.template.SpecReader;
import dev.scaffold.template.YamlDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the answers files of scaffold projects: the one of a project folder, and every one below a
 * folder ({@code update --all}). A file counts when it is named {@code .scaffold-answers.yml}, or
 * when it is a YAML file whose {@code _answers_file} names its own path from the project's folder
 * (what {@code new} writes for a template's {@code answers_file}): so no other YAML file is taken
 * for one, and the project's folder is known without reading any template.
 */
public final class AnswersFinder {

  /** An answers file, at {@code answersFile} (relative, {@code /}-separated) in {@code project}. */
  public record Found(Path project, String answersFile) {
    public Path file() {
      return project.resolve(answersFile);
    }
  }

  /** Larger YAML files are not read to look for {@code _answers_file}: answers files are small. */
  private static final long MAX_CANDIDATE = 1 << 20;

  private AnswersFinder() {}

  /**
   * The answers file of the project in {@code project}: {@code given} ({@code --answers-file}) when
   * there is one, else {@code .scaffold-answers.yml} when present, else the only answers file kept
   * elsewhere in that folder.
   */
  public static String locate(Path project, String given) {
    if (given != null) {
      String bad = SpecReader.answersFileProblem(given);
      if (bad != null) {
        throw InputException.at("--answers-file " + given, bad);
      }
      return given;
    }
    if (Files.exists(project.resolve(AnswersFile.NAME), LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(project)) {
      return AnswersFile.NAME;
    }
    List<Found> own = below(project).stream().filter(f -> f.project().equals(project)).toList();
    if (own.size() > 1) {
      throw InputException.at(project.toString(), "holds " + own.size() + " answers files ("
          + String.join(", ", own.stream().map(Found::answersFile).toList()) + "); name one with --answers-file, or use --all");
    }
    return own.isEmpty() ? AnswersFile.NAME : own.get(0).answersFile();
  }

  /**
   * Every answers file below {@code dir} (itself included), sorted by path. {@code .git} folders
   * are skipped and symbolic links never followed (nor taken for answers files).
   */
  public static List<Found> below(Path dir) {
    Path top = dir.toAbsolutePath().normalize();
    List<Found> out = new ArrayList<>();
    try {
      Files.walkFileTree(top, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          Path name = d.getFileName();
          if (!d.equals(top) && name != null && (DotGit.names(name.toString())
              || name.toString().startsWith(".scaffold-staging-"))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            Found found = recognise(top, f, attrs.size());
            if (found != null) {
              out.add(found);
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          throw new OperationException("cannot read " + f + ": " + e.getMessage(), e);
        }
      });
    } catch (IOException e) {
      throw new OperationException("cannot look for answers files in " + top + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(f -> f.file().toString()));
    return out;
  }

  private static Found recognise(Path top, Path file, long size) {
    String name = file.getFileName().toString();
    if (name.equals(AnswersFile.NAME)) {
      return new Found(file.getParent(), AnswersFile.NAME);
    }
    if (!(name.endsWith(".yml") || name.endsWith(".yaml")) || size > MAX_CANDIDATE) {
      return null;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return null; // not UTF-8 text: not an answers file
    }
    // a cheap test before parsing: nearly every YAML file of a repository is something else
    if (!text.startsWith(AnswersFile.SELF_KEY + ":") && !text.contains("\n" + AnswersFile.SELF_KEY + ":")) {
      return null;
    }
    JsonNode root;
    try {
      root = YamlDocument.parse(text, file.toString()).root();
    } catch (InputException e) {
      return null;
    }
    if (root == null || !root.isObject() || !root.path(AnswersFile.SELF_KEY).isTextual()
        || !root.path("_template").isTextual()) {
      return null;
    }
    String self = root.get(AnswersFile.SELF_KEY).asText();
    if (SpecReader.answersFileProblem(self) != null) {
      return null;
    }
    String rel = top.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    if (rel.equals(self)) {
      return new Found(top, self);
    }
    if (!rel.endsWith("/" + self)) {
      return null;
    }
    return new Found(top.resolve(rel.substring(0, rel.length() - self.length() - 1)), self);
  }
}
