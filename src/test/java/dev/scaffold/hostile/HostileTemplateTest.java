package dev.scaffold.hostile;

import static dev.scaffold.hostile.HostileKit.assertNoSecretUnder;
import static dev.scaffold.hostile.HostileKit.assertRefused;
import static dev.scaffold.hostile.HostileKit.secret;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scaffold.hostile.HostileKit.Blob;
import dev.scaffold.testing.Cli;
import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.TreeSnapshot;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scaffold new} from templates that try to leave their folder, write into {@code .git} or
 * hang the tool, as folders and as git repositories. Each is refused with exit 2 and one line
 * naming the file at fault; nothing is written anywhere, and the sentinel secret beside the
 * template shows up nowhere.
 */
// a FIFO opened by mistake blocks for ever, deaf to interrupts: the test fails on its own thread's timeout
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileTemplateTest {

  static final String YML = "name: demo\n";

  @TempDir Path dir;
  Path tpl;
  Path key;
  TreeSnapshot before;

  @BeforeEach
  void sentinel() throws Exception {
    key = secret(dir);
    tpl = dir.resolve("tpl");
    Files.createDirectories(tpl);
  }

  /** Takes the snapshot of everything (template, secret, parent) the run must leave as it was. */
  private Cli.Run scaffoldNew(String... extra) {
    before = TreeSnapshot.of(dir);
    String[] args = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("new", "tpl", "out", "--non-interactive", "--defaults"),
        java.util.Arrays.stream(extra)).toArray(String[]::new);
    return Cli.run(dir, args);
  }

  @AfterEach
  void nothingWrittenNothingLeaked() throws Exception {
    if (before != null) {
      before.assertUnchanged(); // no out/, no .scaffold-staging-*, the secret as it was
    }
    assertFalse(Files.exists(dir.resolve("out")));
    assertNoSecretUnder(dir);
  }

  private void template(Map<String, String> files) {
    Map<String, String> all = new LinkedHashMap<>(files);
    all.putIfAbsent("scaffold.yml", YML);
    all.putIfAbsent("template/README.md.ftl", "# ${_template.name}\n");
    FileTree.write(tpl, all);
  }

  // --- the template root is the boundary ---

  @Test
  void templateFolderThatIsALinkOutOfTheTemplate() throws Exception {
    FileTree.write(tpl, Map.of("scaffold.yml", YML));
    Files.createSymbolicLink(tpl.resolve("template"), dir.resolve("secret"));
    assertRefused(scaffoldNew(), "template tree `template/` is a symbolic link");
  }

  @Test
  void templateFolderThatIsALinkInsideTheTemplate() throws Exception {
    // even inside: the link's target would become the boundary every later check trusts
    FileTree.write(tpl, Map.of("scaffold.yml", YML, "real/a.txt", "a"));
    Files.createSymbolicLink(tpl.resolve("template"), Path.of("real"));
    assertRefused(scaffoldNew(), "template tree `template/` is a symbolic link");
  }

  @Test
  void subdirectoryDotDotIsTheCopierCve202634726() {
    template(Map.of("scaffold.yml", YML + "subdirectory: ..\n"));
    assertRefused(scaffoldNew(), "scaffold.yml:2", "`subdirectory` must be a relative path inside the template");
  }

  @Test
  void subdirectoryClimbingToEtc() {
    template(Map.of("scaffold.yml", YML + "subdirectory: ../../etc\n"));
    assertRefused(scaffoldNew(), "scaffold.yml:2", "`subdirectory` must be a relative path inside the template");
  }

  @Test
  void subdirectoryAbsolute() {
    template(Map.of("scaffold.yml", YML + "subdirectory: " + dir.resolve("secret") + "\n"));
    assertRefused(scaffoldNew(), "scaffold.yml:2", "`subdirectory` must be a relative path inside the template");
  }

  @Test
  void subdirectoryThroughALinkedFolder() throws Exception {
    template(Map.of("scaffold.yml", YML + "subdirectory: via/tree\n"));
    Files.createSymbolicLink(tpl.resolve("via"), dir.resolve("secret"));
    assertRefused(scaffoldNew(), "template tree `via/tree/` is a symbolic link or passes through one");
  }

  @Test
  void linkToTheUsersFileIsTheCopierCve202623968() throws Exception {
    template(Map.of());
    Files.createSymbolicLink(tpl.resolve("template/id_rsa"), Path.of("../../secret/id_rsa"));
    assertRefused(scaffoldNew(), "template/id_rsa", "points outside the template tree");
  }

  @Test
  void absoluteLinkToTheUsersFile() throws Exception {
    template(Map.of());
    Files.createSymbolicLink(tpl.resolve("template/id_rsa"), key);
    assertRefused(scaffoldNew(), "template/id_rsa", "points outside the template tree");
  }

  @Test
  void linkToAFolderOutside() throws Exception {
    template(Map.of());
    Files.createSymbolicLink(tpl.resolve("template/home"), dir.resolve("secret"));
    assertRefused(scaffoldNew(), "template/home", "points outside the template tree");
  }

  @Test
  void chainOfLinksLeavingAtTheEnd() throws Exception {
    template(Map.of());
    Files.createSymbolicLink(tpl.resolve("template/a"), Path.of("b"));
    Files.createSymbolicLink(tpl.resolve("template/b"), Path.of("c"));
    Files.createSymbolicLink(tpl.resolve("template/c"), key);
    assertRefused(scaffoldNew(), "template/a", "points outside the template tree");
  }

  @Test
  void linkToALinkOutsideTheTree() throws Exception {
    // tpl/hop is in the template but not in its tree, and leads to the secret
    template(Map.of());
    Files.createSymbolicLink(tpl.resolve("hop"), key);
    Files.createSymbolicLink(tpl.resolve("template/k"), Path.of("../hop"));
    assertRefused(scaffoldNew(), "template/k", "points outside the template tree");
  }

  @Test
  void scaffoldYmlLinkedToAKey() throws Exception {
    // a YAML parse error would quote the key: it must not be read at all
    FileTree.write(tpl, Map.of("template/a.txt", "a"));
    Files.createSymbolicLink(tpl.resolve("scaffold.yml"), key);
    assertRefused(scaffoldNew(), "scaffold.yml", "is a symbolic link out of the template");
  }

  // --- nothing is ever written into .git ---

  @Test
  void templateHoldingAGitHooksFolder() {
    template(Map.of("template/.git/hooks/post-checkout", "#!/bin/sh\ncurl evil\n"));
    assertRefused(scaffoldNew(), "template/.git", "is a `.git` folder");
  }

  @Test
  void templateHoldingAGitFilePointingElsewhere() {
    template(Map.of("template/sub/.git", "gitdir: ../../secret\n"));
    assertRefused(scaffoldNew(), "template/sub/.git", "is a `.git` file");
  }

  @Test
  void renderedSegmentSpellingGit() {
    template(Map.of("template/${'.g'+'it'}/hooks/pre-commit", "#!/bin/sh\n"));
    assertRefused(scaffoldNew(), "template/${'.g'+'it'}", "rendered path `.git` names `.git`");
  }

  @Test
  void renderedSegmentHoldingSlashesIntoGit() {
    template(Map.of("template/${'src\\x2F.git\\x2Fhooks'}/pre-commit", "#!/bin/sh\n"));
    assertRefused(scaffoldNew(), "template/${'src\\x2F.git\\x2Fhooks'}", "names `.git`");
  }

  @Test
  void renderedFileNameFromAnAnswer() {
    template(Map.of("scaffold.yml", YML + "questions:\n  - name: dir\n    default: x\n",
        "template/${dir}/config", "[core]\n\thooksPath = /tmp\n"));
    assertRefused(scaffoldNew("--set", "dir=.git"), "template/${dir}", "rendered path `.git` names `.git`");
  }

  @ParameterizedTest
  @ValueSource(strings = {".GIT", ".Git", ".git ", ".git.", ".git. . ", "git~1", "GIT~1", ".g\u200cit", ".git::$INDEX_ALLOCATION"})
  void otherSpellingsOfGit(String name) {
    template(Map.of("template/" + name + "/config", "x"));
    assertRefused(scaffoldNew(), "template/" + name, "is a `.git` folder");
  }

  @ParameterizedTest
  @ValueSource(strings = {".GIT", ".git ", "git~1", ".git."})
  void renderedSpellingsOfGit(String name) {
    template(Map.of("template/${'" + name + "'}/hooks/pre-commit", "x"));
    assertRefused(scaffoldNew(), "rendered path `" + name + "` names `.git`");
  }

  // --- special files ---

  @Test
  void fifoInTheTemplate() throws Exception {
    template(Map.of());
    mkfifo(tpl.resolve("template/pipe"));
    assertRefused(scaffoldNew(), "template/pipe", "is a FIFO, socket or device");
  }

  @Test
  void fifoRenamedToLookLikeATemplateFile() throws Exception {
    template(Map.of());
    mkfifo(tpl.resolve("template/README2.md.ftl"));
    assertRefused(scaffoldNew(), "template/README2.md.ftl", "is a FIFO, socket or device");
  }

  @Test
  void socketInTheTemplate() throws Exception {
    template(Map.of());
    try (ServerSocketChannel s = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(tpl.resolve("template/sock")));
      assertRefused(scaffoldNew(), "template/sock", "is a FIFO, socket or device");
    }
    before = null; // the socket file outlives its channel: the snapshot taken with it stands
  }

  @Test
  void linkToAFifoInsideTheTree() throws Exception {
    template(Map.of());
    mkfifo(tpl.resolve("template/pipe"));
    Files.createSymbolicLink(tpl.resolve("template/looks-fine.txt"), Path.of("pipe"));
    assertRefused(scaffoldNew(), "template/looks-fine.txt", "symbolic link to a FIFO, socket or device");
  }

  @Test
  void linkToADevice() throws Exception {
    template(Map.of());
    Files.createSymbolicLink(tpl.resolve("template/zero"), Path.of("/dev/zero"));
    assertRefused(scaffoldNew(), "template/zero", "points outside the template tree");
  }

  @Test
  void scaffoldYmlAsAFifo() throws Exception {
    FileTree.write(tpl, Map.of("template/a.txt", "a"));
    mkfifo(tpl.resolve("scaffold.yml"));
    assertRefused(scaffoldNew(), "scaffold.yml", "is not a regular file");
  }

  @Test
  void includeLeavingTheTree() {
    template(Map.of("template/README.md.ftl", "<#include \"../../secret/id_rsa\">\n"));
    assertRefused(scaffoldNew(), "template/README.md.ftl");
  }

  @Test
  void includeThroughALinkOutOfTheTemplate() throws Exception {
    // the link lies outside the tree (the render never plans it): only the include reaches it
    template(Map.of("scaffold.yml", YML + "subdirectory: t\n", "t/README.md.ftl", "<#include \"../leak\">\n"));
    Files.createSymbolicLink(tpl.resolve("leak"), key);
    assertRefused(scaffoldNew(), "t/README.md.ftl");
  }

  // --- the same rules for a template kept in git (mode 120000 blobs hold a link's target) ---

  private void gitTemplate(Map<String, Blob> files) throws Exception {
    Map<String, Blob> all = new java.util.TreeMap<>(files);
    all.putIfAbsent("scaffold.yml", Blob.file(YML));
    if (!all.containsKey("template")) {
      all.putIfAbsent("template/README.md.ftl", Blob.file("# ${_template.name}\n"));
    }
    HostileKit.version(tpl, "v1.0.0", all);
  }

  @Test
  void gitTemplateFolderLinkedToAnAbsolutePath() throws Exception {
    gitTemplate(Map.of("template", Blob.link(dir.resolve("secret").toString())));
    assertRefused(scaffoldNew(), "@v1.0.0:template", "leads outside the template");
  }

  @Test
  void gitTemplateFolderLinkedInside() throws Exception {
    gitTemplate(Map.of("template", Blob.link("real"), "real/a.txt", Blob.file("a")));
    assertRefused(scaffoldNew(), "template tree `template/` is a symbolic link");
  }

  @Test
  void gitLinkClimbingOut() throws Exception {
    gitTemplate(Map.of("template/id_rsa", Blob.link("../../secret/id_rsa")));
    assertRefused(scaffoldNew(), "@v1.0.0:template/id_rsa", "leads outside the template");
  }

  @Test
  void gitLinkThatIsInsideOnlyToALexicalReading() throws Exception {
    // d/up -> .. is the root; x -> d/up/.. reads as d/.. = inside, but resolves to the root's parent
    gitTemplate(Map.of("template/d/up", Blob.link(".."), "template/x", Blob.link("d/up/../../secret/id_rsa")));
    assertRefused(scaffoldNew(), "@v1.0.0:template/x", "leads outside the template");
  }

  @Test
  void gitLinkChain() throws Exception {
    gitTemplate(Map.of("template/a", Blob.link("b"), "template/b", Blob.link("../c"), "c", Blob.link("../secret")));
    assertRefused(scaffoldNew(), "leads outside the template");
  }

  @Test
  void gitLinkLoop() throws Exception {
    gitTemplate(Map.of("template/a", Blob.link("b"), "template/b", Blob.link("a")));
    assertRefused(scaffoldNew(), "@v1.0.0:template/", "leads outside the template");
  }

  @Test
  void gitScaffoldYmlLinkedToAKey() throws Exception {
    gitTemplate(Map.of("scaffold.yml", Blob.link("../secret/id_rsa")));
    assertRefused(scaffoldNew(), "@v1.0.0:scaffold.yml", "leads outside the template");
  }

  @Test
  void gitTreeHoldingDotGitHooks() throws Exception {
    gitTemplate(Map.of(".git/hooks/post-checkout", Blob.file("#!/bin/sh\ncurl evil\n")));
    assertRefused(scaffoldNew(), "@v1.0.0:.git/hooks/post-checkout", "git refuses to check out");
  }

  @Test
  void gitTreeHoldingUpperCaseGitFolder() throws Exception {
    gitTemplate(Map.of("template/.GIT/config", Blob.file("[core]\n\thooksPath = /tmp\n")));
    assertRefused(scaffoldNew(), "@v1.0.0:template/.GIT/config", "git refuses to check out");
  }

  @Test
  void gitTreeHoldingAFileUnderALink() throws Exception {
    // a malformed tree: `template/d` both a link out and a folder; writing d/x would follow the link
    gitTemplate(Map.of("template/d", Blob.link("../../secret"), "template/d/x", Blob.file("x")));
    assertRefused(scaffoldNew(), "@v1.0.0:template/d");
  }

  @Test
  void gitLinkInsideTheTemplateIsFine() throws Exception {
    // the rule refuses what leaves, no more: a link to a file of the tree renders as its target
    gitTemplate(Map.of("template/LICENSE", Blob.file("MIT\n"), "template/COPYING", Blob.link("LICENSE")));
    Cli.Run r = Cli.run(dir, "new", "tpl", "ok", "--non-interactive", "--defaults", "--no-git");
    org.junit.jupiter.api.Assertions.assertEquals(0, r.exit(), r.err());
    org.junit.jupiter.api.Assertions.assertEquals("MIT\n", FileTree.read(dir.resolve("ok")).get("COPYING"));
  }

  private static void mkfifo(Path p) throws Exception {
    Process proc;
    try {
      proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(proc.waitFor() == 0, "mkfifo failed");
  }
}
