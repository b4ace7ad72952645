package dev.scaffold.prompt;

import dev.scaffold.AbortedException;
import dev.scaffold.answers.AnswerCheck;
import dev.scaffold.answers.AnswerSource;
import dev.scaffold.answers.PromptRequest;
import dev.scaffold.answers.Prompter;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.Choice;
import dev.scaffold.template.Question;
import dev.scaffold.template.QuestionType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * Asks a template's questions in a terminal with JLine: typed answers with defaults and help,
 * arrow-key lists for choices where the terminal can draw them (numbered lists where it cannot),
 * masked secrets, and a summary to confirm before anything is written.
 */
public final class TerminalPrompter implements Prompter, AutoCloseable {

  private final Terminal terminal;
  private final PromptStyle style;
  private final boolean skipConfirmation;
  private final boolean capable;
  private final LineReader reader;
  /** Screen rows printed for the question being asked, erased once it is answered. */
  private int rowsOfQuestion;

  TerminalPrompter(Terminal terminal, PromptStyle style, boolean skipConfirmation) {
    this.terminal = terminal;
    this.style = style;
    this.skipConfirmation = skipConfirmation;
    this.capable = canMoveCursor(terminal);
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.BRACKETED_PASTE, false)
        .option(LineReader.Option.AUTO_FRESH_LINE, false)
        .variable(LineReader.DISABLE_HISTORY, true)
        .build();
  }

  /**
   * A prompter on the process's terminal, or empty when that terminal cannot take prompts
   * ({@code TERM=dumb}, no terminal at all), so the caller falls back to a non-interactive run.
   *
   * @param env the environment, for {@code TERM} and {@code NO_COLOR}
   * @param skipConfirmation do not ask before writing ({@code --yes})
   */
  public static Optional<TerminalPrompter> open(Map<String, String> env, boolean skipConfirmation) {
    String term = env.get("TERM");
    if (term != null && term.startsWith(Terminal.TYPE_DUMB)) {
      return Optional.empty();
    }
    Terminal t;
    try {
      t = TerminalBuilder.builder().system(true).dumb(true).build();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (!canMoveCursor(t)) {
      closeQuietly(t);
      return Optional.empty();
    }
    return Optional.of(new TerminalPrompter(t, PromptStyle.of(t, env), skipConfirmation));
  }

  static boolean canMoveCursor(Terminal t) {
    String type = t.getType();
    return type != null && !type.startsWith(Terminal.TYPE_DUMB) && t.getStringCapability(Capability.cursor_up) != null;
  }

  @Override
  public Object ask(PromptRequest request) {
    Question q = request.question();
    rowsOfQuestion = 0;
    return switch (q.type()) {
      case MULTI -> capable ? pickMulti(request) : typeMulti(request);
      // an int, number or text question with choices takes only those: offer them as a list
      case CHOICE -> capable ? pickChoice(request) : typeChoice(request);
      default -> q.choices().isEmpty() || q.isSecret() ? typeAnswer(request) : capable ? pickChoice(request) : typeChoice(request);
    };
  }

  @Override
  public void answered(Question q, Object value, AnswerSource source) {
    String shown = q.isSecret() ? hidden() : show(q, value);
    println(style.answered(q.promptText(), shown, "(" + source.label() + ")"));
  }

  @Override
  public boolean confirm(String title, List<String> lines) {
    if (skipConfirmation) {
      return true;
    }
    println(new AttributedString(""));
    println(new org.jline.utils.AttributedStringBuilder().styled(style.strong(), title).toAttributedString());
    for (String line : lines) {
      println(style.note("  " + style.bullet() + " " + line));
    }
    rowsOfQuestion = 0;
    while (true) {
      String typed = readLine(style.question("Go ahead?", "Y/n"), null).strip();
      if (typed.isEmpty()) {
        return true;
      }
      switch (typed.toLowerCase(java.util.Locale.ROOT)) {
        case "y", "yes" -> {
          return true;
        }
        case "n", "no" -> {
          return false;
        }
        default -> println(style.error("answer y or n"));
      }
    }
  }

  @Override
  public Object askDestination(String defaultValue, AnswerCheck check) {
    rowsOfQuestion = 0;
    String prompt = "Folder to create";
    while (true) {
      String typed = readLine(style.question(prompt, defaultValue), null).strip();
      Object raw = typed.isEmpty() && defaultValue != null ? defaultValue : typed;
      AnswerCheck.Result r = check.check(raw);
      if (r.ok()) {
        settle(prompt, raw.toString());
        return r.value();
      }
      println(style.error(r.error()));
    }
  }

  /** Lets the user choose one of the templates scaffold knows, and returns its name. */
  public String pickTemplate(List<BundledTemplates.Entry> templates) {
    rowsOfQuestion = 0;
    String title = "Template";
    List<ChoiceList.Item> items = new ArrayList<>();
    for (BundledTemplates.Entry e : templates) {
      String where = e.bundled() ? "" : " [SCAFFOLD_TEMPLATES_PATH]";
      items.add(new ChoiceList.Item(e.name(), (e.description() == null ? "" : e.description()) + where));
    }
    String help = "Bundled templates, then those in SCAFFOLD_TEMPLATES_PATH; a folder or git URL can be given instead: "
        + "scaffold new TEMPLATE";
    if (capable) {
      return templates.get(new ChoiceList(terminal, style).pickOne(title, items, 0, help)).name();
    }
    println(style.question(title, null));
    printNumbered(items);
    while (true) {
      String typed = readLine(style.subQuestion("Number or name", "1"), null).strip();
      int n = typed.isEmpty() ? 1 : number(typed, items.size());
      if (n > 0) {
        return templates.get(n - 1).name();
      }
      for (BundledTemplates.Entry e : templates) {
        if (e.name().equals(typed)) {
          return e.name();
        }
      }
      println(style.error("`" + typed + "` is not one of 1-" + items.size() + " or a template name"));
    }
  }

  @Override
  public void close() {
    closeQuietly(terminal);
  }

  private Object typeAnswer(PromptRequest request) {
    Question q = request.question();
    Object def = request.defaultValue();
    Character mask = q.isSecret() ? '*' : null;
    while (true) {
      String typed = readLine(style.question(q.promptText(), hint(q, def)), mask);
      String text = q.isSecret() ? typed : typed.strip();
      if (text.equals("?")) {
        showHelp(q);
        continue;
      }
      Object raw = text.isEmpty() && def != null ? def : text;
      if (text.isEmpty() && def == null && q.type() != QuestionType.TEXT && q.type() != QuestionType.SECRET) {
        println(style.error("an answer is required: " + rule(q)));
        continue;
      }
      AnswerCheck.Result r = request.check().check(raw);
      if (r.ok()) {
        settle(q.promptText(), q.isSecret() ? hidden() : show(q, r.value()));
        return r.value();
      }
      println(style.error(r.error()));
    }
  }

  private Object pickChoice(PromptRequest request) {
    Question q = request.question();
    List<Choice> choices = q.choices();
    int initial = Math.max(0, indexOf(choices, request.defaultValue()));
    ChoiceList list = new ChoiceList(terminal, style);
    while (true) {
      int index = list.pickOne(q.promptText(), items(choices), initial, help(q));
      AnswerCheck.Result r = request.check().check(choices.get(index).value());
      if (r.ok()) {
        return r.value();
      }
      // a choice that passes the list but fails validation: say why and let the user choose again
      println(style.error(r.error()));
      initial = index;
    }
  }

  private Object pickMulti(PromptRequest request) {
    Question q = request.question();
    List<Choice> choices = q.choices();
    Set<Integer> initial = new LinkedHashSet<>();
    if (request.defaultValue() instanceof Collection<?> defaults) {
      for (Object d : defaults) {
        int i = indexOf(choices, d);
        if (i >= 0) {
          initial.add(i);
        }
      }
    }
    Object[] accepted = new Object[1];
    new ChoiceList(terminal, style).pickMany(q.promptText(), items(choices), initial, help(q), chosen -> {
      AnswerCheck.Result r = request.check().check(values(choices, chosen));
      accepted[0] = r.value();
      return r.error();
    });
    return accepted[0];
  }

  private Object typeChoice(PromptRequest request) {
    Question q = request.question();
    List<Choice> choices = q.choices();
    int def = indexOf(choices, request.defaultValue());
    println(style.question(q.promptText(), null));
    printNumbered(items(choices));
    while (true) {
      String typed = readLine(style.subQuestion("Number or name", def >= 0 ? String.valueOf(def + 1) : null), null).strip();
      if (typed.equals("?")) {
        showHelp(q);
        continue;
      }
      Object raw;
      if (typed.isEmpty()) {
        if (def < 0) {
          println(style.error("choose one of 1-" + choices.size()));
          continue;
        }
        raw = choices.get(def).value();
      } else {
        int n = number(typed, choices.size());
        raw = n > 0 ? choices.get(n - 1).value() : typed;
      }
      AnswerCheck.Result r = request.check().check(raw);
      if (r.ok()) {
        settle(q.promptText(), show(q, r.value()));
        return r.value();
      }
      println(style.error(r.error()));
    }
  }

  private Object typeMulti(PromptRequest request) {
    Question q = request.question();
    List<Choice> choices = q.choices();
    List<String> defaults = new ArrayList<>();
    if (request.defaultValue() instanceof Collection<?> c) {
      for (Object d : c) {
        int i = indexOf(choices, d);
        if (i >= 0) {
          defaults.add(String.valueOf(i + 1));
        }
      }
    }
    println(style.question(q.promptText(), null));
    printNumbered(items(choices));
    String hint = (defaults.isEmpty() ? "" : String.join(",", defaults) + "; ") + "- for none";
    while (true) {
      String typed = readLine(style.subQuestion("Numbers or names, separated by commas", hint), null).strip();
      if (typed.equals("?")) {
        showHelp(q);
        continue;
      }
      List<Object> raw = new ArrayList<>();
      if (typed.isEmpty()) {
        for (String d : defaults) {
          raw.add(choices.get(Integer.parseInt(d) - 1).value());
        }
      } else if (!typed.equals("-")) {
        for (String token : typed.split(",")) {
          String t = token.strip();
          int n = number(t, choices.size());
          if (!t.isEmpty()) {
            raw.add(n > 0 ? choices.get(n - 1).value() : t);
          }
        }
      }
      AnswerCheck.Result r = request.check().check(raw);
      if (r.ok()) {
        settle(q.promptText(), show(q, r.value()));
        return r.value();
      }
      println(style.error(r.error()));
    }
  }

  private String readLine(AttributedString prompt, Character mask) {
    String p = style.render(prompt, terminal);
    try {
      String line = reader.readLine(p, null, mask, null);
      rowsOfQuestion += rows(prompt.columnLength() + (mask != null ? line.length() : AttributedString.fromAnsi(line).columnLength()));
      return line;
    } catch (UserInterruptException e) {
      throw abort("interrupted (Ctrl-C); nothing was written");
    } catch (EndOfFileException e) {
      throw abort("input ended (Ctrl-D); nothing was written");
    }
  }

  private AbortedException abort(String message) {
    terminal.writer().println();
    terminal.flush();
    return new AbortedException(message);
  }

  /** Replaces the question, and any errors or help shown for it, by one line with the answer. */
  private void settle(String prompt, String shown) {
    if (!capable) {
      return;
    }
    for (int i = 0; i < rowsOfQuestion; i++) {
      terminal.puts(Capability.cursor_up);
    }
    terminal.puts(Capability.carriage_return);
    terminal.puts(Capability.clr_eos);
    rowsOfQuestion = 0;
    println(style.answered(prompt, shown, null));
    rowsOfQuestion = 0;
  }

  private void println(AttributedString s) {
    terminal.writer().println(style.render(s, terminal));
    terminal.flush();
    rowsOfQuestion += rows(s.columnLength());
  }

  private int rows(int columns) {
    int width = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
    return Math.max(1, (columns + width - 1) / width);
  }

  private void showHelp(Question q) {
    println(style.note("  " + (q.help() != null ? q.help() : "no help for this question")));
    println(style.note("  expects " + rule(q)));
  }

  private void printNumbered(List<ChoiceList.Item> items) {
    for (int i = 0; i < items.size(); i++) {
      ChoiceList.Item item = items.get(i);
      String detail = item.detail() == null || item.detail().isBlank() ? "" : "  " + item.detail();
      println(new AttributedString("  " + (i + 1) + ". " + item.label() + detail));
    }
  }

  private static String help(Question q) {
    return q.help();
  }

  /** What an answer must look like, in words, for help and for "required" errors. */
  static String rule(Question q) {
    StringBuilder b = new StringBuilder(switch (q.type()) {
      case INT -> "a whole number";
      case NUMBER -> "a number";
      case BOOL -> "yes or no";
      case CHOICE -> "one of " + labels(q);
      case MULTI -> "any of " + labels(q);
      default -> q.required() ? "some text" : "some text (may be empty)";
    });
    if (q.min() != null) {
      b.append(", at least ").append(q.min());
    }
    if (q.max() != null) {
      b.append(", at most ").append(q.max());
    }
    if (q.validate() != null) {
      b.append(q.validate().contains("${") ? ", such that " : ", matching ").append(q.validate());
    }
    return b.toString();
  }

  private static String labels(Question q) {
    return String.join(", ", q.choices().stream().map(Choice::label).toList());
  }

  private static String hint(Question q, Object def) {
    String hint = switch (q.type()) {
      case BOOL -> Boolean.TRUE.equals(def) ? "Y/n" : Boolean.FALSE.equals(def) ? "y/N" : "y/n";
      case SECRET -> def == null ? null : "Enter keeps the default";
      default -> def == null ? null : show(q, def);
    };
    if (q.help() != null) {
      hint = hint == null ? "? for help" : hint + ", ? for help";
    }
    return hint;
  }

  /** An answer as the user thinks of it: labels for choices, yes/no for booleans. */
  static String show(Question q, Object value) {
    if (value == null) {
      return "";
    }
    if (q.type() == QuestionType.BOOL && value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (q.type() == QuestionType.CHOICE) {
      int i = indexOf(q.choices(), value);
      return i >= 0 ? q.choices().get(i).label() : value.toString();
    }
    if (value instanceof Collection<?> c) {
      List<String> out = new ArrayList<>();
      for (Object o : c) {
        int i = indexOf(q.choices(), o);
        out.add(i >= 0 ? q.choices().get(i).label() : String.valueOf(o));
      }
      return out.isEmpty() ? "(none)" : String.join(", ", out);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  private String hidden() {
    return style.bullet().repeat(6);
  }

  private static List<ChoiceList.Item> items(List<Choice> choices) {
    return choices.stream().map(c -> new ChoiceList.Item(c.label(), null)).toList();
  }

  private static List<Object> values(List<Choice> choices, List<Integer> indexes) {
    List<Object> out = new ArrayList<>();
    indexes.forEach(i -> out.add(choices.get(i).value()));
    return out;
  }

  private static int indexOf(List<Choice> choices, Object value) {
    if (value == null) {
      return -1;
    }
    for (int i = 0; i < choices.size(); i++) {
      Choice c = choices.get(i);
      if (value.equals(c.value()) || value.toString().equals(String.valueOf(c.value())) || value.toString().equals(c.label())) {
        return i;
      }
    }
    return -1;
  }

  /** The 1-based position {@code typed} names, or 0 when it is not a number in range. */
  private static int number(String typed, int size) {
    if (!typed.matches("[0-9]{1,6}")) {
      return 0;
    }
    int n = Integer.parseInt(typed);
    return n >= 1 && n <= size ? n : 0;
  }

  private static void closeQuietly(Terminal t) {
    try {
      t.close();
    } catch (IOException e) {
      // the terminal is gone; there is nothing left to restore
    }
  }
}
