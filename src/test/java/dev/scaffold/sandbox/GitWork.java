package dev.scaffold.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A local working repository that commits files and pushes them to the sandbox over HTTP, for tests. */
final class GitWork implements AutoCloseable {
  static final PersonIdent AUTHOR = new PersonIdent("Test Author", "author@example.com");

  final Git git;
  final Path dir;

  private GitWork(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static GitWork open(Git git, Path dir) {
    return new GitWork(git, dir);
  }

  static GitWork init(Path dir, String branch) throws GitAPIException {
    return new GitWork(Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call(), dir);
  }

  RevCommit commit(String message, Map<String, String> files) throws IOException, GitAPIException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
  }

  /** Pushes {@code refspec} (e.g. {@code "main:main"}, {@code "+main:main"}, {@code ":old"}); returns the ref's status. */
  RemoteRefUpdate.Status push(String url, String token, String refspec) throws GitAPIException {
    RefSpec spec = new RefSpec(refspec.contains(":") ? refspec : refspec + ":" + refspec);
    String dst = spec.getDestination().startsWith("refs/") ? spec.getDestination() : "refs/heads/" + spec.getDestination();
    String src = spec.getSource() == null ? null
        : spec.getSource().startsWith("refs/") ? spec.getSource() : "refs/heads/" + spec.getSource();
    spec = new RefSpec((spec.isForceUpdate() ? "+" : "") + (src == null ? "" : src) + ":" + dst);
    Iterable<PushResult> results = git.push()
        .setRemote(url)
        .setRefSpecs(spec)
        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token))
        .call();
    return results.iterator().next().getRemoteUpdate(dst).getStatus();
  }

  @Override
  public void close() {
    git.close();
  }

  /** Path to blob content of the tree of {@code commit}. */
  static Map<String, String> files(Repository repo, ObjectId commit) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        out.put(tree.getPathString(), new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
