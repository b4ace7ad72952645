package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scaffold.InputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnakeYAML reader types every scalar as the Jackson YAML mapper it replaced did. */
class YamlDocumentTest {

  /** The mapper YamlDocument used before: the reference for typing. */
  private static final ObjectMapper JACKSON =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private static final List<String> SCALARS = List.of(
      "plain", "two words", "!!str 5", "yes", "Yes", "NO", "on", "Off", "y", "n", "true", "False", "TRUE",
      "0x1F", "-0x1F", "012", "1_000", "1__0", "1:20", "1e3", "3.10", "3.1", "-0.0", "+5", ".5", "1.",
      "0.1_5", "0b101", "08", "0o17", "0", "-12", "2147483647", "2147483648", "-2147483649",
      "9223372036854775807", "9223372036854775808", "99999999999999999999", "1.5e+3", "6.8523015e+5",
      "685.230_15e+03", "1e-3", "~", "null", "Null", "NULL", "", "''", "\"\"", "'3.10'", "\"yes\"",
      "!!float 3", "!!int '7'", "!!bool y", "!!bool maybe", "!!null x", "!foo bar", "2001-12-14",
      "2001-12-14t21:59:43.10-05:00", "<<", "=", "\"\\u00e9\\n\"", "'it''s'", "a #comment", "[a, 1, yes]",
      "{b: c, d: 2}", "|\n  multi\n  line\n", ">-\n  folded\n  text\n", "&x anchored", "Infinity", "NaN");

  @Test
  void typesEveryScalarAsJacksonDid() throws Exception {
    for (String s : SCALARS) {
      String text = "key: " + s + "\n";
      assertEquals(JACKSON.readTree(text), YamlDocument.parse(text, "t.yml").root(), text);
      String inList = "- " + s.replace("\n", "\n  ") + "\n";
      assertEquals(JACKSON.readTree(inList), YamlDocument.parse(inList, "t.yml").root(), inList);
    }
  }

  @Test
  void keepsExactDecimalsAndTypes() {
    JsonNode root = YamlDocument.parse("a: 3.10\nb: 10\nc: true\nd: [1, x]\ne: 5000000000\n", "t.yml").root();
    assertEquals(new BigDecimal("3.10"), root.get("a").decimalValue());
    assertEquals("3.10", root.get("a").asText());
    assertTrue(root.get("b").isInt());
    assertTrue(root.get("c").isBoolean());
    assertTrue(root.get("d").isArray());
    assertTrue(root.get("e").isLong());
  }

  @Test
  void readsJson() throws Exception {
    for (String json : List.of("{\"a\": 1}", "{\"a\":1,\"b\":[true,null,3.10,\"x\"],\"c\":{\"d\":\"e\"}}",
        "{\n  \"name\": \"demo\",\n  \"n\": -2.5e3\n}\n", "[]", "{}")) {
      assertEquals(JACKSON.readTree(json), YamlDocument.parse(json, "a.json").root(), json);
    }
    assertEquals(1, YamlDocument.parse("{\"a\": 1}", "a.json").root().get("a").intValue());
  }

  @Test
  void documentsMatchJacksonWholesale() throws Exception {
    for (String doc : List.of(
        "name: x\nquestions:\n  - name: a\n    choices:\n      - 1\n      -\n        - z\n  -\n    name: b\n    tags: [p,\n      q]\nempty: []\nm: {}\n",
        "# only a comment\n", "", "---\nx: 1\n", "x: &a [1, 2]\ny: *a\n", "1: one\ntrue: t\n~: n\n",
        "a:\n  b:\n    c: [1, {d: e}]\n")) {
      JsonNode expected = JACKSON.readTree(doc);
      JsonNode actual = YamlDocument.parse(doc, "t.yml").root();
      if (doc.contains("*a")) {
        continue; // Jackson keeps an alias as its name; SnakeYAML resolves it, which is what YAML means
      }
      assertEquals(expected, actual, doc);
    }
  }

