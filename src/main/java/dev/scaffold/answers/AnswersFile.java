package dev.scaffold.answers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.InputException;
import dev.scaffold.InputFiles;
import dev.scaffold.OperationException;
import dev.scaffold.Problem;
import dev.scaffold.template.TemplateSources;
import dev.scaffold.template.YamlDocument;
import dev.scaffold.template.YamlWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads answers files ({@code --answers}, YAML or JSON) and reads and writes the {@code
 * .scaffold-answers.yml} a generated project keeps: {@code _template}, {@code _version}, {@code
 * _commit} and every answer except secrets.
 */
public final class AnswersFile {

  public static final String NAME = dev.scaffold.template.TemplateSpec.DEFAULT_ANSWERS_FILE;

  /** The key by which an answers file kept elsewhere than {@link #NAME} names its own path in the project. */
  public static final String SELF_KEY = "_answers_file";
  private static final String HEADER =
      "# Written by scaffold: the template and answers this project was made from.\n"
          + "# `scaffold update` reads it; change answers with `scaffold update --set KEY=VALUE`.\n";

  /** What a generated project records about its origin. */
  public record Recorded(String template, String version, String commit, Map<String, Object> answers) {}

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

  private AnswersFile() {}

  /** Reads a flat mapping of answers from a YAML or JSON file. */
  public static Map<String, Object> readInputs(Path file) {
    return readInputs(file, file.toString());
  }

  /** As {@link #readInputs(Path)}, naming the file in errors as the user did. */
  public static Map<String, Object> readInputs(Path file, String name) {
    return readInputs(YamlDocument.parse(InputFiles.readText(file, name), name));
  }

  private static Map<String, Object> readInputs(YamlDocument doc) {
    JsonNode root = doc.root();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return Map.of();
    }
    if (!root.isObject()) {
      throw InputException.at(doc.where(""), "an answers file must be a mapping of question name to answer");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Object v = toJava(e.getValue());
      if (v == NOT_PLAIN) {
        throw InputException.at(doc.where("/" + e.getKey()), "`" + e.getKey() + "` must be a value or a list of values");
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /**
   * Reads a project's {@code .scaffold-answers.yml}; a missing or broken file is a clear input
   * error naming the key at fault. {@code _template} goes to git, so only a sane source passes.
   */
  public static Recorded readRecorded(Path projectDir) {
    return readRecorded(projectDir, NAME);
  }

  /**
   * As {@link #readRecorded(Path)}, for an answers file at {@code relative} in the project (a
   * template's {@code answers_file}). No part of that path may be a symbolic link.
   */
  public static Recorded readRecorded(Path projectDir, String relative) {
    Path file = projectDir.resolve(relative);
    Path folder = projectDir;
    String[] parts = relative.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      folder = folder.resolve(parts[i]);
      if (Files.isSymbolicLink(folder)) {
        throw InputException.at(file.toString(), "lies in " + folder + ", a symbolic link; the answers file is read "
            + "only as a file of the project itself");
      }
    }
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw InputException.at(file.toString(), "not found: this folder was not made by scaffold (or the file was removed)");
    }
    if (Files.isSymbolicLink(file)) {
      // a cloned repository could point it at the user's credentials, whose values would be rendered and pushed
      throw InputException.at(file.toString(), "is a symbolic link; the answers file is read only as a file of the project itself");
    }
    YamlDocument doc = YamlDocument.parse(readText(file), file.toString());
    Map<String, Object> all = readInputs(doc);
    List<Problem> problems = new ArrayList<>();
    String template = metadata(doc, all, "_template", true, problems);
    String version = metadata(doc, all, "_version", false, problems);
    String commit = metadata(doc, all, "_commit", false, problems);
    if (template != null) {
      String bad = TemplateSources.problem(template);
      if (bad != null) {
        problems.add(Problem.at(doc.where("/_template"), "`_template` " + bad));
      }
    }
    if (version != null && (version.startsWith("-") || version.isBlank() || hasControl(version))) {
      problems.add(Problem.at(doc.where("/_version"), "`_version` `" + AnswerTypes.shown(version) + "` is not a version tag"));
    }
    if (commit != null && !COMMIT.matcher(commit).matches()) {
      problems.add(Problem.at(doc.where("/_commit"), "`_commit` must be a git commit id (hex), not `" + AnswerTypes.shown(commit) + "`"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems in " + file, problems);
    }
    Map<String, Object> answers = new LinkedHashMap<>(all);
    answers.keySet().removeIf(k -> k.startsWith("_"));
    return new Recorded(template, version, commit, answers);
  }

  /** {@code file:line} of a key in a project's answers file, for errors found after reading it. */
  public static String where(Path projectDir, String key) {
    return where(projectDir, NAME, key);
  }

  /** {@code file:line} of a key in the answers file at {@code relative} in the project. */
  public static String where(Path projectDir, String relative, String key) {
    Path file = projectDir.resolve(relative);
    try {
      return YamlDocument.parse(readText(file), file.toString()).where("/" + key);
    } catch (InputException e) {
      return file.toString();
    }
  }

  /** The text of {@code .scaffold-answers.yml}. */
  public static String render(Recorded r) {
    return render(r, NAME);
  }

  /**
   * The text of an answers file kept at {@code relative} in the project. One elsewhere than {@code
   * .scaffold-answers.yml} names its own place ({@code _answers_file}): that is how {@code update
   * --all} tells it from any other YAML file, and where it finds the project's folder.
   */
  public static String render(Recorded r, String relative) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("_template", r.template());
    if (r.version() != null) {
      doc.put("_version", r.version());
    }
    if (r.commit() != null) {
      doc.put("_commit", r.commit());
    }
    if (!relative.equals(NAME)) {
      doc.put(SELF_KEY, relative);
    }
    r.answers().forEach((k, v) -> doc.put(k, v instanceof BigDecimal d ? d.toPlainString() : v));
    return HEADER + YamlWriter.write(doc);
  }

  /** Writes plain answers (no metadata), as {@code --save-answers} does. */
  public static void writeInputs(Path file, Map<String, Object> answers) {
    try {
      Files.writeString(file, YamlWriter.write(answers), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OperationException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String metadata(YamlDocument doc, Map<String, Object> all, String key, boolean required, List<Problem> problems) {
    Object v = all.get(key);
    if (v == null) {
      if (required) {
        problems.add(Problem.at(doc.where(""), "`" + key + "` is missing"));
      }
      return null;
    }
    if (!(v instanceof String s)) {
      // a value YAML typed (true, 1.10, a list) was not written by scaffold and may have lost digits
      problems.add(Problem.at(doc.where("/" + key), "`" + key + "` must be text (quoted), not `" + AnswerTypes.shown(v) + "`"));
      return null;
    }
    return s;
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(Character::isISOControl);
  }

  private static final Object NOT_PLAIN = new Object();

  private static Object toJava(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode c : n) {
        Object v = toJava(c);
        if (v == NOT_PLAIN || c.isArray()) {
          return NOT_PLAIN;
        }
        out.add(v);
      }
      return out;
    }
    if (n.isObject()) {
      return NOT_PLAIN;
    }
    return YamlDocument.plainValue(n);
  }

  private static String readText(Path file) {
    return InputFiles.readText(file, file.toString());
  }
}
