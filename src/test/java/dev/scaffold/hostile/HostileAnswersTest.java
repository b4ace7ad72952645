package dev.scaffold.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import dev.scaffold.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's {@code .scaffold-answers.yml} edited by hand into something broken or hostile, and
 * template sources that would make git run commands: exit 2 naming the key, never a default taken
 * silently, never handed to git, the project byte-identical.
 */
class HostileAnswersTest {

  private static final String SPEC = """
      name: demo
      questions:
        - name: name
          default: demo
        - name: ci
          type: bool
          default: true
        - name: port
          type: int
          default: 8080
        - name: license
          type: choice
          choices: [MIT, Apache]
          default: MIT
      """;

  @TempDir Path dir;
  private Path template;
  private Path project;
  private Path pwned;

  @BeforeEach
  void generatedProject() {
    template = dir.resolve("tpl");
    FileTree.write(template, Map.of("scaffold.yml", SPEC, "template/README.md.ftl", "${name} ${ci?c} ${port} ${license}\n"));
    Git.run(template, "init", "-q", "-b", "main");
    Git.run(template, "add", ".");
    Git.run(template, "commit", "-q", "-m", "v1");
    Git.run(template, "tag", "v1.0.0");
    FileTree.write(template, Map.of("template/README.md.ftl", "${name} ${ci?c} ${port} ${license} v1.1\n"));
    Git.run(template, "commit", "-q", "-am", "v1.1");
    Git.run(template, "tag", "v1.1.0");
    Cli.Run r = Cli.run(dir, "new", template.toString(), "proj", "--version", "v1.0.0", "--defaults",
        "--non-interactive", "--no-github");
    assertEquals(0, r.exit(), r.err());
    project = dir.resolve("proj");
    pwned = dir.resolve("pwned");
  }

  /** Replaces one line of the recorded answers and commits it, as a careless hand would. */
  private TreeSnapshot breakAnswers(String key, String yamlValue) throws IOException {
    Path file = project.resolve(".scaffold-answers.yml");
    String text = Files.readString(file);
    String edited = text.replaceFirst("(?m)^" + key + ":.*$", java.util.regex.Matcher.quoteReplacement(key + ": " + yamlValue));
    assertFalse(edited.equals(text), "no line `" + key + ":` in\n" + text);
    Files.writeString(file, edited);
    Git.run(project, "commit", "-q", "-am", "edit answers");
    return TreeSnapshot.of(dir);
  }

  private int lineOf(String key) throws IOException {
    var lines = Files.readAllLines(project.resolve(".scaffold-answers.yml"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(key + ":")) {
        return i + 1;
      }
    }
    throw new AssertionError(key);
  }

  /** Runs a command on the project, expecting exit 2 and its first stderr line. */
  private String refused(String... args) {
    Cli.Run r = Cli.run(dir, args);
    assertEquals(2, r.exit(), r.out() + r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    assertFalse(Files.exists(pwned), "a command ran");
    return r.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(r.err());
  }

  private String where(String key) throws IOException {
    return project.resolve(".scaffold-answers.yml") + ":" + lineOf(key) + ": `" + key + "`";
  }

  @Test
  void boolRecordedAsMaybeStopsTheUpdate() throws IOException {
    TreeSnapshot before = breakAnswers("ci", "maybe");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.startsWith("error: " + where("ci") + " does not fit its question: expected yes or no"), err);
    before.assertUnchanged();
  }

