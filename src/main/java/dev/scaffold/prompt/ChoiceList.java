package dev.scaffold.prompt;

import dev.scaffold.AbortedException;
import java.io.IOError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * An arrow-key list for choice and multi questions on a capable terminal: arrows move, typing
 * filters (numbers pick by position), Space toggles in a multi list, Enter accepts, {@code ?}
 * shows help, Ctrl-C or Ctrl-D aborts.
 */
final class ChoiceList {

  /** One line of the list: what it is called and an optional description after it. */
  record Item(String label, String detail) {}

  private enum Key { UP, DOWN, HOME, END, ENTER, SPACE, BACKSPACE, CLEAR, HELP, TOGGLE_ALL, ABORT, CHAR }

  private static final int MAX_VISIBLE = 10;

  private final Terminal terminal;
  private final PromptStyle style;

  ChoiceList(Terminal terminal, PromptStyle style) {
    this.terminal = terminal;
    this.style = style;
  }

  /** The index of the chosen item. */
  int pickOne(String title, List<Item> items, int initial, String help) {
    return run(title, items, initial, Set.of(), help, false, chosen -> null).get(0);
  }

  /**
   * The indexes of the chosen items, in list order.
   *
   * @param problem why a selection is refused (null when it is fine), shown under the list
   */
  List<Integer> pickMany(String title, List<Item> items, Set<Integer> initial, String help,
      Function<List<Integer>, String> problem) {
    return run(title, items, 0, initial, help, true, problem);
  }

  private List<Integer> run(String title, List<Item> items, int initial, Set<Integer> initialChosen, String help,
      boolean multi, Function<List<Integer>, String> problem) {
    State state = new State(items, multi, initial, initialChosen);
    Attributes saved = terminal.enterRawMode();
    // Ctrl-C must reach us as a key, not as a signal, so that we can restore the screen and abort cleanly.
    Attributes raw = new Attributes(terminal.getAttributes());
    raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
    terminal.setAttributes(raw);
    boolean hidden = terminal.puts(Capability.cursor_invisible);
    Display display = new Display(terminal, false);
    Size size = terminal.getSize();
    int columns = size.getColumns() > 0 ? size.getColumns() : 80;
    int rows = size.getRows() > 0 ? size.getRows() : 24;
    display.resize(rows, columns);
    BindingReader reader = new BindingReader(terminal.reader());
    KeyMap<Key> keys = keys(multi);
    List<Integer> result = null;
    try {
      while (result == null) {
        display.update(lines(title, state, help, multi, columns, rows), 0);
        terminal.flush();
        Key key;
        try {
          key = reader.readBinding(keys);
        } catch (EndOfFileException | IOError e) {
          key = null;
        }
        if (key == null || key == Key.ABORT) {
          display.update(List.of(), 0);
          boolean interrupt = key != null && KeyMap.ctrl('C').equals(reader.getLastBinding());
          throw new AbortedException(interrupt ? "interrupted (Ctrl-C); nothing was written" : "input ended (Ctrl-D); nothing was written");
        }
        state.error = null;
        switch (key) {
          case UP -> state.move(-1);
          case DOWN -> state.move(1);
          case HOME -> state.moveTo(0);
          case END -> state.moveTo(Integer.MAX_VALUE);
          case HELP -> state.showHelp = !state.showHelp;
          case CLEAR -> state.setFilter("");
          case BACKSPACE -> state.setFilter(state.filter.isEmpty() ? "" : state.filter.substring(0, state.filter.length() - 1));
          case TOGGLE_ALL -> state.toggleAll();
          case SPACE -> {
            if (multi) {
              state.toggle();
            } else {
              state.setFilter(state.filter + " ");
            }
          }
          case CHAR -> {
            String typed = reader.getLastBinding();
            // stray control bytes (unknown escape sequences, function keys) never belong in the filter
            if (typed != null && typed.chars().allMatch(c -> c >= ' ')) {
              state.setFilter(state.filter + typed);
            }
          }
          case ENTER -> {
            List<Integer> chosen = multi ? List.copyOf(state.chosen) : state.current() == null ? null : List.of(state.current());
            if (chosen == null) {
              state.error = "nothing matches `" + state.filter + "`";
            } else {
              String why = problem.apply(chosen);
              if (why == null) {
                result = chosen;
              } else {
                state.error = why;
              }
            }
          }
          default -> { }
        }
      }
      String value = String.join(", ", result.stream().map(i -> items.get(i).label()).toList());
      AttributedString done = style.answered(title, value.isEmpty() ? "(none)" : value, null);
      display.update(List.of(done), done.columnLength());
      terminal.writer().println();
      terminal.flush();
      return result;
    } finally {
      if (hidden) {
        terminal.puts(Capability.cursor_visible);
      }
      terminal.setAttributes(saved);
      terminal.flush();
    }
  }

