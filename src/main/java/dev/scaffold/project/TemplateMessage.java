package dev.scaffold.project;

import dev.scaffold.engine.TemplateEngine;
import java.util.Map;

/**
 * Renders a template's {@code message_after_new} or {@code message_after_update} with the run's
 * answers, through the same sandboxed engine and limits as every other value of {@code scaffold.yml}.
 */
public final class TemplateMessage {

  public static final String AFTER_NEW = "message_after_new";
  public static final String AFTER_UPDATE = "message_after_update";

  private TemplateMessage() {}

  /** The message rendered, without trailing blank lines; null when the template has none or it renders empty. */
  public static String render(TemplateEngine engine, String text, String key, Map<String, ?> model) {
    if (text == null) {
      return null;
    }
    String rendered = engine.expand(text, "scaffold.yml " + key, model).stripTrailing();
    // a message that is only blank lines or starts with them prints as if it did not
    while (rendered.startsWith("\n")) {
      rendered = rendered.substring(1);
    }
    return rendered.isBlank() ? null : rendered;
  }
}
