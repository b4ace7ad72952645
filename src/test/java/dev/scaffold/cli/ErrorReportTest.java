package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors the engine does not turn into input errors itself still end as one line and exit 2. */
class ErrorReportTest {

  private final StringWriter err = new StringWriter();
  private final CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err),
      new ByteArrayInputStream(new byte[0]), Map.of(), Path.of("."), false);

  @Test
  void aStackOverflowIsAOneLineInputError() {
    assertEquals(2, ScaffoldCli.report(ctx, new StackOverflowError(), false));
    assertEquals("error: input nested too deeply (the stack ran out)\n", err.toString().replace("\r", ""));
  }

  @Test
  void runningOutOfMemoryIsAOneLineInputError() {
    assertEquals(2, ScaffoldCli.report(ctx, new OutOfMemoryError("Java heap space"), false));
    assertEquals("error: ran out of memory (input too large?)\n", err.toString().replace("\r", ""));
  }

  @Test
  void verboseAddsTheStackTrace() {
    ScaffoldCli.report(ctx, new StackOverflowError(), true);
    assertTrue(err.toString().contains("java.lang.StackOverflowError"), err.toString());
  }
}
