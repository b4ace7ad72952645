package dev.scaffold.answers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers a run starts with, kept apart by source: {@code --set} wins over the answers file,
 * which wins over answers recorded in the project (on update). Profile defaults are no answers:
 * they stand in for the template's defaults (shown as the default in a prompt).
 *
 * @param fileName how to name the answers file in messages
 * @param offered answers to ask for again, each shown as the question's default (update's
 *     {@code --ask} and {@code --reask} offer the recorded ones)
 * @param profileDefaults default answers of the settings profile in use, by question name
 * @param profileWhere how to name that profile in messages, or null
 */
public record AnswerInputs(
    Map<String, Object> set, Map<String, Object> file, String fileName, Map<String, Object> recorded,
    Map<String, Object> offered, Map<String, Object> profileDefaults, String profileWhere) {

  public AnswerInputs {
    set = new LinkedHashMap<>(set);
    file = new LinkedHashMap<>(file);
    recorded = new LinkedHashMap<>(recorded);
    offered = new LinkedHashMap<>(offered);
    profileDefaults = new LinkedHashMap<>(profileDefaults);
  }

  public AnswerInputs(Map<String, Object> set, Map<String, Object> file, String fileName, Map<String, Object> recorded) {
    this(set, file, fileName, recorded, Map.of(), Map.of(), null);
  }

  /** Answers by source with a settings profile's default answers. */
  public AnswerInputs(Map<String, Object> set, Map<String, Object> file, String fileName, Map<String, Object> recorded,
      Map<String, Object> profileDefaults, String profileWhere) {
    this(set, file, fileName, recorded, Map.of(), profileDefaults, profileWhere);
  }

  /** These inputs with a settings profile's default answers. */
  public AnswerInputs withProfileDefaults(Map<String, Object> defaults, String where) {
    return new AnswerInputs(set, file, fileName, recorded, offered, defaults, where);
  }

  public static AnswerInputs none() {
    return new AnswerInputs(Map.of(), Map.of(), null, Map.of());
  }

  public AnswerInputs withRecorded(Map<String, Object> answers) {
    return new AnswerInputs(set, file, fileName, answers, offered, profileDefaults, profileWhere);
  }

  public AnswerInputs withOffered(Map<String, Object> answers) {
    return new AnswerInputs(set, file, fileName, recorded, answers, profileDefaults, profileWhere);
  }
}