  private List<AttributedString> lines(String title, State state, String help, boolean multi, int columns, int rows) {
    List<AttributedString> out = new ArrayList<>();
    AttributedStringBuilder head = new AttributedStringBuilder();
    head.styled(style.accent(), style.questionMark()).append(' ').styled(style.strong(), title).append(' ');
    if (state.filter.isEmpty()) {
      String hint = style.arrows() + " move, type to filter, " + (multi ? "Space to toggle, Enter to confirm" : "Enter to choose")
          + (help != null ? ", ? for help" : "");
      head.styled(style.faint(), "(" + hint + ")");
    } else {
      head.styled(style.faint(), "filter: ").styled(style.accent(), state.filter);
    }
    out.add(fit(head.toAttributedString(), columns));
    if (state.showHelp && help != null) {
      out.add(fit(style.note("  " + help), columns));
    }
    int visible = Math.max(3, Math.min(MAX_VISIBLE, rows - 6));
    List<Integer> shown = state.matches;
    if (shown.isEmpty()) {
      out.add(style.note("  (nothing matches; Backspace or Esc to clear the filter)"));
    }
    int top = Math.max(0, Math.min(state.cursor - visible / 2, shown.size() - visible));
    int bottom = Math.min(shown.size(), top + visible);
    for (int row = top; row < bottom; row++) {
      int index = shown.get(row);
      Item item = state.items.get(index);
      boolean here = row == state.cursor;
      AttributedStringBuilder b = new AttributedStringBuilder();
      b.styled(style.accent(), here ? style.pointer() : " ").append(' ');
      if (multi) {
        boolean on = state.chosen.contains(index);
        b.styled(on ? style.good() : style.faint(), on ? style.checked() : style.unchecked()).append(' ');
      }
      b.styled(style.faint(), (index + 1) + ". ");
      b.styled(here ? style.selected() : AttributedStyle.DEFAULT, item.label());
      if (item.detail() != null && !item.detail().isBlank()) {
        b.append("  ").styled(style.faint(), item.detail());
      }
      out.add(fit(b.toAttributedString(), columns));
    }
    if (bottom < shown.size() || top > 0) {
      out.add(style.note("  (" + shown.size() + " in all; " + style.arrows() + " to scroll)"));
    }
    if (multi) {
      String chosen = String.join(", ", state.chosen.stream().map(i -> state.items.get(i).label()).toList());
      out.add(fit(style.note("  Selected: " + (chosen.isEmpty() ? "(none)" : chosen)), columns));
    }
    if (state.error != null) {
      out.add(fit(style.error(state.error), columns));
    }
    return out;
  }

  private static AttributedString fit(AttributedString s, int columns) {
    return s.columnLength() < columns ? s : s.columnSubSequence(0, columns - 1);
  }

  private KeyMap<Key> keys(boolean multi) {
    KeyMap<Key> keys = new KeyMap<>();
    keys.setAmbiguousTimeout(150);
    keys.setNomatch(Key.CHAR);
    keys.setUnicode(Key.CHAR);
    bind(keys, Key.UP, "\033[A", "\033OA", KeyMap.ctrl('P'), KeyMap.key(terminal, Capability.key_up));
    bind(keys, Key.DOWN, "\033[B", "\033OB", KeyMap.ctrl('N'), "\t", KeyMap.key(terminal, Capability.key_down));
    bind(keys, Key.HOME, "\033[H", "\033OH", "\033[1~", KeyMap.key(terminal, Capability.key_home));
    bind(keys, Key.END, "\033[F", "\033OF", "\033[4~", KeyMap.key(terminal, Capability.key_end));
    bind(keys, Key.ENTER, "\r", "\n");
    bind(keys, Key.SPACE, " ");
    bind(keys, Key.BACKSPACE, KeyMap.del(), KeyMap.ctrl('H'));
    bind(keys, Key.CLEAR, KeyMap.esc(), KeyMap.ctrl('U'));
    bind(keys, Key.HELP, "?");
    bind(keys, Key.ABORT, KeyMap.ctrl('C'), KeyMap.ctrl('D'));
    if (multi) {
      bind(keys, Key.TOGGLE_ALL, KeyMap.ctrl('A'));
    }
    return keys;
  }

  private static void bind(KeyMap<Key> keys, Key key, String... sequences) {
    for (String s : sequences) {
      if (s != null && !s.isEmpty()) {
        keys.bind(key, s);
      }
    }
  }

  /** The list's position, filter and selection. */
  private static final class State {
    final List<Item> items;
    final Set<Integer> chosen = new TreeSet<>();
    List<Integer> matches;
    String filter = "";
    int cursor;
    boolean showHelp;
    String error;

    State(List<Item> items, boolean multi, int initial, Set<Integer> initialChosen) {
      this.items = items;
      this.chosen.addAll(initialChosen);
      this.matches = all();
      this.cursor = Math.max(0, Math.min(initial, items.size() - 1));
    }

    Integer current() {
      return matches.isEmpty() ? null : matches.get(cursor);
    }

    void move(int delta) {
      if (!matches.isEmpty()) {
        cursor = Math.floorMod(cursor + delta, matches.size());
      }
    }

    void moveTo(int row) {
      cursor = Math.max(0, Math.min(row, matches.size() - 1));
    }

    void toggle() {
      Integer i = current();
      if (i != null && !chosen.remove(i)) {
        chosen.add(i);
      }
    }

    void toggleAll() {
      if (chosen.containsAll(matches)) {
        matches.forEach(chosen::remove);
      } else {
        chosen.addAll(matches);
      }
    }

    void setFilter(String f) {
      filter = f;
      String needle = f.strip().toLowerCase(Locale.ROOT);
      if (needle.isEmpty()) {
        matches = all();
        cursor = Math.min(cursor, matches.size() - 1);
        return;
      }
      List<Integer> out = new ArrayList<>();
      // a number picks by position first, so `2` then Enter always means the second item
      if (needle.matches("[0-9]+")) {
        int n = Integer.parseInt(needle.length() > 6 ? "0" : needle) - 1;
        if (n >= 0 && n < items.size()) {
          out.add(n);
        }
      }
      for (int i = 0; i < items.size(); i++) {
        if (!out.contains(i) && items.get(i).label().toLowerCase(Locale.ROOT).contains(needle)) {
          out.add(i);
        }
      }
      matches = out;
      cursor = 0;
    }

    private List<Integer> all() {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        out.add(i);
      }
      return out;
    }
  }
}
