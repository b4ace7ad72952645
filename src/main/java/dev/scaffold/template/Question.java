package dev.scaffold.template;

import java.util.List;

/**
 * One question of a template, as written in {@code scaffold.yml}. Strings that contain {@code ${}}
 * ({@code default}, {@code when}, {@code validate}) are FreeMarker and are evaluated against the
 * answers given so far.
 *
 * @param defaultValue the raw default: a YAML scalar or list, or a FreeMarker string; null if none
 * @param validate a regular expression, or a FreeMarker boolean expression over {@code value}
 * @param when FreeMarker boolean; the question is asked only when it is true, otherwise it takes
 *     its default
 * @param choices the options as written; each label and text value may be FreeMarker
 * @param choicesExpression FreeMarker text that renders the options as a YAML list or mapping
 *     (choices built from earlier answers), or null when {@code choices} lists them
 */
public record Question(
    String name,
    String prompt,
    String help,
    QuestionType type,
    Object defaultValue,
    String validate,
    boolean required,
    String when,
    List<Choice> choices,
    String choicesExpression,
    Integer min,
    Integer max) {

  public Question {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** This question with its options settled (rendered from earlier answers). */
  public Question withChoices(List<Choice> settled) {
    return new Question(name, prompt, help, type, defaultValue, validate, required, when, settled, null, min, max);
  }

  /** Whether the options depend on earlier answers, so only a rendering knows them. */
  public boolean hasTemplatedChoices() {
    return choicesExpression != null || choices.stream().anyMatch(c -> isTemplate(c.label()) || c.value() instanceof String s && isTemplate(s));
  }

  private static boolean isTemplate(String s) {
    return s.contains("${") || s.contains("<#");
  }

  public boolean isSecret() {
    return type == QuestionType.SECRET;
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** The text shown to the user: the prompt, or the name when the template gives none. */
  public String promptText() {
    return prompt == null || prompt.isBlank() ? name : prompt;
  }
}
