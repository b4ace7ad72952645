package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The hand-written YAML 1.1 scalar typing agrees with SnakeYAML's regular-expression Resolver. */
class YamlScalarsTest {

  private static final Resolver RESOLVER = new Resolver();

  private static String expected(String v) {
    Tag t = RESOLVER.resolve(NodeId.scalar, v, true);
    if (t.equals(Tag.STR)) return "STR";
    if (t.equals(Tag.BOOL)) return "BOOL";
    if (t.equals(Tag.INT)) return "INT";
    if (t.equals(Tag.FLOAT)) return "FLOAT";
    if (t.equals(Tag.NULL)) return "NULL";
    if (t.equals(Tag.MERGE)) return "MERGE";
    if (t.equals(Tag.TIMESTAMP)) return "TIMESTAMP";
    if (t.equals(Tag.YAML)) return "YAML";
    return t.getValue();
  }

  @Test
  void knownCases() {
    List<String> cases = new ArrayList<>(List.of(
        "", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yEs", "no", "on", "Off", "y", "n", "true", "tRUE",
        "0", "-0", "+0", "00", "08", "012", "0_7", "0_", "0b", "0b1", "0b_1", "-0b101", "0x", "0x_F", "0xfF", "0X1", "1_000",
        "1__0", "123", "-123", "+", "-", ".", "1:20", "1:2:3", "1:60", "1:6", "190:20:30", "0:20", "1.", "1.5", "-1.5e3",
        "1e3", "1E+3", "1e", ".5", "._5", "._", ".e5", ".5e5", "-.5", ".inf", "-.Inf", "+.INF", ".nan", "-.nan", ".NaN",
        "1:30.5", "1:3.5", "1:30", "1_2.3_4e-5", "1.e5", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z", "2001-12-14 21:59:43.10", "2001-12-14 21:59:43.10 ",
        "2001-1-1 1:00:00", "2001-12-14T21:59:43+05:30", "2001-12-14T21:59:43 Z", "2001-12-14T21:59:43+123",
        "2001-12-1", "20011-12-14", "<<", "<", "!", "&", "*", "=", "a", "plain text", "0.1.0", "3.10", "v1.0"));
    for (String c : cases) {
      assertEquals(expected(c), YamlScalars.resolve(c).name(), c);
    }
  }

  @Test
  void randomStrings() {
    Random r = new Random(7);
    String[] alphabets = {"0123456789_:.-+eE", "01_bxX-+", "0123456789-:Tt .Z+", "0123456789abcdefABCDEF_x", ".infaINFNn+-"};
    for (int round = 0; round < 200_000; round++) {
      String alphabet = alphabets[round % alphabets.length];
      int n = 1 + r.nextInt(round % 7 == 0 ? 30 : 8);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String v = b.toString();
      assertEquals(expected(v), YamlScalars.resolve(v).name(), v);
    }
  }

  @Test
  void randomTimestampsAndSexagesimals() {
    Random r = new Random(11);
    String[] parts = {"2001", "-", "1", "12", "T", "t", " ", "\t", ":", "00", "5", ".", "10", "Z", "+", "-0", "1:", "59", "60"};
    for (int round = 0; round < 100_000; round++) {
      StringBuilder b = new StringBuilder(r.nextBoolean() ? "2001-12-14" : "2001-");
      int n = r.nextInt(9);
      for (int i = 0; i < n; i++) {
        b.append(parts[r.nextInt(parts.length)]);
      }
      String v = b.toString();
      assertEquals(expected(v), YamlScalars.resolve(v).name(), v);
      String s = (r.nextBoolean() ? "1" : "-12") + b.substring(4);
      assertEquals(expected(s), YamlScalars.resolve(s).name(), s);
    }
  }
}
