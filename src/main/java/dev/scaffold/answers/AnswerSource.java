package dev.scaffold.answers;

/** Where an answer came from, so an error can say which source held the bad value. */
public enum AnswerSource {
  SET("--set"),
  FILE("answers file"),
  RECORDED("recorded answers"),
  PROMPT("prompt"),
  DEFAULT("default"),
  PROFILE("profile default"),
  SKIPPED("not asked (`when` is false)");

  private final String label;

  AnswerSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
