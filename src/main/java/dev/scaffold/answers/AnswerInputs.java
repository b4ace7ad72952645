package dev.scaffold.answers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers a run starts with, kept apart by source: {@code --set} wins over the answers file,
 * which wins over answers recorded in the project (on update).
 *
 * @param fileName how to name the answers file in messages
 * @param offered answers to ask for again, each shown as the question's default (update's
 *     {@code --ask} and {@code --reask} offer the recorded ones)
 */
public record AnswerInputs(
    Map<String, Object> set, Map<String, Object> file, String fileName, Map<String, Object> recorded,
    Map<String, Object> offered) {

  public AnswerInputs {
    set = new LinkedHashMap<>(set);
    file = new LinkedHashMap<>(file);
    recorded = new LinkedHashMap<>(recorded);
    offered = new LinkedHashMap<>(offered);
  }

  public AnswerInputs(Map<String, Object> set, Map<String, Object> file, String fileName, Map<String, Object> recorded) {
    this(set, file, fileName, recorded, Map.of());
  }

  public static AnswerInputs none() {
    return new AnswerInputs(Map.of(), Map.of(), null, Map.of());
  }

  public AnswerInputs withRecorded(Map<String, Object> answers) {
    return new AnswerInputs(set, file, fileName, answers, offered);
  }

  public AnswerInputs withOffered(Map<String, Object> answers) {
    return new AnswerInputs(set, file, fileName, recorded, answers);
  }
}
