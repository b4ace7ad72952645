package dev.scaffold.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.InputException;
import dev.scaffold.template.Syntax;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TemplateEngineLimitsTest {

  private static final RenderLimits SMALL = new RenderLimits(Duration.ofMillis(300), 1000, 2500);
  private static final Duration SAFETY = Duration.ofSeconds(20);

  private final TemplateEngine engine = new TemplateEngine(null, Syntax.ANGLE, SMALL);

  private InputException fails(String text) {
    return assertTimeoutPreemptively(SAFETY,
        () -> assertThrows(InputException.class, () -> engine.renderFile(text, "t.ftl", Map.of(), Writer.nullWriter())));
  }

  @Test
  void anEndlessLoopStopsAtTheTimeLimit() {
    long start = System.nanoTime();
    InputException e = fails("<#list 1.. as i></#list>");
    assertEquals("t.ftl: rendering took longer than 0.3 s (the render time limit: a loop without end?); "
        + "raise it with SCAFFOLD_RENDER_TIMEOUT=SECONDS", e.getMessage());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt does not outlive the render");
  }

  @Test
  void aHugeRangeStopsAtTheTimeLimit() {
    assertTrue(fails("<#list 1..999999999999 as i><#assign x = i></#list>").getMessage().contains("render time limit"));
  }

  @Test
  void endlessMacroAndFunctionRecursionAreInputErrors() {
    assertTrue(fails("<#macro m><@m/></#macro><@m/>").getMessage().startsWith("t.ftl: recursion too deep"));
    assertTrue(fails("<#function f n><#return f(n + 1)></#function>${f(1)}").getMessage().startsWith("t.ftl: recursion too deep"));
  }

  @Test
  void aDoubledStringIsStopped() {
    InputException e = fails("<#assign s = \"x\"><#list 1..40 as i><#assign s = s + s></#list>${s}");
    assertTrue(e.getMessage().startsWith("t.ftl: "), e.getMessage());
  }

  @Test
  void outputPastTheFileLimitIsRefused() {
    InputException e = fails("<#list 1..2000 as i>x</#list>");
    assertEquals("t.ftl: renders more than 1000 characters (the output limit per file); "
        + "raise it with SCAFFOLD_MAX_FILE_SIZE=SIZE, such as 64M", e.getMessage());
  }

  @Test
  void theFastPathObeysTheSizeLimits() {
    String big = "y".repeat(1001);
    InputException e = assertThrows(InputException.class, () -> engine.renderPlain("${a}", "a.ftl", Map.of("a", big)));
    assertTrue(e.getMessage().startsWith("a.ftl: renders more than 1000 characters"), e.getMessage());
    assertThrows(InputException.class, () -> engine.renderSegment("${a}", "seg", Map.of("a", big)));
  }

  @Test
  void outputPastTheTotalLimitIsRefused() {
    TemplateEngine e = new TemplateEngine(null, Syntax.ANGLE, SMALL);
    String x900 = "x".repeat(900);
    e.renderFile(x900, "a.ftl", Map.of(), new StringWriter());
    assertEquals(x900, e.renderPlain(x900, "b.ftl", Map.of()));
    InputException ex = assertThrows(InputException.class, () -> e.renderFile("<#list 1..900 as i>x</#list>", "c.ftl", Map.of(), Writer.nullWriter()));
    assertEquals("c.ftl: the render's output passed 2500 characters in total (the total output limit); "
        + "raise it with SCAFFOLD_MAX_OUTPUT=SIZE, such as 1G", ex.getMessage());
  }

  @Test
  void expressionsAndSegmentsObeyTheLimits() {
    assertTimeoutPreemptively(SAFETY, () -> {
      InputException e = assertThrows(InputException.class, () -> engine.expand("<#list 1.. as i></#list>", "computed `x`", Map.of()));
      assertTrue(e.getMessage().startsWith("computed `x`: rendering took longer than"), e.getMessage());
      e = assertThrows(InputException.class, () -> engine.test("${(1..5000)?join(',')}", "question `q` when", Map.of()));
      assertTrue(e.getMessage().startsWith("question `q` when: renders more than 1000"), e.getMessage());
      e = assertThrows(InputException.class, () -> engine.renderSegment("<#list 1.. as i></#list>", "template/x", Map.of()));
      assertTrue(e.getMessage().contains("render time limit"), e.getMessage());
    });
  }

  @Test
  void aBuiltInThatIgnoresTheInterruptIsReportedAsARunawayAndFailsAtTheEnd() {
    // ?seq_contains loops inside FreeMarker without looking at the interrupt (about 2 s for this range)
    List<String> heard = new CopyOnWriteArrayList<>();
    RenderLimits.onRunaway(heard::add);
    try {
      TemplateEngine e = new TemplateEngine(null, Syntax.ANGLE, new RenderLimits(Duration.ofMillis(200), 1000, 1000));
      InputException ex = assertTimeoutPreemptively(SAFETY, () -> assertThrows(InputException.class,
          () -> e.renderFile("${(1..150000000)?seq_contains(-1)?c}", "slow.ftl", Map.of(), Writer.nullWriter())));
      assertTrue(ex.getMessage().startsWith("slow.ftl: rendering took longer than 0.2 s"), ex.getMessage());
      assertEquals(List.of("slow.ftl: rendering took longer than 0.2 s (the render time limit: a loop without end?); "
          + "raise it with SCAFFOLD_RENDER_TIMEOUT=SECONDS (it did not stop when told to)"), heard);
    } finally {
      RenderLimits.onRunaway(null);
    }
  }

  @Test
  void aRenderWithinTheLimitsIsUntouched() {
    StringWriter w = new StringWriter();
    engine.renderFile("<#list 1..3 as i>${i}</#list>", "t.ftl", Map.of(), w);
    assertEquals("123", w.toString());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void limitsComeFromTheEnvironmentWithSuffixes() {
    RenderLimits l = RenderLimits.from(Map.of("SCAFFOLD_RENDER_TIMEOUT", "2.5", "SCAFFOLD_MAX_FILE_SIZE", "64k",
        "SCAFFOLD_MAX_OUTPUT", "1G"));
    assertEquals(new RenderLimits(Duration.ofMillis(2500), 64 << 10, 1L << 30), l);
    assertEquals(RenderLimits.DEFAULTS, RenderLimits.from(Map.of()));
    InputException e = assertThrows(InputException.class, () -> RenderLimits.from(Map.of("SCAFFOLD_MAX_OUTPUT", "lots")));
    assertTrue(e.getMessage().startsWith("SCAFFOLD_MAX_OUTPUT: `lots` is not a size"), e.getMessage());
    assertThrows(InputException.class, () -> RenderLimits.from(Map.of("SCAFFOLD_RENDER_TIMEOUT", "-1")));
  }
}
