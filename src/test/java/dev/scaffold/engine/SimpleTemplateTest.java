package dev.scaffold.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.ScaffoldException;
import dev.scaffold.template.Syntax;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path for plain files must render exactly what FreeMarker renders, or step aside. */
class SimpleTemplateTest {

  private static final Map<String, Object> MODEL = new HashMap<>();

  static {
    MODEL.put("s", "Acme <#if> ${x} $ é\r\n");
    MODEL.put("slug", "acme_billing");
    MODEL.put("e", "");
    MODEL.put("t", true);
    MODEL.put("f", false);
    MODEL.put("n", 8080L);
    MODEL.put("l", List.of("a", "b"));
    MODEL.put("nul", null);
  }

  private final TemplateEngine freemarker = new TemplateEngine(null, Syntax.ANGLE, false);
  private final TemplateEngine fast = new TemplateEngine(null, Syntax.ANGLE, true);

  private static String outcome(TemplateEngine engine, String text) {
    StringWriter w = new StringWriter();
    try {
      engine.renderFile(text, "x.ftl", MODEL, w);
      return "OK:" + w;
    } catch (ScaffoldException e) {
      return "ERR:" + e.getMessage();
    }
  }

  private void same(String text) {
    assertEquals(outcome(freemarker, text), outcome(fast, text), () -> "for " + text.replace("\n", "\\n").replace("\r", "\\r"));
  }

  @Test
  void plainFilesTakeTheFastPathAndMatchFreeMarker() {
    String[] accepted = {
      "",
      "plain text, no markup at all\n",
      "name ${s} and ${slug}\n",
      "${slug}${slug}",
      "image: <#if t>${slug}:1</#if>, done\n",
      "x <#if f>yes<#else>no</#if> y\r\n",
      "a <#if t>b <#if f>c<#else>d ${s}</#if> e</#if> f",
      "dollars $ alone, $x, #x, # {, $ {, <a>, </div>, [x], {{ }}, <%= %>, {% %}\n",
      "windows\r\nlines <#if t>x</#if>\r\nold mac\rend",
      "empty ${e}|",
      "tag at end of text <#if t>x</#if> y",
      "  <#if t>x\n</#if> y\n",
    };
    for (String text : accepted) {
      assertNotNull(SimpleTemplate.parse(text), text);
      same(text);
    }
  }

  @Test
  void anythingElseFallsBackToFreeMarker() {
    String[] rejected = {
      "${s?upper_case}",
      "${ s }",
      "${true}",
      "#{n}",
      "<#if t >x</#if>",
      "<#if t>x</#if >",
      "<#if t>x<#elseif f>y</#if>",
      "<#if t>x<#else>y<#else>z</#if>",
      "<#if t>unclosed",
      "</#if>",
      "<#-- comment -->",
      "<@macro/>",
      "[#if t]x[/#if]",
      "[=s]",
      "<#ftl strip_whitespace=false>",
      "\uFEFFbom ${s}",
      "<#if t>\nline\n</#if>\n",
      "  <#if t>\nx</#if> y\n",
      "<#if t>x\n  <#else>\ny</#if>z\n",
      "${s",
      "${",
      "<#",
      "<#if t>",
    };
    for (String text : rejected) {
      assertNull(SimpleTemplate.parse(text), text);
      same(text);
    }
  }

  @Test
  void dataOutsideTheSubsetFallsBackWithFreeMarkersOwnMessage() {
    for (String text : new String[] {"${n}", "${missing}", "${nul}", "${t}", "${l}", "<#if s>x</#if>", "<#if missing>x</#if>", "a\nb ${missing} c"}) {
      SimpleTemplate t = SimpleTemplate.parse(text);
      assertNotNull(t, text);
      assertNull(t.render(MODEL), text);
      assertNull(fast.renderPlain(text, MODEL), text);
      same(text);
    }
    assertTrue(outcome(fast, "a\nb ${missing} c").startsWith("ERR:x.ftl:2:5"), outcome(fast, "a\nb ${missing} c"));
  }

  @Test
  void aLastLineOfBlanksFallsBack() {
    // FreeMarker drops "  " here (after an interpolation) but keeps it in "a\n  "
    for (String text : new String[] {"a${s}\n  ", "#a${f?then(\"a\", \"b\")}/\n  ", "a\n\t", "a${s}\r\n \t"}) {
      assertNull(SimpleTemplate.parse(text), text);
      same(text);
    }
  }

  @Test
  void conditionalNamesTakeTheFastPath() {
    for (String text : new String[] {"${t?then(\"Dockerfile\",\"\")}", "${f?then(\"Dockerfile\", \"\")}",
        "a ${t?then(\"x y\",\"z\")} b\n${f?then(\"x\",\"<z>\")}"}) {
      SimpleTemplate t = SimpleTemplate.parse(text);
      assertNotNull(t, text);
      assertNotNull(t.render(MODEL), text);
      same(text);
    }
    assertEquals("Dockerfile", SimpleTemplate.parse("${t?then(\"Dockerfile\",\"\")}").render(MODEL));
    assertEquals("", SimpleTemplate.parse("${f?then(\"Dockerfile\",\"\")}").render(MODEL));
  }

  /** Random texts built from markup fragments, valid or not: both engines must agree on every one. */
  @Test
  void randomTextsRenderAlikeOrFailAlike() {
    String[] pieces = {
      "a", "Bc d", " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "é€", "$", "#", "{", "}", "<", ">", "/", "[", "]",
      "@", "=", "-", "${s}", "${slug}", "${e}", "${n}", "${missing}", "${t}", "${ s}", "${true}", "${s",
      "<#if t>", "<#if f>", "<#if t>", "<#if f>", "<#if s>", "<#else>", "</#if>", "</#if>", "</#if>",
      "<#if  t>", "</#if >", "<#--c-->", "#{n}", "[#if t]", "[/#if]", "[=s]", "<@m/>", "<#t>", "<#ftl>",
      "[#ftl]", "<#", "</#", "</", "<a>", "</b>", "<#elseif f>", "${.version}", "\uFEFF",
      "${t?then(\"yes\",\"\")}", "${f?then(\"a\", \"b\")}", "${s?then(\"a\",\"b\")}", "${missing?then(\"a\",\"\")}",
      "${t?then(\"a\\\\n\",\"b\")}", "${t?then(\"$\",\"\")}", "${t?then(\"<#if>}{\",\"b\")}", "${t?then(\"a\",\"b\") }",
      "${t?then('a','b')}"
    };
    Random random = new Random(20261122);
    int fastOnes = 0;
    for (int round = 0; round < 20000; round++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + random.nextInt(14);
      for (int k = 0; k < len; k++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      SimpleTemplate t = SimpleTemplate.parse(text);
      if (t != null && t.render(MODEL) != null) {
        fastOnes++;
      }
      same(text);
    }
    assertTrue(fastOnes > 1000, "the fast path should handle many of the random texts, handled " + fastOnes);
  }
}
