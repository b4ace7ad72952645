package dev.scaffold.hostile;

import dev.scaffold.testing.FileTree;
import dev.scaffold.testing.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Templates and folders for the destination and interrupted-run tests. */
final class DestinationKit {

  static final String YML = """
      name: demo
      questions:
        - name: name
          default: demo
      skip_if_exists: [local.properties]
      """;

  private DestinationKit() {}

  /** A plain template: a README, a docs folder, a nested file and a skip_if_exists file. */
  static Map<String, String> files() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", YML);
    t.put("template/README.md.ftl", "# ${name}\n");
    t.put("template/docs/guide.md", "guide\n");
    t.put("template/src/main/App.java", "class App {}\n");
    t.put("template/local.properties", "local=template\n");
    return t;
  }

  static Path folderTemplate(Path dir) {
    return FileTree.write(dir.resolve("tpl"), files());
  }

  /** A template in git with tags v1.0.0 and v2.0.0; v2 adds docs/new.md and changes docs/guide.md. */
  static Path gitTemplate(Path dir) throws IOException {
    Path repo = dir.resolve("gtpl");
    FileTree.write(repo, files());
    Git.run(repo, "init", "-q", "-b", "main");
    commitAndTag(repo, "v1.0.0");
    FileTree.write(repo, Map.of("template/docs/guide.md", "guide v2\n", "template/docs/new.md", "new\n",
        "template/README.md.ftl", "# ${name} v2\n"));
    commitAndTag(repo, "v2.0.0");
    return repo;
  }

  private static void commitAndTag(Path repo, String tag) {
    Git.run(repo, "add", "-A");
    Git.run(repo, "commit", "-q", "-m", tag);
    Git.run(repo, "tag", tag);
  }

  /** A folder outside every destination, with a file in it that no run may touch. */
  static Path outside(Path dir) {
    return FileTree.write(dir.resolve("outside"), Map.of("secret.txt", "keep me\n", "guide.md", "outside guide\n"));
  }

  /** The names in a folder (none when it is absent). */
  static java.util.List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return java.util.List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
