package dev.scaffold.answers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.template.YamlDocument;
import dev.scaffold.template.YamlWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads answers files ({@code --answers}, YAML or JSON) and reads and writes the {@code
 * .scaffold-answers.yml} a generated project keeps: {@code _template}, {@code _version}, {@code
 * _commit} and every answer except secrets.
 */
public final class AnswersFile {

  public static final String NAME = ".scaffold-answers.yml";
  private static final String HEADER =
      "# Written by scaffold: the template and answers this project was made from.\n"
          + "# `scaffold update` reads it; change answers with `scaffold update --set KEY=VALUE`.\n";

  /** What a generated project records about its origin. */
  public record Recorded(String template, String version, String commit, Map<String, Object> answers) {}

  private AnswersFile() {}

  /** Reads a flat mapping of answers from a YAML or JSON file. */
  public static Map<String, Object> readInputs(Path file) {
    YamlDocument doc = YamlDocument.parse(readText(file), file.toString());
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

  /** Reads a project's {@code .scaffold-answers.yml}; a missing or broken file is a clear input error. */
  public static Recorded readRecorded(Path projectDir) {
    Path file = projectDir.resolve(NAME);
    if (!Files.exists(file)) {
      throw InputException.at(file.toString(), "not found: this folder was not made by scaffold (or the file was removed)");
    }
    Map<String, Object> all = readInputs(file);
    List<String> errors = new ArrayList<>();
    String template = stringField(all, "_template", true, errors);
    String version = stringField(all, "_version", false, errors);
    String commit = stringField(all, "_commit", false, errors);
    if (!errors.isEmpty()) {
      throw InputException.at(file.toString(), String.join("; ", errors));
    }
    Map<String, Object> answers = new LinkedHashMap<>(all);
    answers.keySet().removeIf(k -> k.startsWith("_"));
    return new Recorded(template, version, commit, answers);
  }

  /** The text of {@code .scaffold-answers.yml}. */
  public static String render(Recorded r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("_template", r.template());
    if (r.version() != null) {
      doc.put("_version", r.version());
    }
    if (r.commit() != null) {
      doc.put("_commit", r.commit());
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

  private static String stringField(Map<String, Object> all, String key, boolean required, List<String> errors) {
    Object v = all.get(key);
    if (v == null) {
      if (required) {
        errors.add("`" + key + "` is missing");
      }
      return null;
    }
    if (v instanceof List<?>) {
      errors.add("`" + key + "` must be text");
      return null;
    }
    return v.toString();
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
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw InputException.at(file.toString(), "no such file");
    } catch (IOException e) {
      throw InputException.at(file.toString(), "cannot be read: " + e.getMessage());
    }
  }
}
