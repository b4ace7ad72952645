package dev.scaffold.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.template.Question;
import dev.scaffold.template.SpecReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversion of raw answers: numbers never change value silently and never expand. */
class AnswerTypesTest {

  private static final Question INT = question("int");
  private static final Question NUMBER = question("number");

  private static Question question(String type) {
    return SpecReader.read("name: x\nquestions:\n  - name: q\n    type: " + type + "\n", "s.yml").questions().get(0);
  }

  private static String refusal(Question q, Object raw) {
    return assertThrows(IllegalArgumentException.class, () -> AnswerTypes.convert(q, raw), String.valueOf(raw)).getMessage();
  }

  @Test
  void intsAtTheEdgesOf64BitsFit() {
    assertEquals(Long.MAX_VALUE, AnswerTypes.convert(INT, "9223372036854775807"));
    assertEquals(Long.MIN_VALUE, AnswerTypes.convert(INT, "-9_223_372_036_854_775_808"));
    assertEquals(3L, AnswerTypes.convert(INT, new BigDecimal("3.00")));
  }

  @Test
  void intsBeyond64BitsAreErrorsFromEverySource() {
    for (Object raw : List.of("9223372036854775808", "-9223372036854775809", "99999999999999999999",
        new BigInteger("99999999999999999999"), new BigDecimal("1e30"))) {
      assertTrue(refusal(INT, raw).contains("is outside the 64-bit range"), String.valueOf(raw));
    }
    assertTrue(refusal(INT, new BigDecimal("2.5")).startsWith("expected a whole number"));
    assertEquals("expected a whole number, got a list", refusal(INT, List.of(1L, 2L)));
  }

  @Test
  void hugeExponentsAreRefusedWithoutExpanding() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (String raw : List.of("1e999999999", "1E-999999999", "-4.2e+2147483647")) {
        assertTrue(refusal(NUMBER, raw).contains("exponent must be within ±1000"), raw);
        assertTrue(refusal(INT, raw).startsWith("expected a whole number"), raw);
      }
      assertTrue(refusal(NUMBER, new BigDecimal("1e999999999")).contains("exponent must be within ±1000"));
    });
    assertEquals(new BigDecimal("1e1000"), AnswerTypes.convert(NUMBER, "1e1000"));
  }

  @Test
  void endlessDigitsAreRefusedBeforeConverting() {
    String digits = "7".repeat(1_000_000);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertEquals("a number longer than 1024 characters", refusal(INT, digits));
      assertEquals("a number longer than 1024 characters", refusal(NUMBER, digits));
    });
  }

  @Test
  void infinityAndNaNAreNotNumbers() {
    for (String raw : List.of(".inf", "-Infinity", "NaN", "+.INF")) {
      assertTrue(refusal(NUMBER, raw).endsWith("(infinity and NaN are not numbers here)"), raw);
    }
  }

  @Test
  void errorsQuoteLongValuesShortened() {
    String err = refusal(INT, "x".repeat(500));
    assertTrue(err.length() < 120, err);
  }
}
