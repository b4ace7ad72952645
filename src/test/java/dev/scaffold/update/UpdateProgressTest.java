package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import dev.scaffold.sandbox.GitHubSandbox;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live progress of {@code scaffold update} on a terminal's stderr: the files merged and
 * written counted as the merge goes, and the objects of the push of {@code --pr} and of a fleet
 * update; a pipe gets the step lines only.
 */
class UpdateProgressTest {

  private static final int FILES = 300;
  private static final int CHANGED = 200;

  @TempDir Path tmp;

  private static TemplateFixture.Run run(Path cwd, boolean errTerminal, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), env, cwd, false, errTerminal);
    int code = ScaffoldCli.run(ctx, args);
    return new TemplateFixture.Run(code, out.toString(), err.toString());
  }

  /** A template of {@value #FILES} files tagged v1.0.0, then v2.0.0 changing {@value #CHANGED} of them. */
  private Path manyFiles() throws Exception {
    Path template = tmp.resolve("template");
    Map<String, String> v1 = new LinkedHashMap<>();
    v1.put("scaffold.yml", "name: many\nquestions:\n  - name: who\n    default: me\n");
    for (int i = 0; i < FILES; i++) {
      v1.put("template/f" + i + ".txt.ftl", "${who} " + i + "\n");
    }
    TemplateFixture.version(template, "v1.0.0", false, v1);
    Map<String, String> v2 = new LinkedHashMap<>(v1);
    for (int i = 0; i < CHANGED; i++) {
      v2.put("template/f" + i + ".txt.ftl", "${who} " + i + " in v2\n");
    }
    TemplateFixture.version(template, "v2.0.0", false, v2);
    return template;
  }

  /** A project made from {@link #manyFiles} at v1.0.0, committed. */
  private Path projectAtV1() throws Exception {
    Path template = manyFiles();
    Path project = tmp.resolve("project");
    var made = TemplateFixture.cli(tmp, "new", template.toString(), project.toString(), "--version", "v1.0.0",
        "--defaults", "--non-interactive", "--no-github", "--yes");
    assertEquals(0, made.code(), made.err());
    return project;
  }

  /** Every count drawn for {@code task} on the live line, as {done, total}, in the order drawn. */
  private static List<long[]> counts(String err, String task) {
    List<long[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("\r\033\\[2K› " + Pattern.quote(task) + " (\\d+)/(\\d+) \\(\\d+%\\)").matcher(err);
    while (m.find()) {
      out.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
    }
    return out;
  }

  @Test
  void aTerminalSeesTheFilesMergedAndWrittenCountedAsTheMergeGoes() throws Exception {
    Path project = projectAtV1();

    var r = run(tmp, true, Map.of(), "update", project.toString(), "--non-interactive", "--commit");
    assertEquals(0, r.code(), r.err());
    String err = r.err();
    int step = err.indexOf("› merge v1.0.0 → v2.0.0 into ");
    assertTrue(step >= 0, err);

    List<long[]> merged = counts(err, "merge");
    assertFalse(merged.isEmpty(), "no merge count drawn: " + err);
    merged.forEach(c -> assertEquals(FILES, c[1], "every path the two versions render is decided"));
    assertEquals(FILES, merged.get(merged.size() - 1)[0], "the last count is the whole merge");
    assertTrue(merged.get(0)[0] < FILES, "the line moves through the merge, not only its end: " + merged.get(0)[0]);
    assertTrue(err.indexOf("› merge 1") > step, "the counts come after the step they belong to");

    List<long[]> written = counts(err, "write");
    assertFalse(written.isEmpty(), "no write count drawn: " + err);
    assertEquals(List.of((long) CHANGED, (long) CHANGED), List.of(written.get(written.size() - 1)[0],
        written.get(written.size() - 1)[1]), "the files the template changed are written");
    // wiped after the last count: the next line starts clean, and stdout has no escapes
    int lastCount = err.lastIndexOf("write " + CHANGED + "/" + CHANGED);
    assertTrue(err.indexOf("\r\033[2K", lastCount) > lastCount, err);
    assertTrue(err.indexOf("› commit on scaffold/update-v2.0.0", lastCount) > lastCount, err);
    assertFalse(r.out().contains("\r") || r.out().contains("\033"), r.out());
    assertEquals(CHANGED + 1, TemplateFixture.git(project, "diff", "--name-only", "HEAD~1").lines().count(),
        "the counted files are the ones the commit holds, with the answers file");
  }

  @Test
  void aPipeGetsTheUpdatesStepsButNoCounts() throws Exception {
    Path project = projectAtV1();
    var r = run(tmp, false, Map.of(), "update", project.toString(), "--non-interactive");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("› merge v1.0.0 → v2.0.0 into "), r.err());
    assertFalse(r.err().contains("\r") || r.err().contains("\033") || r.err().contains("/" + FILES), r.err());
  }

  @Test
  void thePushOfAPullRequestAndOfAFleetUpdateIsCounted() throws Exception {
    try (GitHubSandbox gh = GitHubSandbox.builder().token("t0k3n", "octo").org("acme").start()) {
      Path template = FleetFixture.template(tmp.resolve("template"));
      Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
      FleetFixture.seed(gh, tmp, "acme/one", v1, Map.of());
      FleetFixture.seed(gh, tmp, "acme/fleet", v1, Map.of());
      Path clone = tmp.resolve("one");
      Git.cloneRepository().setURI(gh.cloneUrl("acme/one")).setDirectory(clone.toFile())
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", gh.token())).call().close();
      Map<String, String> env = Map.of("GITHUB_TOKEN", gh.token());

      var pr = run(clone, true, env, "update", "--pr", "--non-interactive", "--github-url", gh.baseUrl());
      assertEquals(0, pr.code(), pr.err());
      String push = "push " + FleetCommandTest.BRANCH + ": writing objects";
      List<long[]> sent = counts(pr.err(), push);
      assertFalse(sent.isEmpty(), "no push count drawn: " + pr.err());
      long[] last = sent.get(sent.size() - 1);
      assertTrue(last[1] > 0 && last[0] == last[1], "the push ends at its total: " + last[0] + "/" + last[1]);
      assertTrue(pr.err().indexOf(push) > pr.err().indexOf("› push " + FleetCommandTest.BRANCH + " and open"),
          pr.err());
      assertEquals(1, gh.repo("acme/one").orElseThrow().pulls().size());
      assertFalse(pr.err().contains(gh.token()), "no token in progress");

      var fleet = run(tmp, true, env, "update", "--repo", "acme/fleet", "--defaults", "--github-url", gh.baseUrl());
      assertEquals(0, fleet.code(), fleet.err());
      // the repository's line in the live block shows the counts of its merge and of its push
      assertTrue(Pattern.compile("acme/fleet  merge \\d+/\\d+").matcher(fleet.err()).find(), fleet.err());
      assertTrue(Pattern.compile("acme/fleet  " + Pattern.quote(push) + " \\d+/\\d+").matcher(fleet.err()).find(),
          fleet.err());
      assertEquals(1, gh.repo("acme/fleet").orElseThrow().pulls().size());
      assertFalse(fleet.err().contains(gh.token()), "no token in progress");
    }
  }
}
