package dev.scaffold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the packaged program, run as a separate process: the jar, or the native
 * executable when {@code scaffold.exe} names one (see {@link ScaffoldLauncher}). On the native
 * executable this is what shows its reachability metadata is complete: each run fails the test on
 * any "missing registration" or "unsupported" line, whatever its exit code. The commands and
 * subcommands come from {@code --help} itself, so a new command is covered without a change here.
 */
class EveryCommandIT {

  @TempDir Path dir;

  record Run(int exit, String output) {}

  private Run run(Map<String, String> env, Path cwd, String... args) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("GIT_CONFIG_NOSYSTEM", "1");
    all.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    all.put("HOME", dir.resolve("home").toString());
    Files.createDirectories(dir.resolve("home"));
    BundledTemplatesBuildIT.Result r = BundledTemplatesBuildIT.exec(cwd, all, 2,
        ScaffoldLauncher.command(args).toArray(String[]::new));
    String gap = ScaffoldLauncher.metadataGap(r.output());
    assertEquals(null, gap, () -> "`scaffold " + String.join(" ", args) + "` lacks native metadata:\n" + r.output());
    assertFalse(r.output().contains("Exception in thread"), r.output());
    return new Run(r.exit(), r.output());
  }

  private Run ok(String... args) throws Exception {
    return expect(0, args);
  }

  private Run expect(int exit, String... args) throws Exception {
    Run r = run(Map.of(), dir, args);
    assertEquals(exit, r.exit(), () -> "scaffold " + String.join(" ", args) + "\n" + r.output());
    return r;
  }

  private static Path project(String path) {
    return Path.of(path).toAbsolutePath();
  }

  /** Command names listed under "Commands:" in a help text. */
  private static Set<String> commands(String help) {
    Set<String> names = new LinkedHashSet<>();
    boolean in = false;
    for (String line : help.lines().toList()) {
      if (line.startsWith("Commands:")) {
        in = true;
      } else if (in) {
        Matcher m = Pattern.compile("^  ([a-z][a-z-]*)\\s").matcher(line + " ");
        if (m.find()) {
          names.add(m.group(1));
        } else if (!line.startsWith("   ")) {
          in = false;
        }
      }
    }
    return names;
  }

  @Test
  void versionAndHelpOfEveryCommandAndSubcommand() throws Exception {
    assertTrue(ok("--version").output().startsWith("scaffold "));
    assertTrue(ok("-V").output().startsWith("scaffold "));
    String help = ok("--help").output();
    Set<String> top = commands(help);
    assertTrue(top.containsAll(List.of("new", "update", "check", "diff", "list", "template")), help);
    for (String c : top) {
      String sub = ok(c, "--help").output();
      if (c.equals("help")) {
        continue; // help --help is scaffold's own help
      }
      assertTrue(sub.contains("Usage: scaffold " + c), sub);
      for (String s : commands(sub)) {
        assertTrue(ok(c, s, "--help").output().contains("Usage: scaffold " + c + " " + s));
        ok("help", c, s);
      }
      ok("help", c);
    }
    // bad usage: picocli's error and did-you-mean, exit 2
    assertTrue(expect(2, "nwe").output().contains("new"));
    assertTrue(expect(2, "new", "java-library", "x", "--forse").output().contains("--force"));
  }

  @Test
  void listAndEveryBundledTemplateRenderedLintedCheckedAndDiffed() throws Exception {
    assertTrue(ok("list").output().contains("java-library"));
    assertTrue(ok("list", "--json").output().contains("\"java-library\""));
    for (String example : List.of("java-library", "python-package", "python-package-conda", "service")) {
      String template = example.startsWith("python-package") ? "python-package" : example;
      String answers = project("answers-examples/" + example + ".yml").toString();
      Path out = dir.resolve(example);
      Run made = ok("new", template, out.toString(), "--answers", answers, "--non-interactive", "--json");
      assertTrue(made.output().contains("\"files\"") || made.output().contains(example) || made.output().contains("{"),
          made.output());
      assertTrue(Files.isRegularFile(out.resolve(".scaffold-answers.yml")));
      ok("check", out.toString());
      ok("check", out.toString(), "--json");
      ok("diff", out.toString());
      ok("update", out.toString(), "--dry-run");
      ok("template", "lint", project("templates/" + template).toString(), "--answers", answers);
    }
    ok("template", "lint", project("templates/java-library").toString(), "--json");
  }

  @Test
  void updateMergesAGitTemplatesNewVersion() throws Exception {
    Path tpl = dir.resolve("tpl");
    FileTree.write(tpl, Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\n    default: demo\n",
        "template/README.md.ftl", "# ${name}\n\nLine A\nLine B\nLine C\nLine D\nLine E\n",
        "template/src/${name}.txt.ftl", "<#list 1..3 as i>${i} </#list>${name?upper_case}\n"));
    Git.run(tpl, "init", "-q", "-b", "main");
    Git.run(tpl, "add", "-A");
    Git.run(tpl, "commit", "-qm", "v1");
    Git.run(tpl, "tag", "v1.0.0");
    FileTree.write(tpl, Map.of(
        "scaffold.yml", "name: demo\nquestions:\n  - name: name\n    default: demo\n  - name: ci\n    type: bool\n    default: true\n",
        "template/README.md.ftl", "# ${name}\n\nLine A\nLine B v2\nLine C\nLine D\nLine E\n",
        "template/${ci?then('ci.yml', '')}", "ci: true\n"));
    Git.run(tpl, "add", "-A");
    Git.run(tpl, "commit", "-qm", "v2");
    Git.run(tpl, "tag", "v2.0.0");

    Path out = dir.resolve("proj");
    ok("new", tpl.toString(), out.toString(), "--version", "v1.0.0", "--defaults", "--non-interactive");
    Files.writeString(out.resolve("README.md"), Files.readString(out.resolve("README.md")).replace("Line E", "Line E (ours)"));
    Git.run(out, "commit", "-qam", "our edit");
    expect(3, "check", out.toString());
    assertTrue(expect(3, "check", out.toString(), "--json").output().contains("v2.0.0"));
    ok("diff", out.toString());
    assertTrue(ok("update", out.toString(), "--dry-run", "--json", "--defaults").output().contains("\"dry_run\""));
    ok("update", out.toString(), "--commit", "--defaults");
    String readme = Files.readString(out.resolve("README.md"));
    assertTrue(readme.contains("Line B v2") && readme.contains("Line E (ours)"), readme);
    assertTrue(Files.isRegularFile(out.resolve("ci.yml")));
    ok("check", out.toString());
    // bad input: one line naming the file, exit 2, nothing written
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "name: [unclosed\n");
    Run refused = expect(2, "new", tpl.toString(), dir.resolve("never").toString(), "--answers", bad.toString(),
        "--non-interactive");
    assertTrue(refused.output().contains("bad.yml"), refused.output());
    assertFalse(Files.exists(dir.resolve("never")));
  }

  @Test
  void provisioningAndAFleetUpdateOnTheLoopbackGitHub() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n-native", "octo").org("acme", "devs").start()) {
      Path tpl = dir.resolve("gh-tpl");
      FileTree.write(tpl, Map.of(
          "scaffold.yml", """
              name: gh-demo
              questions:
                - name: name
                  default: demo
              github:
                owner: acme
                name: ${name}
                visibility: private
                topics: [demo]
                teams: {devs: push}
                default_branch: main
                pull_request:
                  branch: scaffold/initial
                  title: Initial ${name}
              """,
          "template/README.md.ftl", "# ${name}\n"));
      Git.run(tpl, "init", "-q", "-b", "main");
      Git.run(tpl, "add", "-A");
      Git.run(tpl, "commit", "-qm", "v1");
      Git.run(tpl, "tag", "v1.0.0");
      Map<String, String> env = Map.of("GITHUB_TOKEN", gh.token());
      Run made = run(env, dir, "new", tpl.toString(), dir.resolve("gh-out").toString(), "--version", "v1.0.0", "--defaults",
          "--non-interactive", "--github-url", gh.baseUrl());
      assertEquals(0, made.exit(), made.output());
      assertTrue(gh.repo("acme/demo").isPresent(), made.output());
      assertEquals(1, gh.repo("acme/demo").orElseThrow().pulls().size());
      assertFalse(made.output().contains(gh.token()));

      List<String> fleet = new ArrayList<>(List.of("update", "--repo", "acme/demo", "--defaults", "--json",
          "--github-url", gh.baseUrl()));
      // the project records its local template relative to itself, which a fleet's clone has not beside it
      Run lost = run(env, dir, fleet.toArray(String[]::new));
      assertEquals(1, lost.exit(), lost.output());
      assertTrue(lost.output().contains("`_template` is ../gh-tpl") && lost.output().contains("pass --template SOURCE"),
          lost.output());
      fleet.addAll(List.of("--template", tpl.toString()));
      Run updated = run(env, dir, fleet.toArray(String[]::new));
      assertEquals(0, updated.exit(), updated.output());
      assertTrue(updated.output().contains("acme/demo"), updated.output());
    }
  }
}
