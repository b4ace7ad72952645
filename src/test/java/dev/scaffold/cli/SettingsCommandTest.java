package dev.scaffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.answers.LastAnswers;
import dev.scaffold.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaffold settings} and its profiles, through the real command line, and their effect on {@code new}. */
class SettingsCommandTest {

  @TempDir Path tmp;
  private Path config;
  private Path settings;
  private Map<String, String> env;
  private Path template;

  @BeforeEach
  void setUp() throws IOException {
    config = tmp.resolve("config");
    settings = config.resolve("scaffold/settings.yml");
    env = Map.of("XDG_CONFIG_HOME", config.toString(), "XDG_STATE_HOME", tmp.resolve("state").toString(),
        "HOME", tmp.resolve("home").toString());
    template = tmp.resolve("greet");
    Files.createDirectories(template.resolve("template"));
    Files.writeString(template.resolve("scaffold.yml"), """
        name: greet
        questions:
          - name: author_name
            type: text
            default: Nobody
          - name: github_org
            type: text
            default: template-org
          - name: license
            type: text
            default: MIT
          - name: stars
            type: int
            default: 1
        """);
    Files.writeString(template.resolve("template/README.md.ftl"), "${author_name} ${github_org} ${license} ${stars}\n");
  }

  private Cli.Run scaffold(Map<String, String> extra, String... args) {
    Map<String, String> e = new java.util.HashMap<>(env);
    e.putAll(extra);
    return Cli.run(tmp, e, args);
  }

  private Cli.Run scaffold(String... args) {
    return scaffold(Map.of(), args);
  }

  private String readme(String dest) throws IOException {
    return Files.readString(tmp.resolve(dest).resolve("README.md"));
  }

  @Test
  void setShowListUseAndUnsetKeepTheFilePrivateAndTheUsersOtherKeys() throws IOException {
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, """
        editor: vim
        profiles:
          default:
            notes: kept as written
        """);
    assertEquals(0, scaffold("settings", "set", "author_name", "Ada Lovelace").exit());
    assertEquals(0, scaffold("settings", "set", "--profile", "work", "github_org", "acme").exit());
    assertEquals(0, scaffold("settings", "set", "--profile", "work", "trusted_sources", "gh:acme/,https://git.acme.com/t/").exit());
    assertEquals(0, scaffold("settings", "set", "--profile", "work", "github_url", "https://github.acme.com/api/v3").exit());

