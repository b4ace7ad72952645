package dev.scaffold.answers;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.template.YamlWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last answers typed for each template, kept under {@code $XDG_STATE_HOME/scaffold/answers/}
 * (default {@code ~/.local/state/scaffold/answers/}): after a run that failed past the questions
 * they are the way back ({@code --answers FILE}), and {@code --replay} reads them. Secrets are
 * never among them ({@link AnswerRecorder} leaves them out); files are mode 0600 all the same.
 */
public final class LastAnswers {

  private LastAnswers() {}

  /** The file kept for {@code template} (a bundled name, a folder or a git source). */
  public static Path file(Map<String, String> env, String template) {
    return folder(env).resolve(key(template) + ".yml");
  }

  private static Path folder(Map<String, String> env) {
    String xdg = env.get("XDG_STATE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "scaffold", "answers");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "state", "scaffold", "answers");
  }

  /** A file name that reads as the template and cannot collide: {@code gh_acme_svc-1a2b3c4d}. */
  static String key(String template) {
    String readable = template.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
    if (readable.length() > 60) {
      readable = readable.substring(readable.length() - 60);
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(template.getBytes(StandardCharsets.UTF_8));
      return (readable.isEmpty() ? "template" : readable) + "-" + HexFormat.of().formatHex(h, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the answers for {@code template} (temporary file renamed over the old one) and returns the file. */
  public static Path save(Map<String, String> env, String template, Map<String, Object> answers) {
    Path target = file(env, template);
    Map<String, Object> plain = new LinkedHashMap<>();
    answers.forEach((k, v) -> plain.put(k, v instanceof BigDecimal d ? d.toPlainString() : v));
    try {
      dev.scaffold.PrivateFiles.write(target, "# answers last given for " + template.replaceAll("\\p{Cntrl}", "?") + "\n"
          + YamlWriter.write(plain));
    } catch (IOException e) {
      throw new OperationException("cannot keep the answers in " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /** The answers kept for {@code template}; an input error when there are none yet. */
  public static Map<String, Object> read(Map<String, String> env, String template) {
    Path f = file(env, template);
    if (!Files.isRegularFile(f)) {
      throw InputException.at("--replay", "no answers kept for " + template + " yet (they are kept after every run "
          + "that asked questions, in " + f.getParent() + ")");
    }
    return AnswersFile.readInputs(f);
  }
}
