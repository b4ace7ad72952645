package dev.scaffold.cli;

/**
 * Entry point. Kept free of library types so that {@code scaffold --version} starts in a JVM's
 * bare start-up time; everything else goes to {@link ScaffoldCli}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      System.out.println("scaffold " + dev.scaffold.ScaffoldVersion.current());
      return;
    }
    int code = ScaffoldCli.run(args);
    System.out.flush();
    System.exit(code);
  }
}
