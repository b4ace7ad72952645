package dev.scaffold.answers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The answers of one run, typed and in question order, with the computed values after them.
 *
 * @param values every answer (secrets included) and computed value, by name
 * @param sources where each answer came from
 * @param secrets names of secret answers: rendered, but never recorded or shown
 * @param computed names of computed values, which are derived and never recorded
 */
public record Answers(
    Map<String, Object> values,
    Map<String, AnswerSource> sources,
    Set<String> secrets,
    Set<String> computed) {

  public Answers {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    secrets = Set.copyOf(secrets);
    computed = Set.copyOf(computed);
  }

  /** What {@code .scaffold-answers.yml} and {@code --save-answers} keep: no secrets, nothing derived, nothing skipped. */
  public Map<String, Object> recordable() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (!secrets.contains(k) && !computed.contains(k) && sources.get(k) != AnswerSource.SKIPPED) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** What a summary may show: everything but secrets. */
  public Map<String, Object> showable() {
    Map<String, Object> out = new LinkedHashMap<>(values);
    secrets.forEach(out::remove);
    return out;
  }
}
