package dev.scaffold.jgit;

import dev.scaffold.FileTrees;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.template.TemplateFetcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/** {@link TemplateFetcher} on JGit: lists tags remotely and clones the wanted version. */
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
}
