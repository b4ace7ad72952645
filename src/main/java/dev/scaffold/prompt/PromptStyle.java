package dev.scaffold.prompt;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/** How prompts look: colours only where the terminal has them and {@code NO_COLOR} is unset, plain symbols off UTF-8. */
final class PromptStyle {

  private final boolean colour;
  private final boolean unicode;

  PromptStyle(boolean colour, boolean unicode) {
    this.colour = colour;
    this.unicode = unicode;
  }

  static PromptStyle of(Terminal terminal, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    Integer colours = terminal.getNumericCapability(Capability.max_colors);
    boolean colour = (noColor == null || noColor.isEmpty()) && colours != null && colours >= 8;
    boolean unicode = StandardCharsets.UTF_8.equals(terminal.encoding());
    return new PromptStyle(colour, unicode);
  }

  boolean colour() {
    return colour;
  }

  String questionMark() {
    return "?";
  }

  String tick() {
    return unicode ? "✔" : "+";
  }

  String cross() {
    return unicode ? "✘" : "x";
  }

  String pointer() {
    return unicode ? "❯" : ">";
  }

  String checked() {
    return unicode ? "◉" : "[x]";
  }

  String unchecked() {
    return unicode ? "◯" : "[ ]";
  }

  String bullet() {
    return unicode ? "•" : "*";
  }

  String arrows() {
    return unicode ? "↑↓" : "up/down";
  }

  AttributedStyle accent() {
    return colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT;
  }

  AttributedStyle good() {
    return colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN) : AttributedStyle.DEFAULT;
  }

  AttributedStyle bad() {
    return colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT;
  }

  AttributedStyle strong() {
    return colour ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
  }

  AttributedStyle faint() {
    return colour ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
  }

  AttributedStyle selected() {
    return colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN).bold() : AttributedStyle.DEFAULT;
  }

  /** The question line: {@code ? Prompt (hint) }. */
  AttributedString question(String prompt, String hint) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.styled(accent(), questionMark()).append(' ').styled(strong(), prompt);
    if (hint != null && !hint.isEmpty()) {
      b.append(' ').styled(faint(), "(" + hint + ")");
    }
    return b.append(' ').toAttributedString();
  }

  /** A follow-up line of a question, such as the input line under a numbered list. */
  AttributedString subQuestion(String prompt, String hint) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.append("  ").styled(accent(), pointer()).append(' ').append(prompt);
    if (hint != null && !hint.isEmpty()) {
      b.append(' ').styled(faint(), "(" + hint + ")");
    }
    return b.append(' ').toAttributedString();
  }

  /** A question already settled: {@code ✔ Prompt: value  note}. */
  AttributedString answered(String prompt, String value, String note) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.styled(good(), tick()).append(' ').styled(strong(), prompt).append(": ").styled(accent(), value);
    if (note != null) {
      b.append("  ").styled(faint(), note);
    }
    return b.toAttributedString();
  }

  AttributedString error(String message) {
    return new AttributedStringBuilder().styled(bad(), cross() + " " + message).toAttributedString();
  }

  AttributedString note(String message) {
    return new AttributedStringBuilder().styled(faint(), message).toAttributedString();
  }

  /** Text for the terminal: ANSI sequences only when colours are on. */
  String render(AttributedString s, Terminal terminal) {
    return colour ? s.toAnsi(terminal) : s.toString();
  }
}
