package dev.scaffold.update;

import dev.scaffold.sandbox.GitHubSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Test kit for fleet updates: a small tagged template (v1.0.0, v2.0.0 with a new question), a
 * project rendered from v1.0.0, and repositories on the loopback GitHub seeded from it, edited or not.
 */
final class FleetFixture {

  static final String README_V1 = "# ${project_name}\n\nLine A\nLine B\nLine C\nLine D\nLine E\n";
  static final String README_V2 = "# ${project_name}\n\nLine A\nLine B v2\nLine C\nLine D\nLine E\n";

  private FleetFixture() {}

  static Map<String, String> v1() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scaffold.yml", """
        name: fleet-demo
        questions:
          - name: project_name
            default: demo
        """);
    t.put("template/README.md.ftl", README_V1);
    t.put("template/config.txt", "alpha=1\nbeta=2\ngamma=3\ndelta=4\n");
    t.put("template/src/main.txt.ftl", "main of ${project_name}\n");
    return t;
  }

  static Map<String, String> v2() {
    Map<String, String> t = new LinkedHashMap<>(v1());
    t.put("scaffold.yml", """
        name: fleet-demo
        questions:
          - name: project_name
            default: demo
          - name: ci
            type: bool
            default: true
        """);
    t.put("template/README.md.ftl", README_V2);
    t.put("template/config.txt", "alpha=1\nbeta=2\ngamma=30\ndelta=4\n");
    t.put("template/${ci?then('ci.yml', '')}", "ci: true\n");
    return t;
  }

  /** A git template in {@code dir} tagged v1.0.0 and v2.0.0. */
  static Path template(Path dir) throws Exception {
    Map<String, String> v1 = v1();
    TemplateFixture.version(dir, "v1.0.0", false, v1);
    TemplateFixture.version(dir, "v2.0.0", true, v2());
    return dir;
  }

  /** The template rendered at v1.0.0 with default answers, without git: the files every repository starts from. */
  static Map<String, String> renderV1(Path template, Path scratch) throws IOException {
    Path out = scratch.resolve("v1-render");
    TemplateFixture.Run r = TemplateFixture.cli(scratch, "new", template.toString(), out.toString(), "--version",
        "v1.0.0", "--defaults", "--non-interactive", "--no-git", "--no-github", "--yes");
    if (r.code() != 0) {
      throw new IllegalStateException("scaffold new failed: " + r.err());
    }
    return TemplateFixture.readTree(out);
  }

  /**
   * Creates {@code fullName} on the sandbox with one commit on main holding {@code files}, changed
   * by {@code edits} (a null value deletes the path).
   */
  static void seed(GitHubSandbox gh, Path scratch, String fullName, Map<String, String> files,
      Map<String, String> edits) throws Exception {
    gh.createRepo(fullName, "main", false);
    Map<String, String> tree = new TreeMap<>(files);
    edits.forEach((k, v) -> {
      if (v == null) {
        tree.remove(k);
      } else {
        tree.put(k, v);
      }
    });
    Path dir = Files.createTempDirectory(scratch, "seed-");
    try {
      TemplateFixture.writeTree(dir, tree);
      try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
        git.add().addFilepattern(".").call();
        git.commit().setMessage("project").setAuthor(TemplateFixture.WHO).setCommitter(TemplateFixture.WHO)
            .setSign(false).call();
        git.push().setRemote(gh.cloneUrl(fullName)).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main"))
            .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", gh.token())).call();
      }
    } finally {
      dev.scaffold.FileTrees.deleteQuietly(dir);
    }
  }

  /** Adds a commit on {@code branch} of {@code fullName} as another person would (through a clone and a push). */
  static void pushAs(GitHubSandbox gh, Path scratch, String fullName, String branch, Map<String, String> changes)
      throws Exception {
    Path dir = Files.createTempDirectory(scratch, "person-");
    try (Git git = Git.cloneRepository().setURI(gh.cloneUrl(fullName)).setDirectory(dir.toFile()).setBranch(branch)
        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", gh.token())).call()) {
      for (var e : changes.entrySet()) {
        TemplateFixture.write(dir.resolve(e.getKey()), e.getValue());
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("a person's change").setAuthor(TemplateFixture.WHO)
          .setCommitter(TemplateFixture.WHO).setSign(false).call();
      git.push().setRemote("origin")
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", gh.token())).call();
    } finally {
      dev.scaffold.FileTrees.deleteQuietly(dir);
    }
  }

  /** Branch → commit of a sandbox repository. */
  static Map<String, String> branches(GitHubSandbox gh, String fullName) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Repository repo = new FileRepositoryBuilder().setGitDir(gh.gitDir(fullName).toFile()).build()) {
      for (var r : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
        out.put(r.getName().substring(Constants.R_HEADS.length()), r.getObjectId().getName());
      }
    }
    return out;
  }

  /** The files of {@code branch} of a sandbox repository, path → text. */
  static Map<String, String> files(GitHubSandbox gh, String fullName, String branch) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Repository repo = new FileRepositoryBuilder().setGitDir(gh.gitDir(fullName).toFile()).build();
        RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
      ObjectId id = repo.resolve(Constants.R_HEADS + branch);
      if (id == null) {
        return out;
      }
      RevCommit c = walk.parseCommit(id);
      tw.addTree(c.getTree());
      tw.setRecursive(true);
      while (tw.next()) {
        out.put(tw.getPathString(), new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * The temporary folders this test process's fleet runs left behind (there should be none); those
   * of other processes sharing the temporary folder are theirs.
   */
  static List<Path> leftovers() {
    return dev.scaffold.TempFolders.live().stream()
        .filter(p -> p.getFileName().toString().startsWith("scaffold-fleet-"))
        .filter(p -> Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .sorted().toList();
  }

  static Optional<String> head(GitHubSandbox gh, String fullName, String branch) throws IOException {
    return Optional.ofNullable(branches(gh, fullName).get(branch));
  }
}