  @Test
  void intRecordedAsAListStopsTheUpdate() throws IOException {
    TreeSnapshot before = breakAnswers("port", "[1, 2]");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.startsWith("error: " + where("port") + " does not fit its question: expected a whole number, got a list"), err);
    before.assertUnchanged();
  }

  @Test
  void intRecordedBeyond64BitsStopsTheUpdate() throws IOException {
    TreeSnapshot before = breakAnswers("port", "99999999999999999999");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.contains("`port` does not fit its question") && err.contains("outside the 64-bit range"), err);
    before.assertUnchanged();
  }

  @Test
  void choiceRecordedOutsideItsChoicesStopsDiff() throws IOException {
    TreeSnapshot before = breakAnswers("license", "GPL");
    String err = refused("diff", "proj");
    assertTrue(err.startsWith("error: " + where("license") + " does not fit its question: `GPL` is not one of MIT, Apache"), err);
    before.assertUnchanged();
  }

  @Test
  void aBrokenAnswerCanBeRepairedWithSet() throws IOException {
    breakAnswers("ci", "maybe");
    Cli.Run r = Cli.run(dir, "update", "proj", "--defaults", "--set", "ci=false");
    assertEquals(0, r.exit(), r.err());
    String recorded = Files.readString(project.resolve(".scaffold-answers.yml"));
    assertTrue(recorded.contains("ci: false") && recorded.contains("_version: v1.1.0"), recorded);
  }

  @Test
  void versionOfTheWrongTypeStopsUpdateAndCheck() throws IOException {
    TreeSnapshot before = breakAnswers("_version", "[v1.0.0]");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.startsWith("error: " + where("_version") + " must be text (quoted), not `[v1.0.0]`"), err);
    assertTrue(refused("check", "proj").contains("`_version` must be text"));
    before.assertUnchanged();
  }

  @Test
  void versionThatLooksLikeAnOptionIsRefused() throws IOException {
    TreeSnapshot before = breakAnswers("_version", "'--upload-pack=touch pwned'");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.startsWith("error: " + where("_version") + " `--upload-pack=touch pwned` is not a version tag"), err);
    before.assertUnchanged();
  }

  @Test
  void commitOfTheWrongTypeIsRefused() throws IOException {
    TreeSnapshot before = breakAnswers("_commit", "12345");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.startsWith("error: " + where("_commit") + " must be text (quoted), not `12345`"), err);
    before.assertUnchanged();
  }

  @Test
  void commitThatIsNotAnIdIsRefused() throws IOException {
    TreeSnapshot before = breakAnswers("_commit", "'HEAD; rm -rf ~'");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.startsWith("error: " + where("_commit") + " must be a git commit id (hex)"), err);
    before.assertUnchanged();
  }

  @Test
  void templateUsingGitsExtHelperIsNeverHandedToGit() throws IOException {
    String ext = "ext::sh -c touch% " + pwned;
    TreeSnapshot before = breakAnswers("_template", "'" + ext + "'");
    for (String cmd : new String[] {"update", "check", "diff"}) {
      String err = cmd.equals("update") ? refused(cmd, "proj", "--defaults") : refused(cmd, "proj");
      assertTrue(err.startsWith("error: " + where("_template") + " `" + ext + "` uses git's remote-helper syntax `ext::`"),
          cmd + ": " + err);
    }
    before.assertUnchanged();
  }

  @Test
  void templateUsingFdOrFileHelpersIsRefused() throws IOException {
    for (String helper : new String[] {"fd::3", "file::" + template, "transport+x::addr"}) {
      TreeSnapshot before = breakAnswers("_template", "'" + helper + "'");
      String err = refused("update", "proj", "--defaults");
      assertTrue(err.contains("`_template` `" + helper + "` uses git's remote-helper syntax"), err);
      before.assertUnchanged();
    }
  }

  @Test
  void templateThatLooksLikeAnOptionIsRefused() throws IOException {
    TreeSnapshot before = breakAnswers("_template", "'--upload-pack=touch " + pwned + "'");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.startsWith("error: " + where("_template") + " `--upload-pack=touch " + pwned
        + "` starts with `-`, which git would read as an option"), err);
    before.assertUnchanged();
  }

  @Test
  void templateWithAnUnknownUrlSchemeIsRefused() throws IOException {
    TreeSnapshot before = breakAnswers("_template", "'javascript://x/y.git'");
    String err = refused("check", "proj");
    assertTrue(err.contains("`_template` `javascript://x/y.git` has an unsupported URL scheme"), err);
    before.assertUnchanged();
  }

  @Test
  void templateOfTheWrongTypeIsRefused() throws IOException {
    TreeSnapshot before = breakAnswers("_template", "{url: x}");
    String err = refused("update", "proj", "--defaults");
    assertEquals("error: " + where("_template") + " must be a value or a list of values", err);
    before.assertUnchanged();
  }

  @Test
  void duplicateRecordedKeyIsRefused() throws IOException {
    Path file = project.resolve(".scaffold-answers.yml");
    Files.writeString(file, Files.readString(file) + "ci: false\n");
    Git.run(project, "commit", "-q", "-am", "edit answers");
    TreeSnapshot before = TreeSnapshot.of(dir);
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.matches("error: .*\\.scaffold-answers\\.yml:\\d+: duplicate key `ci` \\(first at line \\d+\\)"), err);
    before.assertUnchanged();
  }

  @Test
  void helperSyntaxOnTheCommandLineIsNeverHandedToGit() {
    TreeSnapshot before = TreeSnapshot.of(dir);
    for (String source : new String[] {"ext::sh -c touch% " + pwned, "fd::0", "file::" + template}) {
      String err = refused("new", source, "out", "--defaults", "--non-interactive", "--no-git");
      assertTrue(err.startsWith("error: template: refused: `" + source + "` uses git's remote-helper syntax"), err);
    }
    String option = refused("new", "--defaults", "--non-interactive", "--", "--upload-pack=touch " + pwned, "out");
    assertTrue(option.contains("starts with `-`, which git would read as an option"), option);
    assertFalse(Files.exists(dir.resolve("out")));
    before.assertUnchanged();
  }

  @Test
  void templateWhoseHostLooksLikeAnSshOptionIsRefused() throws IOException {
    TreeSnapshot before = breakAnswers("_template", "'ssh://-oProxyCommand=touch%20" + pwned + "/t.git'");
    String err = refused("update", "proj", "--defaults");
    assertTrue(err.contains("`_template`") && err.contains("names a host starting with `-`"), err);
    before.assertUnchanged();
  }

  @Test
  void answersFileThatIsALinkIsNotRead() throws IOException {
    Path secret = dir.resolve("credentials.yml");
    Files.writeString(secret, "_template: " + template + "\n_version: v1.0.0\nname: s3cr3t\n");
    Path file = project.resolve(".scaffold-answers.yml");
    Files.delete(file);
    Files.createSymbolicLink(file, secret);
    Git.run(project, "add", "-A");
    Git.run(project, "commit", "-q", "-m", "link answers");
    TreeSnapshot before = TreeSnapshot.of(dir);
    String err = refused("update", "proj", "--defaults");
    assertEquals("error: " + file + ": is a symbolic link; the answers file is read only as a file of the project itself", err);
    before.assertUnchanged();
  }

  @Test
  void answersFileThatIsAFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path file = project.resolve(".scaffold-answers.yml");
    Files.delete(file);
    assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
    TreeSnapshot before = TreeSnapshot.of(dir);
    String err = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> refused("diff", "proj"));
    assertEquals("error: " + file + ": is not a regular file (a FIFO, socket or device is never read)", err);
    before.assertUnchanged();
  }
}