    String text = Files.readString(settings);
    assertTrue(text.contains("editor: vim") && text.contains("notes: kept as written"), text);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)));
    try (Stream<Path> s = Files.list(settings.getParent())) {
      assertEquals(List.of("settings.yml"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }

    Cli.Run list = scaffold("settings", "list");
    assertEquals("* default\n  work\n", list.out());
    assertEquals(0, scaffold("settings", "use", "work").exit());
    assertEquals("  default\n* work\n", scaffold("settings", "list").out());

    Cli.Run show = scaffold("settings", "show");
    assertTrue(show.out().startsWith("# profile work (" + settings + ")"), show.out());
    assertTrue(show.out().contains("github_org: acme") && show.out().contains("- gh:acme/")
        && show.out().contains("github_url: https://github.acme.com/api/v3"), show.out());
    assertTrue(scaffold("settings", "show", "--profile", "default").out().contains("author_name: Ada Lovelace"));

    assertEquals(0, scaffold("settings", "unset", "github_org").exit());
    assertFalse(scaffold("settings", "show").out().contains("github_org"));
    assertTrue(Files.readString(settings).contains("editor: vim"));
  }

  @Test
  void secretsAreRefusedAndTheFileIsLeftAsItWas() throws IOException {
    scaffold("settings", "set", "author_name", "Ada");
    String before = Files.readString(settings);
    for (String key : List.of("github_token", "token", "answers.db_password", "API_KEY")) {
      Cli.Run r = scaffold("settings", "set", key, "ghp_secret_value_1234567890");
      assertEquals(2, r.exit(), key);
      assertTrue(r.err().contains("settings hold no secrets"), r.err());
    }
    assertEquals(before, Files.readString(settings));
    assertFalse(Files.readString(settings).contains("ghp_secret"));
  }

  @Test
  void aBrokenFileIsOneErrorNamingFileAndLine() throws IOException {
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, "profiles:\n  work:\n    answers: [1\n");
    Cli.Run r = scaffold("settings", "show");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: " + settings + ":4:"), r.err());

    Files.writeString(settings, "profiles:\n  work:\n    answers:\n      author_name: Ada\n    gh_token: abc\n");
    r = scaffold("new", template.toString(), "out", "--non-interactive", "--no-git");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains(settings + ":5: `gh_token`: settings hold no secrets"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));

    Files.writeString(settings, "profiles:\n  work:\n    trusted_sources: ['gh:']\n");
    r = scaffold("settings", "list");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains(settings + ":3: trusted source `gh:` must end with /")
        || r.err().contains(settings + ":3: trusted source `gh:` must name"), r.err());
  }

  @Test
  void anUnknownProfileListsTheKnownOnes() {
    scaffold("settings", "set", "--profile", "work", "author_name", "Ada");
    scaffold("settings", "set", "--profile", "home", "author_name", "Ada");
    Cli.Run r = scaffold("new", template.toString(), "out", "--non-interactive", "--no-git", "--profile", "wrok");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no profile `wrok`") && r.err().contains("known profiles: default, work, home"), r.err());
    r = scaffold(Map.of("SCAFFOLD_PROFILE", "nope"), "settings", "show");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: SCAFFOLD_PROFILE: no profile `nope`"), r.err());
    assertEquals(2, scaffold("settings", "use", "nope").exit());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void setBeatsAnswersWhichBeatTheProfileWhichBeatsTheTemplate() throws IOException {
    scaffold("settings", "set", "author_name", "Profile Author");
    scaffold("settings", "set", "github_org", "profile-org");
    scaffold("settings", "set", "license", "profile-license");
    Files.writeString(tmp.resolve("a.yml"), "github_org: file-org\nlicense: file-license\n");

    Cli.Run r = scaffold("new", template.toString(), "out", "--non-interactive", "--no-git", "--answers", "a.yml",
        "--set", "license=set-license");
    assertEquals(0, r.exit(), r.err());
    assertEquals("Profile Author file-org set-license 1\n", readme("out"));

    assertEquals(0, scaffold("new", template.toString(), "plain", "--non-interactive", "--no-git").exit());
    assertEquals("Profile Author profile-org profile-license 1\n", readme("plain"));
  }

  @Test
  void theProfileInUseComesFromTheFlagThenTheVariableThenTheFile() throws IOException {
    scaffold("settings", "set", "author_name", "Default Author");
    scaffold("settings", "set", "--profile", "work", "author_name", "Work Author");
    scaffold("settings", "set", "--profile", "home", "author_name", "Home Author");

    scaffold("new", template.toString(), "a", "--non-interactive", "--no-git");
    assertTrue(readme("a").startsWith("Default Author "));
    scaffold("settings", "use", "home");
    scaffold("new", template.toString(), "b", "--non-interactive", "--no-git");
    assertTrue(readme("b").startsWith("Home Author "));
    scaffold(Map.of("SCAFFOLD_PROFILE", "work"), "new", template.toString(), "c", "--non-interactive", "--no-git");
    assertTrue(readme("c").startsWith("Work Author "));
    scaffold(Map.of("SCAFFOLD_PROFILE", "work"), "new", template.toString(), "d", "--non-interactive", "--no-git",
        "--profile", "default");
    assertTrue(readme("d").startsWith("Default Author "));
  }

  @Test
  void aProfileDefaultOfTheWrongTypeNamesTheProfile() {
    scaffold("settings", "set", "stars", "many");
    Cli.Run r = scaffold("new", template.toString(), "out", "--non-interactive", "--no-git");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("profile `default` (" + settings + "): stars"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void replayTakesTheAnswersLastKeptForTheTemplateUnderAnAnswersFile() throws IOException {
    Cli.Run none = scaffold("new", template.toString(), "x", "--non-interactive", "--no-git", "--replay");
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("no answers kept for " + template), none.err());

    Path kept = LastAnswers.save(env, template.toString(), Map.of("author_name", "Kept Author", "license", "kept-license"));
    assertTrue(kept.startsWith(tmp.resolve("state/scaffold/answers")), kept.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    Files.writeString(tmp.resolve("a.yml"), "license: file-license\n");
    Cli.Run r = scaffold("new", template.toString(), "out", "--non-interactive", "--no-git", "--replay", "--answers", "a.yml");
    assertEquals(0, r.exit(), r.err());
    assertEquals("Kept Author template-org file-license 1\n", readme("out"));
  }
}
