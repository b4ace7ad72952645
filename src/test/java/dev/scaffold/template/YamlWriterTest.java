package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlWriterTest {

  static final List<String> AWKWARD = List.of(
      "plain", "two words", "", " lead", "trail ", "3.10", "10", "0x1F", "012", "1e3", "true", "yes", "Yes",
      "no", "off", "on", "y", "n", "N", "null", "~", "NULL", "a: b", "a #b", "#c", "-x", "- x", "-", "?x", "? x",
      ":x", "x:", "x: ", "a'b", "a\"b", "multi\nline", "tab\there", "{x}", "[x]", "x,y", "@at", "`bt", "!bang",
      "%pct", "&amp", "*star", "|pipe", ">gt", "é unicode", "emoji 😀", "back\\slash", "ctrl\u0001", "a\r\nb",
      "2001-12-14", "1:20", ".inf", ".5", "+5", "1_000", "=", "<<", "http://x.y/z?a=b#c", "x #", "x#y", "null x",
      "true false", "'q'", "\"dq\"", "a\u00a0b", "\u2028sep", "trailing\n", "key: value\n", "   ", "0o17", "08",
      "_x", ".x", "x.", "-1", "-.5", "Infinity", "NaN", "0b101", "1,000", "$var", "${x}", "a\tb", "\t", "ー全角",
      "\nlead newline", "two\n\n", "a\n  indented\nb", "a\n   \nb", "a\n\nb", "# not a comment\nline", "- item\n- item",
      "6711657", "1e34567", "0e12345", "x\u0085y", "\ufeffbom", "del\u007f", "c1\u0090", "line \nend", "\ttab first\nx", "ends with colon:\nnext");

  private static final ObjectMapper JACKSON = new ObjectMapper(new YAMLFactory());

  @Test
  void everyAwkwardStringRoundTripsThroughAllThreeReaders() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (int i = 0; i < AWKWARD.size(); i++) {
      doc.put("k" + i, AWKWARD.get(i));
    }
    doc.put("list", new ArrayList<>(AWKWARD));
    roundTrip(doc);
  }

  @Test
  void awkwardKeysRoundTrip() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (String k : AWKWARD) {
      doc.put(k, "v");
    }
    roundTrip(doc);
  }

  @Test
  void randomStringsRoundTrip() throws Exception {
    Random r = new Random(42);
    String alphabet = " \t\n:#-?,[]{}&*!|>'\"%@`~.0123456789eEyYnNtrufalsxo_+\\é😀\u0085\u2028\u00a0\u0001";
    for (int round = 0; round < 200; round++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      for (int i = 0; i < 20; i++) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(8);
        for (int j = 0; j < n; j++) {
          b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        doc.put("k" + i, b.toString());
      }
      roundTrip(doc);
    }
  }

  @Test
  void typedValuesKeepTheirTypes() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("t", true);
    doc.put("f", false);
    doc.put("n", 42L);
    doc.put("neg", -7L);
    doc.put("dec", new BigDecimal("3.10"));
    doc.put("nothing", null);
    doc.put("empty", List.of());
    doc.put("mixed", Arrays.asList(1L, true, null, "s", "3.10"));
    doc.put("nested", Map.of("a", List.of("b")));
    Map<String, Object> back = read(YamlWriter.write(doc));
    assertEquals(true, back.get("t"));
    assertEquals(42, ((Number) back.get("n")).intValue());
    assertEquals(new BigDecimal("3.10"), back.get("dec"));
    assertEquals(Arrays.asList(1, true, null, "s", "3.10"), back.get("mixed"));
    assertEquals(Map.of("a", List.of("b")), back.get("nested"));
  }

  @Test
  void writesWhatJacksonWroteForOrdinaryAnswers() throws Exception {
    ObjectMapper jackson = new ObjectMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .build());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("_template", "https://git.example.com/t.git");
    doc.put("_version", "v1.2.0");
    doc.put("_commit", "0123456789abcdef0123456789abcdef01234567");
    doc.put("project_name", "Acme Billing Service");
    doc.put("python", "3.10");
    doc.put("port", 8080L);
    doc.put("docker", true);
    doc.put("answer", "yes");
    doc.put("email", "jane.doe@example.com");
    doc.put("description", "Billing: invoices & more");
    doc.put("features", List.of("a", "b c", "10"));
    doc.put("none", List.of());
    doc.put("multi", "line one\nline two");
    doc.put("missing", null);
    assertEquals(jackson.writeValueAsString(doc), YamlWriter.write(doc));
  }

  private static void roundTrip(Map<String, Object> doc) throws Exception {
    String text = YamlWriter.write(doc);
    assertEquals(doc, YamlDocument.toJava(YamlDocument.parse(text, "w.yml").root()), text);
    assertEquals(doc, JACKSON.readValue(text, LinkedHashMap.class), text);
    Object snake = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    assertEquals(doc.keySet(), ((Map<?, ?>) snake).keySet(), text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String text) {
    return (Map<String, Object>) YamlDocument.toJava(YamlDocument.parse(text, "w.yml").root());
  }
}
