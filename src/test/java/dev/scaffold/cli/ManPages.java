package dev.scaffold.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes a man page for every command ({@code scaffold.1}, {@code scaffold-new.1}, ...) into the
 * folder given, from the same command tree the program runs; the build calls it at package time.
 * It lives with the tests, and reaches picocli-codegen (a build tool, not part of the jar) by
 * reflection: the build puts it on the class path of this one run only.
 */
public final class ManPages {

  private ManPages() {}

  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/man/man1");
    CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        System.in, Map.of(), Path.of("").toAbsolutePath(), false);
    Class<?> generator = Class.forName("picocli.codegen.docgen.manpage.ManPageGenerator");
    int code;
    try {
      code = (Integer) generator.getMethod("generateManPage", File.class, File.class, boolean[].class, boolean.class,
              CommandSpec[].class)
          .invoke(null, dir.toFile(), null, new boolean[0], true, new CommandSpec[] {ScaffoldCli.commandLine(ctx).getCommandSpec()});
    } catch (InvocationTargetException e) {
      throw new IOException("man pages were not written: " + e.getCause(), e.getCause());
    }
    if (code != 0) {
      throw new IOException("man pages were not written (code " + code + ")");
    }
  }
}
