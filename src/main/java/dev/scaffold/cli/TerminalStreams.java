package dev.scaffold.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process's stderr is a terminal. Java tells only of stdin and stdout together
 * ({@link System#console()}); on Linux the descriptor's link names the device, read in one system
 * call rather than a {@code test -t 2} process.
 */
final class TerminalStreams {

  private TerminalStreams() {}

  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no /proc: fall back to what Java knows
    }
    return System.console() != null;
  }
}
