package dev.scaffold.update;

import static dev.scaffold.update.TemplateFixture.cli;
import static dev.scaffold.update.TemplateFixture.read;
import static dev.scaffold.update.TemplateFixture.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaffold.Progress;
import dev.scaffold.answers.AnswerInputs;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.jgit.JGitClient;
import dev.scaffold.jgit.JGitTemplateFetcher;
import dev.scaffold.jgit.JGitTextMerge;
import dev.scaffold.prompt.TestPrompters;
import dev.scaffold.template.BundledTemplates;
import dev.scaffold.template.TemplateResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --ask NAME} and {@code --reask}: questions asked again on update, the recorded answers as defaults. */
class ReaskTest {

  @TempDir Path tmp;
  Path template;
  Path project;

  @BeforeEach
  void project() throws Exception {
    template = tmp.resolve("tpl");
    version(template, "v1.0.0", false, Map.of(
        "scaffold.yml", "name: demo\nquestions:\n"
            + "  - {name: owner, default: someone}\n"
            + "  - {name: license, type: choice, choices: [MIT, Apache-2.0, BSD-3-Clause], default: MIT}\n"
            + "  - {name: motto, default: none}\n",
        "template/README.md.ftl", "# by ${owner}, ${license}\n",
        "template/motto.txt.ftl", "${motto}\n"));
    project = tmp.resolve("proj");
    var n = cli(tmp, "new", template.toString(), project.toString(), "--non-interactive", "--set", "owner=alice",
        "--set", "license=Apache-2.0", "--set", "motto=${not rendered}");
    assertEquals(0, n.code(), n.err());
    assertEquals("${not rendered}\n", read(project.resolve("motto.txt")));
    TemplateFixture.commitAll(project, "generated");
  }

  static Stream<Arguments> nonInteractive() {
    return Stream.of(
        // arguments, exit code, README after, recorded answers after
        Arguments.of(List.of("--ask", "license", "--set", "license=MIT"), 0, "# by alice, MIT\n",
            Map.of("owner", "alice", "license", "MIT", "motto", "${not rendered}")),
        Arguments.of(List.of("--ask", "license"), 0, "# by alice, Apache-2.0\n",
            Map.of("owner", "alice", "license", "Apache-2.0", "motto", "${not rendered}")),
        Arguments.of(List.of("--reask", "--set", "owner=bob"), 0, "# by bob, Apache-2.0\n",
            Map.of("owner", "bob", "license", "Apache-2.0", "motto", "${not rendered}")),
        Arguments.of(List.of("--reask", "--defaults"), 0, "# by alice, Apache-2.0\n",
            Map.of("owner", "alice", "license", "Apache-2.0", "motto", "${not rendered}")),
        Arguments.of(List.of("--ask", "owner", "--ask", "nosuch"), 2, "# by alice, Apache-2.0\n",
            Map.of("owner", "alice", "license", "Apache-2.0", "motto", "${not rendered}")),
        Arguments.of(List.of("--ask", "license", "--set", "license=GPL"), 2, "# by alice, Apache-2.0\n",
            Map.of("owner", "alice", "license", "Apache-2.0", "motto", "${not rendered}")));
  }

  @ParameterizedTest
  @MethodSource
  void nonInteractive(List<String> args, int exit, String readme, Map<String, Object> answers) throws Exception {
    List<String> all = new ArrayList<>(List.of("update", project.toString(), "--non-interactive"));
    all.addAll(args);
    var r = cli(tmp, all.toArray(String[]::new));
    assertEquals(exit, r.code(), r.err() + r.out());
    if (exit == 2) {
      assertTrue(r.err().contains("nosuch") || r.err().contains("GPL"), r.err());
    }
    assertEquals(readme, read(project.resolve("README.md")));
    assertEquals("${not rendered}\n", read(project.resolve("motto.txt")));
    AnswersFile.Recorded recorded = AnswersFile.readRecorded(project);
    assertEquals(answers, recorded.answers());
    assertEquals("v1.0.0", recorded.version());
  }

  @Test
  void reaskThroughTheTerminalOffersTheRecordedAnswers() throws Exception {
    // owner: Enter keeps alice; license: the list starts on Apache-2.0, Down picks BSD; motto: Enter keeps it
    String keys = "\r" + "\033[B\r" + "\r";
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (DumbTerminal terminal = new DumbTerminal("test", "xterm-256color",
        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
      terminal.setSize(new Size(100, 40));
      TemplateResolver resolver = new TemplateResolver(new BundledTemplates(List.of()), new JGitTemplateFetcher(), tmp,
          Progress.NONE);
      ProjectUpdater updater = new ProjectUpdater(resolver, new JGitTemplateFetcher(), new JGitClient(),
          new JGitTextMerge(), null, Progress.NONE, Map.of());
      UpdateResult result = updater.update(new UpdateRequest(project, null, false, AnswerInputs.none(),
          TestPrompters.on(terminal), false, ConflictStyle.INLINE, false, false, false, false, false, false, List.of(),
          true, false));
      assertEquals(Map.of("owner", "alice", "license", "BSD-3-Clause", "motto", "${not rendered}"), result.answers());
    }
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("alice"), shown);
    assertEquals("# by alice, BSD-3-Clause\n", read(project.resolve("README.md")));
    assertEquals(Map.of("owner", "alice", "license", "BSD-3-Clause", "motto", "${not rendered}"),
        AnswersFile.readRecorded(project).answers());
  }
}
