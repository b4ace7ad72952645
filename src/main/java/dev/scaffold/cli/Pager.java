package dev.scaffold.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Shows long output through a pager, as git does: {@code GIT_PAGER}, else {@code PAGER}, else
 * {@code less}, run by {@code sh -c} with {@code LESS=FRX} unless set (quit when it fits one screen,
 * keep colours, leave the text on screen). Only when stdout is a terminal; an empty pager or
 * {@code cat} means none.
 */
final class Pager {

  private final String command;

  private Pager(String command) {
    this.command = command;
  }

  /** The pager to use, or null for none: not a terminal, {@code --no-pager}, or a pager of {@code cat} or "". */
  static Pager choose(boolean terminal, boolean disabled, Map<String, String> env) {
    if (!terminal || disabled) {
      return null;
    }
    String cmd = env.get("GIT_PAGER");
    if (cmd == null) {
      cmd = env.get("PAGER");
    }
    if (cmd == null) {
      cmd = "less";
    }
    cmd = cmd.strip();
    return cmd.isEmpty() || cmd.equals("cat") ? null : new Pager(cmd);
  }

  String command() {
    return command;
  }

  /**
   * Writes {@code text} through the pager and waits for it to end. Falls back to {@code out} when
   * the pager cannot be started (or its command is not found); a reader quitting the pager early
   * is no error.
   */
  void show(String text, Map<String, String> env, PrintWriter out, PrintWriter err) {
    ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", command))
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(env);
    pb.environment().putIfAbsent("LESS", "FRX");
    pb.environment().putIfAbsent("LV", "-c");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      err.println("warning: cannot start the pager `" + command + "`: " + e.getMessage());
      out.print(text);
      out.flush();
      return;
    }
    boolean written = false;
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
      written = true;
    } catch (IOException e) {
      // the reader quit before the end (a broken pipe), or the command never read: judged below
    }
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      return;
    }
    if (code == 126 || code == 127) {
      // sh could not find or run the command: the reader saw nothing
      err.println("warning: the pager `" + command + "` could not be run (exit " + code + "); printing instead");
      out.print(text);
      out.flush();
    } else if (!written && code != 0) {
      err.println("warning: the pager `" + command + "` ended with exit " + code);
    }
  }
}
