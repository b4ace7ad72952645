package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a local template's remote or folder is written in a project that goes to GitHub. */
class SharedTemplateSourceTest {

  @ParameterizedTest
  @CsvSource({
      "https://github.com/acme/svc.git, gh:acme/svc",
      "https://github.com/acme/svc, gh:acme/svc",
      "https://github.com/acme/svc/, gh:acme/svc",
      "HTTPS://GitHub.com/Acme/svc.tpl.git, gh:Acme/svc.tpl",
      "git@github.com:acme/svc.git, gh:acme/svc",
      "ssh://git@github.com/acme/svc.git, gh:acme/svc",
      "git://github.com/acme/svc.git, gh:acme/svc",
      "https://github.com.evil.example/acme/svc.git, https://github.com.evil.example/acme/svc.git",
      "https://github.com/acme/svc/tree/main, https://github.com/acme/svc/tree/main",
      "https://ghe.example.com/acme/svc.git, https://ghe.example.com/acme/svc.git",
  })
  void gitHubRemotesBecomeShorthand(String url, String expected) {
    assertEquals(expected, SharedTemplateSource.shorthand(url));
  }

  @ParameterizedTest
  @CsvSource({
      "https://x-access-token:ghp_abc@github.com/acme/svc.git, https://github.com/acme/svc.git",
      "https://ghp_abc@git.example.com/t.git, https://git.example.com/t.git",
      "http://user:pw@git.example.com/t.git, http://git.example.com/t.git",
      "ssh://git:pw@git.example.com/t.git, ssh://git@git.example.com/t.git",
      "ssh://git@git.example.com/t.git, ssh://git@git.example.com/t.git",
      "git@git.example.com:t.git, git@git.example.com:t.git",
      "https://git.example.com/t.git, https://git.example.com/t.git",
  })
  void credentialsNeverStay(String url, String expected) {
    assertEquals(expected, SharedTemplateSource.withoutCredentials(url));
  }

  @ParameterizedTest
  @CsvSource({
      "/srv/templates/svc, /srv/projects/demo, ../../templates/svc",
      "/srv/projects/demo/tpl, /srv/projects/demo, ./tpl",
      "/srv/projects, /srv/projects/demo, ..",
      "/srv/projects/demo, /srv/projects/demo, .",
  })
  void otherFoldersAreRelativeToTheProjectAndNeverReadAsANameOrOption(String folder, String project, String expected) {
    assertEquals(expected, SharedTemplateSource.relative(Path.of(folder), Path.of(project)));
  }

  @ParameterizedTest
  @CsvSource({
      "BUNDLED, java-library",
      "GIT, https://git.example.com/t.git",
      "GIT, gh:acme/svc",
  })
  void sourcesNotOnThisMachineStayAsGiven(TemplateOrigin.Kind kind, String source) {
    TemplateFetcher none = new TemplateFetcher() {
      @Override
      public boolean isRepository(Path dir) {
        throw new AssertionError("not a folder: " + dir);
      }

      @Override
      public List<String> tags(String url) {
        throw new AssertionError(url);
      }

      @Override
      public String checkout(String url, String ref, Path into) {
        throw new AssertionError(url);
      }

      @Override
      public String originUrl(Path dir) {
        throw new AssertionError("not a folder: " + dir);
      }
    };
    assertEquals(source, SharedTemplateSource.of(new TemplateOrigin(kind, source, "v1", null), Path.of("/p"), none));
  }
}
