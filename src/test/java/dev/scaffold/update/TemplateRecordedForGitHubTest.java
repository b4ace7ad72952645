package dev.scaffold.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.sandbox.GitHubSandbox;
import dev.scaffold.sandbox.PullSnapshot;
import dev.scaffold.cli.CliContext;
import dev.scaffold.cli.ScaffoldCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project provisioned on GitHub never pushes a path of this machine in its answers file: a
 * local template is recorded by its git remote or relative to the project, which update, check,
 * diff and the fleet form read, or are told about with {@code --template}. Everything is read
 * back from the loopback GitHub's own repositories, not from the local files.
 */
class TemplateRecordedForGitHubTest {

  private static final String TOKEN = "ghp_t3mplat3Plac3Token0123456789";
  private static final String ANSWERS = ".scaffold-answers.yml";

  @TempDir Path tmp;
  GitHubSandbox gh;
  Path templates;
  Path work;

  @BeforeEach
  void start() throws Exception {
    gh = GitHubSandbox.builder().token(TOKEN, "octo").org("acme").start();
    templates = tmp.resolve("templates");
    work = Files.createDirectories(tmp.resolve("work"));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  /** A template provisioning {@code acme/NAME} through a pull request, v1.0.0 and v2.0.0 tagged when {@code git}. */
  private Path template(String folder, boolean git) throws Exception {
    Path t = templates.resolve(folder);
    if (git) {
      TemplateFixture.version(t, "v1.0.0", false, files("one"));
      TemplateFixture.version(t, "v2.0.0", false, files("two"));
    } else {
      TemplateFixture.writeTree(t, files("one"));
    }
    return t;
  }

  private static Map<String, String> files(String edition) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("scaffold.yml", """
        name: svc
        questions:
          - name: name
            default: demo
        github:
          owner: acme
          name: ${name}
          pull_request:
            branch: scaffold/initial
            body: The ${_template.name} template, version ${_template.version}.
        """);
    f.put("template/README.md.ftl", "# ${name}\n\nEdition " + edition + ".\n");
    f.put("template/VERSION", edition + "\n");
    return f;
  }

