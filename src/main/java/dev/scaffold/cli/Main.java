package dev.scaffold.cli;

import dev.scaffold.engine.RenderLimits;
import dev.scaffold.project.Timing;

/**
 * Entry point. Kept free of library types so that {@code scaffold --version} starts in a JVM's
 * bare start-up time; picocli ({@link ScaffoldCli}) reads every other command line.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      System.out.println("scaffold " + dev.scaffold.ScaffoldVersion.current());
      return;
    }
    Timing.mark("main");
    // Ctrl-C ends the JVM through its shutdown hooks (which remove what the run left) with 130;
    // this one says why, and is taken away again when the run ends of itself
    Thread abortNotice = new Thread(() -> {
      System.err.println("aborted: interrupted before the run finished");
      System.err.flush();
    }, "scaffold-abort-notice");
    Runtime.getRuntime().addShutdownHook(abortNotice);
    // a render that ignores its time limit (see RenderLimits.onRunaway) ends the process, which
    // removes staging and temporary folders on its way out
    RenderLimits.onRunaway(message -> {
      Runtime.getRuntime().removeShutdownHook(abortNotice);
      System.err.println("error: " + message);
      System.err.flush();
      System.exit(ExitCodes.BAD_INPUT);
    });
    int code;
    try {
      code = ScaffoldCli.run(args);
    } finally {
      // a run that ended of itself, even by an exception, was not aborted
      Runtime.getRuntime().removeShutdownHook(abortNotice);
    }
    Timing.mark("done");
    System.out.flush();
    System.exit(code);
  }
}
