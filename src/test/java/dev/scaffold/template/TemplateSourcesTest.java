package dev.scaffold.template;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateSourcesTest {

  @Test
  void saneSourcesPass() {
    for (String ok : List.of("java-library", "./my-template", "/abs/path/tpl", "../sibling", "gh:acme/tpl",
        "gl:acme/tpl", "https://git.example.com/t.git", "HTTP://h/t", "ssh://git@h/t.git", "git://h/t",
        "file:///srv/t.git", "git@github.com:acme/t.git", "C:relative", "dir with spaces")) {
      assertNull(TemplateSources.problem(ok), ok);
    }
  }

  @Test
  void helperSyntaxOptionsControlCharactersAndOddSchemesAreRefused() {
    for (String bad : List.of("ext::sh -c touch% /tmp/pwned", "fd::0", "fd::3,4", "file::/srv/t", "https::x",
        "my-helper::addr", "--upload-pack=touch /tmp/pwned", "-u", "gh:acme/t\n--upload-pack=x", "tab\there",
        "javascript://x", "ftp://h/t.git", " ", "", "ssh://-oProxyCommand=touch%20x/t.git",
        "ssh://git@-oProxyCommand=x/t", "git@-oProxyCommand=x:t.git")) {
      assertNotNull(TemplateSources.problem(bad), bad);
    }
  }
}