  /** The real command line in-process, with the token and, for the commands that talk to GitHub, its URL. */
  private Run scaffold(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), new java.util.HashMap<>(env), cwd, false);
    List<String> all = new ArrayList<>(List.of(args));
    if (List.of("new", "update").contains(args[0])) {
      all.addAll(List.of("--github-url", gh.baseUrl()));
    }
    return new Run(ScaffoldCli.run(ctx, all.toArray(String[]::new)), out.toString(), err.toString());
  }

  record Run(int code, String out, String err) {}

  /** The answers file on every branch of {@code acme/NAME} on the loopback GitHub. */
  private Map<String, String> pushedAnswers(String name) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String branch : FleetFixture.branches(gh, "acme/" + name).keySet()) {
      out.put(branch, FleetFixture.files(gh, "acme/" + name, branch).get(ANSWERS));
    }
    assertEquals(List.of("main", "scaffold/initial"), List.copyOf(out.keySet()));
    return out;
  }

  /** No branch's files and no pull request name the project's folder, the template's, the home folder or the test's. */
  private void assertNoLocalPath(String name, Path project, Path template) throws Exception {
    List<String> local = List.of(project.toString(), template.toString(), tmp.toString(),
        System.getProperty("user.home"));
    for (String branch : FleetFixture.branches(gh, "acme/" + name).keySet()) {
      FleetFixture.files(gh, "acme/" + name, branch).forEach((path, text) -> local.forEach(p ->
          assertFalse(text.contains(p), branch + ":" + path + " names " + p + ":\n" + text)));
    }
    for (PullSnapshot pr : gh.repo("acme/" + name).orElseThrow().pulls()) {
      local.forEach(p -> assertFalse(pr.body().contains(p), pr.body()));
    }
  }

  @Test
  void aLocalFolderIsRecordedRelativeToTheProjectAndUpdatesFromThere() throws Exception {
    Path template = template("svc", true);
    var made = scaffold(work, "new", template.toString(), "demo", "--version", "v1.0.0", "--defaults",
        "--non-interactive");
    assertEquals(0, made.code(), made.err());
    Path project = work.resolve("demo");

    for (var e : pushedAnswers("demo").entrySet()) {
      String answers = e.getValue();
      assertTrue(answers.contains("_template: ../../templates/svc\n"), e.getKey() + ":\n" + answers);
      assertTrue(answers.contains("_version: v1.0.0\n"), answers);
      assertTrue(answers.contains("_commit: " + TemplateFixture.git(template, "rev-parse", "v1.0.0").strip()), answers);
    }
    assertNoLocalPath("demo", project, template);
    assertEquals(pushedAnswers("demo").get("scaffold/initial"), TemplateFixture.read(project.resolve(ANSWERS)),
        "the local file is the pushed one");

    // on this machine the relative folder is found from the project's folder, whatever the working folder
    var check = scaffold(tmp, "check", project.toString());
    assertEquals(3, check.code(), check.err());
    assertTrue(check.out().contains("v1.0.0 → v2.0.0"), check.out());
    var updated = scaffold(tmp, "update", project.toString(), "--defaults", "--non-interactive");
    assertEquals(0, updated.code(), updated.err());
    assertEquals("two\n", TemplateFixture.read(project.resolve("VERSION")));
    String after = TemplateFixture.read(project.resolve(ANSWERS));
    assertTrue(after.contains("_template: ../../templates/svc\n_version: v2.0.0\n"), after);
  }

  @Test
  void aCloneWithoutTheFolderBesideItIsToldToNameTheTemplateAndTemplateDoesForOneRun() throws Exception {
    Path template = template("svc", true);
    var made = scaffold(work, "new", template.toString(), "demo", "--version", "v1.0.0", "--defaults",
        "--non-interactive");
    assertEquals(0, made.code(), made.err());
    // a colleague's clone, where ../../templates/svc is no folder
    Path clone = tmp.resolve("a/b/c/clone");
    Git.cloneRepository().setURI(gh.cloneUrl("acme/demo")).setDirectory(clone.toFile()).setBranch("scaffold/initial")
        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", TOKEN)).call().close();
    String before = TemplateFixture.read(clone.resolve(ANSWERS));

    for (String command : List.of("update", "check", "diff")) {
      var lost = scaffold(tmp, command, clone.toString());
      assertEquals(2, lost.code(), command + ": " + lost.err());
      assertTrue(lost.err().contains(clone.resolve(ANSWERS) + ":3: `_template` is ../../templates/svc, a folder "
          + "relative to the project, and there is no folder " + tmp.resolve("a/b/templates/svc")), lost.err());
      assertTrue(lost.err().contains("pass --template SOURCE"), lost.err());
    }
    assertEquals("", TemplateFixture.git(clone, "status", "--porcelain"), "nothing written");

    // named relative to the working folder, as `new` takes TEMPLATE
    var check = scaffold(tmp, "check", clone.toString(), "--template", "templates/svc");
    assertEquals(3, check.code(), check.err());
    var diff = scaffold(tmp, "diff", clone.toString(), "--template", "templates/svc", "--exit-code", "--no-pager");
    assertEquals(0, diff.code(), diff.out() + diff.err());
    var updated = scaffold(tmp, "update", clone.toString(), "--template", "templates/svc", "--defaults",
        "--non-interactive");
    assertEquals(0, updated.code(), updated.err());
    assertEquals("two\n", TemplateFixture.read(clone.resolve("VERSION")));
    String after = TemplateFixture.read(clone.resolve(ANSWERS));
    assertEquals(before.replace("_version: v1.0.0", "_version: v2.0.0")
        .replace(TemplateFixture.git(template, "rev-parse", "v1.0.0").strip(),
            TemplateFixture.git(template, "rev-parse", "v2.0.0").strip()), after,
        "--template is not recorded: only the version and commit change");

    var missing = scaffold(tmp, "update", clone.toString(), "--template", "templates/gone", "--defaults");
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().contains("--template templates/gone: no such folder"), missing.err());
    var helper = scaffold(tmp, "update", clone.toString(), "--template", "ext::sh -c true", "--defaults");
    assertEquals(2, helper.code(), helper.err());
    assertTrue(helper.err().contains("remote-helper"), helper.err());
    var all = scaffold(tmp, "update", "--all", work.toString(), "--template", "templates/svc");
    assertEquals(2, all.code(), all.err());
    assertTrue(all.err().contains("--template: does not go with --all"), all.err());
  }

  @Test
  void aCheckoutWithAGitHubRemoteIsRecordedAsGhShorthandWithoutItsToken() throws Exception {
    Path template = template("remote", true);
    TemplateFixture.git(template, "remote", "add", "origin",
        "https://x-access-token:ghp_leakyToken000@github.com/acme/service-template.git");
    var made = scaffold(work, "new", template.toString(), "demo", "--version", "v1.0.0", "--defaults",
        "--non-interactive");
    assertEquals(0, made.code(), made.err());
    for (var e : pushedAnswers("demo").entrySet()) {
      assertTrue(e.getValue().startsWith("""
          # Written by scaffold: the template and answers this project was made from.
          # `scaffold update` reads it; change answers with `scaffold update --set KEY=VALUE`.
          _template: gh:acme/service-template
          _version: v1.0.0
          """), e.getKey() + ":\n" + e.getValue());
      assertFalse(e.getValue().contains("ghp_leaky"), e.getValue());
    }
    Path project = work.resolve("demo");
    assertNoLocalPath("demo", project, template);

    // github.com is not reachable here: the checkout stands in for it, for this run only
    var updated = scaffold(work, "update", "demo", "--template", template.toString(), "--defaults",
        "--non-interactive", "--json");
    assertEquals(0, updated.code(), updated.err());
    JsonNode result = FleetCommandTest.JSON.readTree(updated.out());
    assertEquals("v2.0.0", result.path("to").asText());
    assertTrue(TemplateFixture.read(project.resolve(ANSWERS)).contains("_template: gh:acme/service-template\n"));
  }

  @Test
  void aRemoteElsewhereIsRecordedAsItsUrlWithoutThePassword() throws Exception {
    Path template = template("elsewhere", true);
    TemplateFixture.git(template, "remote", "add", "origin", "https://bot:hunter2@git.example.com/templates/svc.git");
    var made = scaffold(work, "new", template.toString(), "demo", "--version", "v1.0.0", "--defaults",
        "--non-interactive");
    assertEquals(0, made.code(), made.err());
    for (String answers : pushedAnswers("demo").values()) {
      assertTrue(answers.contains("_template: https://git.example.com/templates/svc.git\n"), answers);
      assertFalse(answers.contains("hunter2") || answers.contains("bot@"), answers);
    }
  }

  @Test
  void aPlainFolderAndALocalRemoteAreRecordedRelativeToTheProject() throws Exception {
    Path plain = template("plain", false);
    var made = scaffold(work, "new", plain.toString(), "demo", "--defaults", "--non-interactive");
    assertEquals(0, made.code(), made.err());
    pushedAnswers("demo").values().forEach(a -> assertTrue(a.contains("_template: ../../templates/plain\n"), a));
    assertNoLocalPath("demo", work.resolve("demo"), plain);

    // a remote that is itself a path of this machine is no place to record
    Path local = template("local-remote", true);
    TemplateFixture.git(local, "remote", "add", "origin", plain.toString());
    var second = scaffold(work, "new", local.toString(), "other", "--set", "name=other", "--version", "v1.0.0",
        "--defaults", "--non-interactive");
    assertEquals(0, second.code(), second.err());
    pushedAnswers("other").values().forEach(a -> assertTrue(a.contains("_template: ../../templates/local-remote\n"), a));

    // a file:// URL is a path of this machine too
    var third = scaffold(work, "new", local.toUri().toString(), "third", "--set", "name=third", "--version", "v1.0.0",
        "--defaults", "--non-interactive");
    assertEquals(0, third.code(), third.err());
    pushedAnswers("third").values().forEach(a -> assertTrue(a.contains("_template: ../../templates/local-remote\n"), a));
    assertNoLocalPath("third", work.resolve("third"), local);
  }

  @Test
  void aLocalOnlyProjectKeepsTheAbsolutePath() throws Exception {
    Path template = template("svc", true);
    TemplateFixture.git(template, "remote", "add", "origin", "https://github.com/acme/service-template.git");
    var made = scaffold(work, "new", template.toString(), "demo", "--version", "v1.0.0", "--defaults",
        "--non-interactive", "--no-github");
    assertEquals(0, made.code(), made.err());
    assertTrue(gh.repos().isEmpty());
    String answers = TemplateFixture.read(work.resolve("demo").resolve(ANSWERS));
    assertTrue(answers.contains("_template: " + template + "\n_version: v1.0.0\n"), answers);
  }

  @Test
  void theFleetFormFailsClearlyOnARelativeTemplateAndTemplateUpdatesEveryRepository() throws Exception {
    Path template = FleetFixture.template(tmp.resolve("template"));
    Map<String, String> v1 = FleetFixture.renderV1(template, tmp);
    String relative = v1.get(ANSWERS).replace("_template: " + template + "\n", "_template: ../template\n");
    assertTrue(relative.contains("_template: ../template\n"), relative);
    FleetFixture.seed(gh, tmp, "acme/lib", v1, Map.of(ANSWERS, relative));

    var lost = scaffold(tmp, "update", "--repo", "acme/lib", "--defaults", "--json");
    assertEquals(1, lost.code(), lost.err());
    JsonNode failed = FleetCommandTest.lines(lost.out()).get(0);
    assertEquals("failed", failed.path("status").asText(), failed.toString());
    assertTrue(failed.path("error").asText().contains("`_template` is ../template, a folder relative to the project"),
        failed.toString());
    assertTrue(failed.path("error").asText().contains("pass --template SOURCE"), failed.toString());
    assertEquals(List.of("main"), List.copyOf(FleetFixture.branches(gh, "acme/lib").keySet()));

    var done = scaffold(tmp, "update", "--repo", "acme/lib", "--template", "template", "--defaults", "--json");
    assertEquals(0, done.code(), done.out() + done.err());
    assertEquals("opened", FleetCommandTest.lines(done.out()).get(0).path("status").asText(), done.out());
    String pushed = FleetFixture.files(gh, "acme/lib", FleetCommandTest.BRANCH).get(ANSWERS);
    assertTrue(pushed.contains("_template: ../template\n_version: v2.0.0\n"), pushed);
    assertTrue(FleetFixture.leftovers().isEmpty(), FleetFixture.leftovers().toString());
  }
}
