package dev.scaffold.jgit;

import dev.scaffold.FileTrees;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.template.TemplateFetcher;
import dev.scaffold.template.GitSources;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@link TemplateFetcher} on JGit: lists tags, and checks out the wanted version: straight from
 * the object database for a repository on this machine, by a clone otherwise.
 */
public final class JGitTemplateFetcher implements TemplateFetcher {

  private final JGitClient client = new JGitClient();

  @Override
  public boolean isRepository(Path dir) {
    return client.isRepository(dir);
  }

  @Override
  public List<String> tags(String url) {
    try {
      Collection<Ref> refs = Git.lsRemoteRepository().setRemote(url).setTags(true).setHeads(false).call();
      List<String> out = new ArrayList<>();
      for (Ref r : refs) {
        String name = r.getName();
        if (name.startsWith(Constants.R_TAGS) && !name.endsWith("^{}")) {
          out.add(name.substring(Constants.R_TAGS.length()));
        }
      }
      return out;
    } catch (InvalidRemoteException e) {
      throw InputException.at(url, "is not a git repository that can be read");
    } catch (GitAPIException e) {
      throw new OperationException("cannot list the tags of " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String checkout(String url, String ref, Path into) {
    Path local = localRepository(url);
    if (local != null) {
      return export(local, url, ref, into);
    }
    var clone = Git.cloneRepository().setURI(url).setDirectory(into.toFile()).setCloneAllBranches(false);
    if (ref != null) {
      clone.setBranch(Constants.R_TAGS + ref);
    }
    try (Git git = clone.call()) {
      ObjectId head = git.getRepository().resolve(Constants.HEAD + "^{commit}");
      if (head == null) {
        throw InputException.at(url, "has no commits");
      }
      return head.getName();
    } catch (GitAPIException | IOException e) {
      throw new OperationException("cannot fetch " + url + (ref == null ? "" : " at " + ref) + ": " + e.getMessage(), e);
    } finally {
      FileTrees.deleteQuietly(into.resolve(".git"));
    }
  }

  /** A repository on this machine is read in place: no clone, no packing, just the tag's files. */
  private Path localRepository(String url) {
    if (GitSources.isRemote(url)) {
      return null;
    }
    Path p;
    try {
      p = url.startsWith("file://") ? Path.of(URI.create(url)) : Path.of(url);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
    return Files.isDirectory(p) && client.isRepository(p) ? p : null;
  }

  private static String export(Path repoDir, String url, String ref, Path into) {
    try (Git git = Git.open(repoDir.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
      Repository repo = git.getRepository();
      ObjectId id = repo.resolve((ref == null ? Constants.HEAD : Constants.R_TAGS + ref) + "^{commit}");
      if (id == null) {
        throw InputException.at(url, ref == null ? "has no commits" : "has no tag `" + ref + "`");
      }
      RevCommit commit = walk.parseCommit(id);
      try (TreeWalk tw = new TreeWalk(repo)) {
        tw.addTree(commit.getTree());
        tw.setRecursive(true);
        while (tw.next()) {
          FileMode mode = tw.getFileMode(0);
          if (mode == FileMode.GITLINK) {
            continue; // a submodule: the clone path leaves these empty too
          }
          Path out = into.resolve(tw.getPathString());
          Files.createDirectories(out.getParent());
          ObjectLoader loader = repo.open(tw.getObjectId(0));
          if (mode == FileMode.SYMLINK) {
            Files.createSymbolicLink(out, Path.of(new String(loader.getCachedBytes(), StandardCharsets.UTF_8)));
            continue;
          }
          try (OutputStream o = Files.newOutputStream(out)) {
            loader.copyTo(o);
          }
          if (mode == FileMode.EXECUTABLE_FILE) {
            try {
              Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
              out.toFile().setExecutable(true);
            }
          }
        }
      }
      return commit.getName();
    } catch (IOException e) {
      throw new OperationException("cannot read " + url + (ref == null ? "" : " at " + ref) + ": " + e.getMessage(), e);
    }
  }
}
