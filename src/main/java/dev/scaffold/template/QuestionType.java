package dev.scaffold.template;

import java.util.Locale;

/** The kinds of answer a question takes. */
public enum QuestionType {
  TEXT,
  INT,
  NUMBER,
  BOOL,
  CHOICE,
  MULTI,
  SECRET;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static QuestionType fromYaml(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
