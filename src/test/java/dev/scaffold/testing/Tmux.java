package dev.scaffold.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal for the jar's prompts: one tmux server on a socket of its own (so that it never
 * meets the user's), one window, keys typed into it and its screen read back. Closing kills the server.
 */
public final class Tmux implements AutoCloseable {

  private final String socket;

  /** @param name the socket's name; the test's pid is added, so that parallel runs stay apart */
  public Tmux(String name) {
    this.socket = name + "-" + ProcessHandle.current().pid();
  }

  /** Whether tmux can be run here: the tests that need it skip, saying so, when it cannot. */
  public static boolean installed() {
    try {
      return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts {@code command} (a shell command line) in a 200×50 window whose folder is {@code dir}. */
  public void start(Path dir, String command) throws IOException, InterruptedException {
    tmux("new-session", "-d", "-x", "200", "-y", "50", "-c", dir.toString(), command);
  }

  /** The window's text, with its scroll-back and wrapped lines joined. */
  public String screen() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "0");
  }

  /** Waits up to a minute for {@code text} to appear; fails showing the screen when it does not. */
  public void waitFor(String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!screen().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("did not see: " + text + "\n" + screen());
      }
      Thread.sleep(100);
    }
  }

  /** Types {@code keys} (tmux key names such as {@code Enter} or {@code C-u}, or text). */
  public void send(String... keys) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("send-keys", "-t", "0"));
    argv.addAll(List.of(keys));
    tmux(argv.toArray(String[]::new));
  }

  /** Waits for {@code question}, then types {@code keys}. */
  public void answer(String question, String... keys) throws IOException, InterruptedException {
    waitFor(question);
    send(keys);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    tmux("kill-server");
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }
}
