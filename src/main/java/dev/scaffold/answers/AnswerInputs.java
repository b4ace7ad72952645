package dev.scaffold.answers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers a run starts with, kept apart by source: {@code --set} wins over the answers file,
 * which wins over answers recorded in the project (on update).
 *
 * @param fileName how to name the answers file in messages
 */
public record AnswerInputs(
    Map<String, Object> set, Map<String, Object> file, String fileName, Map<String, Object> recorded) {

  public AnswerInputs {
    set = new LinkedHashMap<>(set);
    file = new LinkedHashMap<>(file);
    recorded = new LinkedHashMap<>(recorded);
  }

  public static AnswerInputs none() {
    return new AnswerInputs(Map.of(), Map.of(), null, Map.of());
  }

  public AnswerInputs withRecorded(Map<String, Object> answers) {
    return new AnswerInputs(set, file, fileName, answers);
  }
}
