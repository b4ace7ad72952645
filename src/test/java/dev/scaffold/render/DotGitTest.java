package dev.scaffold.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DotGitTest {

  @Test
  void everySpellingGitOrItsFileSystemsTakeForGit() {
    for (String s : new String[] {".git", ".GIT", ".Git", ".git ", ".git.", ".git . .", "git~1", "GIT~1", ".g\u200cit",
        "\ufeff.git", ".git::$INDEX_ALLOCATION", ".git:stream"}) {
      assertTrue(DotGit.names(s), s);
    }
  }

  @Test
  void namesThatOnlyLookAlikeAreFine() {
    for (String s : new String[] {".gitignore", ".github", ".gitattributes", "git", "x.git", ".git-blame-ignore-revs",
        "git~2", ".gi", "", ".git~1"}) {
      assertFalse(DotGit.names(s), s);
    }
  }
}
