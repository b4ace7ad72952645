package dev.scaffold.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

  private final Profile acme = new Profile("work", Map.of(), null, List.of("gh:acme/", "https://git.acme.com/t/"),
      "gh:acme/", "profile `work`");

  @Test
  void trustsOnlySourcesUnderItsPrefixes() {
    assertTrue(acme.trusts("gh:acme/service-template"));
    assertTrue(acme.trusts("https://git.acme.com/t/svc.git"));
    assertFalse(acme.trusts("gh:acme-evil/service-template"));
    assertFalse(acme.trusts("gh:acme/"));
    assertFalse(acme.trusts("gh:acme/../evil/x"));
    assertFalse(acme.trusts("gh:acme/x::ext"));
    assertFalse(acme.trusts("gh:evil/acme/x"));
    assertFalse(acme.trusts(null));
  }

  @Test
  void aPrefixMustNameAnOwnerOrHostAndEndWithASlash() {
    assertNotNull(SettingsFile.trustedProblem("gh:acme"));
    assertNotNull(SettingsFile.trustedProblem("gh:"));
    assertNotNull(SettingsFile.trustedProblem("gh:/"));
    assertNotNull(SettingsFile.trustedProblem("https://"));
    assertNotNull(SettingsFile.trustedProblem("gh:acme/../"));
    assertNull(SettingsFile.trustedProblem("gh:acme/"));
    assertNull(SettingsFile.trustedProblem("https://git.acme.com/"));
  }

  @Test
  void aBareNameIsLookedUpAtTheTemplateLocation() {
    assertEquals("gh:acme/svc", acme.locate("svc"));
    assertEquals("/srv/templates/svc", new Profile("p", Map.of(), null, List.of(), "/srv/templates", "p").locate("svc"));
    assertEquals("svc", Profile.empty("p", "p").locate("svc"));
  }

  @Test
  void keysNamingSecretsAreRefusedAndOthersAreAnswers() {
    assertTrue(SettingKeys.isSecret("GITHUB_TOKEN"));
    assertTrue(SettingKeys.isSecret("db_password"));
    assertFalse(SettingKeys.isSecret("author_name"));
    assertEquals(List.of("answers", "author_name"), SettingKeys.path("author_name"));
    assertEquals(List.of("answers", "author_name"), SettingKeys.path("answers.author_name"));
    assertEquals(List.of("github_url"), SettingKeys.path("github_url"));
  }
}
