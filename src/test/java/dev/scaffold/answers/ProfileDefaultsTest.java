package dev.scaffold.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.Progress;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.template.SpecReader;
import dev.scaffold.template.TemplateSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile's defaults stand in for the template's: offered at the prompt, never for a secret, and kept by the recorder. */
class ProfileDefaultsTest {

  private static final TemplateSpec SPEC = SpecReader.read("""
      name: t
      questions:
        - name: author_name
          default: Nobody
        - name: port
          type: int
          default: 8080
        - name: api_key
          type: secret
          required: false
        - name: create_github_repo
          type: bool
          default: false
        - name: github_org
          default: acme
          when: ${create_github_repo?c}
      """, "scaffold.yml");

  @Test
  void aPromptOffersTheProfileDefaultTypedAndSecretsKeepTheirOwn() {
    Map<String, Object> offered = new LinkedHashMap<>();
    Prompter prompter = request -> {
      offered.put(request.question().name(), request.defaultValue());
      return request.check().check(request.defaultValue() == null ? "typed" : request.defaultValue()).value();
    };
    AnswerRecorder recorder = new AnswerRecorder(prompter);
    AnswerInputs inputs = new AnswerInputs(Map.of(), Map.of(), null, Map.of())
        .withProfileDefaults(Map.of("author_name", "Ada", "port", "9090", "api_key", "from-profile", "github_org", "mine"),
            "profile `work`");
    Answers a = new Questionnaire(SPEC, TemplateEngine.forExpressions(), Map.of(), Progress.NONE)
        .collect(inputs, recorder, false);

    assertEquals("Ada", offered.get("author_name"));
    assertEquals(9090L, ((Number) offered.get("port")).longValue());
    assertEquals(null, offered.get("api_key"), "a secret is never a profile default");
    assertEquals("mine", a.values().get("github_org"), "a skipped question sees the profile's value");
    assertFalse(offered.containsKey("github_org"), "not asked: create_github_repo is false");
    assertTrue(recorder.asked());
    assertEquals(Map.of("author_name", "Ada", "port", 9090L, "create_github_repo", false),
        normalised(recorder.answers()), "the recorder keeps no secret");
  }

  private static Map<String, Object> normalised(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Number n && !(v instanceof Long) ? n.longValue() : v));
    return out;
  }
}