  @Test
  void remembersTheLineOfEveryPointerAsJacksonTokensDid() {
    YamlDocument d = YamlDocument.parse(
        "name: x\nquestions:\n  - name: a\n    choices:\n      - 1\n      -\n        - z\n  -\n    name: b\n    tags: [p,\n      q]\nempty: []\n",
        "f");
    Map<String, String> expected = Map.ofEntries(
        Map.entry("", "f:1"), Map.entry("/name", "f:1"), Map.entry("/questions", "f:2"),
        Map.entry("/questions/0", "f:3"), Map.entry("/questions/0/name", "f:3"),
        Map.entry("/questions/0/choices", "f:4"), Map.entry("/questions/0/choices/0", "f:5"),
        Map.entry("/questions/0/choices/1", "f:7"), Map.entry("/questions/0/choices/1/0", "f:7"),
        Map.entry("/questions/1", "f:9"), Map.entry("/questions/1/name", "f:9"),
        Map.entry("/questions/1/tags", "f:10"), Map.entry("/questions/1/tags/1", "f:11"),
        Map.entry("/empty", "f:12"), Map.entry("/questions/1/nothing/deeper", "f:9"));
    expected.forEach((pointer, where) -> assertEquals(where, d.where(pointer), pointer));
    YamlDocument esc = YamlDocument.parse("{\"a\": {\"b/c\": 1,\n \"d~e\": 2}}", "j");
    assertEquals("j:1", esc.where("/a/b~1c"));
    assertEquals("j:2", esc.where("/a/d~0e"));
  }

  @Test
  void brokenYamlNamesLineAndColumn() {
    for (String bad : List.of("name: x\nquestions: [\n  - a\n", "a: b: c\n", "a: 'x\n", "\tx: 1\n", "s: .inf\n",
        "? [a]\n: b\n")) {
      InputException e = assertThrows(InputException.class, () -> YamlDocument.parse(bad, "bad.yml"), bad);
      assertTrue(e.problems().get(0).where().matches("bad\\.yml:\\d+:\\d+"), e.getMessage());
      assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }
  }

  @Test
  void plainJavaValuesAsJacksonConvertedThem() throws Exception {
    String doc = "teams: {mlops: admin}\nn: 3\nbig: 5000000000\nd: 3.10\nl: [a, true, null]\n";
    Object expected = JACKSON.convertValue(JACKSON.readTree(doc), java.util.LinkedHashMap.class);
    assertEquals(expected, YamlDocument.toJava(YamlDocument.parse(doc, "t").root()));
  }

  @Test
  void duplicateKeysAreErrorsNamingBothLines() {
    // Jackson lets the last one win: a typo'd second `default:` would silently replace the first
    InputException e = assertThrows(InputException.class,
        () -> YamlDocument.parse("a: 1\nb:\n  c: 2\n  c: 3\n", "t.yml"));
    assertEquals("t.yml:4: duplicate key `c` (first at line 3)", e.getMessage());
    InputException json = assertThrows(InputException.class, () -> YamlDocument.parse("{\"x\": 1, \"x\": 2}", "a.json"));
    assertTrue(json.getMessage().startsWith("a.json:1: duplicate key `x`"), json.getMessage());
  }

  @Test
  void nestingIsCapped() {
    String ok = "[".repeat(YamlLimits.MAX_DEPTH) + "]".repeat(YamlLimits.MAX_DEPTH);
    assertTrue(YamlDocument.parse(ok, "t.yml").root().isArray());
    String deep = "[".repeat(YamlLimits.MAX_DEPTH + 1) + "]".repeat(YamlLimits.MAX_DEPTH + 1);
    InputException e = assertThrows(InputException.class, () -> YamlDocument.parse(deep, "t.yml"));
    assertTrue(e.getMessage().contains("nested deeper than 50 levels"), e.getMessage());
  }

