package dev.scaffold.prompt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.ScreenTerminal;

/**
 * A JLine terminal on piped streams for tests: keystrokes go in up front, and what the program
 * drew comes out as the text of an emulated screen.
 */
final class PromptTerminal {

  static final String UP = "\033[A";
  static final String DOWN = "\033[B";
  static final String ENTER = "\r";
  static final String CTRL_C = "\003";
  static final String CTRL_D = "\004";

  private static final int COLUMNS = 100;
  private static final int ROWS = 40;

  final Terminal terminal;
  private PipedOutputStream keyboard;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** @param type a terminal type such as {@code xterm-256color} (cursor movement) or {@code dumb} */
  PromptTerminal(String type, String keys) {
    try {
      // DumbTerminal, not TerminalBuilder: a builder may open a real pty, which fails on finite input
      keyboard = null;
      terminal = new DumbTerminal("test", type, new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), out,
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    terminal.setSize(new Size(COLUMNS, ROWS));
  }

  /** A terminal whose keystrokes are typed while the prompter runs, to look at the screen in between. */
  PromptTerminal(String type) {
    try {
      keyboard = new PipedOutputStream();
      terminal = new DumbTerminal("test", type, new PipedInputStream(keyboard, 1 << 16), out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    terminal.setSize(new Size(COLUMNS, ROWS));
  }

  void type(String keys) {
    try {
      keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the screen shows {@code expected}, and returns the screen. */
  String awaitScreen(String expected) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String screen = screen();
    while (!screen.contains(expected) && System.nanoTime() < end) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      screen = screen();
    }
    return screen;
  }

  static PromptTerminal xterm(String keys) {
    return new PromptTerminal("xterm-256color", keys);
  }

  static PromptTerminal dumb(String keys) {
    return new PromptTerminal(Terminal.TYPE_DUMB, keys);
  }

  TerminalPrompter prompter(boolean skipConfirmation) {
    return new TerminalPrompter(terminal, PromptStyle.of(terminal, Map.of("NO_COLOR", "1")), skipConfirmation);
  }

  TerminalPrompter colourPrompter() {
    return new TerminalPrompter(terminal, PromptStyle.of(terminal, Map.of()), false);
  }

  /** Everything written, escape sequences included. */
  String raw() {
    terminal.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The screen as a person would see it now, trailing blanks removed. */
  String screen() {
    ScreenTerminal screen = new ScreenTerminal(COLUMNS, ROWS);
    // a tty's output processing (ONLCR) turns \n into \r\n; the piped stream does not
    screen.write(raw().replace("\r\n", "\n").replace("\n", "\r\n"));
    long[] cells = new long[COLUMNS * ROWS];
    screen.dump(cells, new int[2]);
    StringBuilder b = new StringBuilder();
    for (int row = 0; row < ROWS; row++) {
      StringBuilder line = new StringBuilder();
      for (int col = 0; col < COLUMNS; col++) {
        int cp = ScreenTerminal.cellCodePoint(cells[row * COLUMNS + col]);
        line.appendCodePoint(cp == 0 ? ' ' : cp);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString().strip();
  }
}