  @Test
  void aliasesShareTheirNodeAndTheirExpansionIsCapped() {
    JsonNode small = YamlDocument.parse("a: &x {k: v}\nb: *x\nc: *x\n", "t.yml").root();
    assertTrue(small.get("b") == small.get("c"), "an alias is the anchored node, never a copy");
    // each level holds the one before nine times: 9^6 values when expanded, from 6 lines
    StringBuilder laughs = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 5; i++) {
      String prev = "*l" + (i - 1);
      laughs.append("l").append(i).append(": &l").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
    }
    InputException e = assertThrows(InputException.class, () -> YamlDocument.parse(laughs.toString(), "t.yml"));
    assertTrue(e.getMessage().contains("aliases expand to more than 100000 values"), e.getMessage());
    assertTrue(e.getMessage().startsWith("t.yml:6:"), e.getMessage());
  }

  @Test
  void hugeExponentsAndEndlessNumbersAreRefusedNotExpanded() {
    for (String n : List.of("1e999999999", "1e-999999999", "!!float 1e999999999", "-2.5E+1001")) {
      InputException e = assertThrows(InputException.class, () -> YamlDocument.parse("n: " + n + "\n", "t.yml"), n);
      assertTrue(e.getMessage().contains("out of range: the exponent must be within ±1000"), e.getMessage());
    }
    assertEquals(new BigDecimal("1e1000"), YamlDocument.parse("n: 1e1000\n", "t.yml").root().get("n").decimalValue());
    String digits = "!!int " + "9".repeat(YamlLimits.MAX_NUMBER_CHARS + 1);
    InputException e = assertThrows(InputException.class, () -> YamlDocument.parse("n: " + digits + "\n", "t.yml"));
    assertTrue(e.getMessage().contains("a number longer than 1024 characters"), e.getMessage());
  }

  @Test
  void infinityAndNaNAreNotNumbers() {
    for (String n : List.of(".inf", "-.Inf", ".NaN")) {
      InputException e = assertThrows(InputException.class, () -> YamlDocument.parse("n: " + n + "\n", "t.yml"), n);
      assertTrue(e.getMessage().contains("is not a finite number"), e.getMessage());
    }
  }

  @Test
  void integersBeyond64BitsStayExactAsPlainValues() {
    JsonNode n = YamlDocument.parse("a: 99999999999999999999\nb: 9223372036854775807\n", "t.yml").root();
    assertEquals(new java.math.BigInteger("99999999999999999999"), YamlDocument.plainValue(n.get("a")));
    assertEquals(Long.MAX_VALUE, YamlDocument.plainValue(n.get("b")));
  }

  @Test
  void documentSizeIsCapped() {
    String big = "a: " + "x".repeat(YamlLimits.MAX_CODE_POINTS) + "\n";
    InputException e = assertThrows(InputException.class, () -> YamlDocument.parse(big, "t.yml"));
    assertEquals("t.yml: refused: larger than 10 Mi characters (a fixed limit of scaffold's YAML reader)", e.getMessage());
  }

  @Test
  void longLinesAreCappedBecauseScanningOneLongTokenIsQuadratic() {
    String ok = "a: |\n  " + "x".repeat(YamlLimits.MAX_LINE_CHARS - 2) + "\n";
    assertEquals(YamlLimits.MAX_LINE_CHARS - 2 + 1, YamlDocument.parse(ok, "t.yml").root().get("a").asText().length());
    String bad = "a: 1\r\nb: " + "x".repeat(YamlLimits.MAX_LINE_CHARS) + "\r\n";
    InputException e = assertThrows(InputException.class, () -> YamlDocument.parse(bad, "t.yml"));
    assertEquals("t.yml:2: refused: a line longer than 1 Mi characters (a fixed limit of scaffold's YAML reader)", e.getMessage());
  }

  @Test
  void deepDocumentsWithLongKeysTakeLinearMemory() {
    // 40 levels of 1,000-character keys (YAML allows no longer implicit key) over a million values:
    // whole-path pointers would take 80 GB
    StringBuilder b = new StringBuilder();
    String key = "k".repeat(1000);
    for (int d = 0; d < 40; d++) {
      b.append("  ".repeat(d)).append(key).append(":\n");
    }
    String indent = "  ".repeat(40);
    b.append(indent).append("- [0");
    for (int i = 1; i < 1_000_000; i++) {
      b.append(i % 50_000 == 0 ? ",\n" + indent + "  " : ",").append('1');
    }
    b.append("]\n");
    YamlDocument d = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> YamlDocument.parse(b.toString(), "t.yml"));
    String pointer = ("/" + key).repeat(40) + "/0/999999";
    assertEquals("t.yml:60", d.where(pointer));
    assertEquals("t.yml:40", d.where(("/" + key).repeat(40)));
    assertEquals("t.yml", d.where("/missing"));
  }
}

