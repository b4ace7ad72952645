package dev.scaffold.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scaffold.sandbox.SandboxState.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/** Git smart-HTTP for the sandbox's bare repositories, with branch protection enforced on push. */
final class GitHosting {

  private final SandboxState state;

  GitHosting(SandboxState state) {
    this.state = state;
  }

  /** A {@link GitServlet} serving {@code /git/{owner}/{name}.git}; authentication happens in {@link RequestGate}. */
  GitServlet servlet() {
    GitServlet servlet = new GitServlet();
    servlet.setRepositoryResolver((req, name) -> {
      Repo r = find(name).orElseThrow(() -> new RepositoryNotFoundException(name));
      // the servlet closes the repository after the request; keep the sandbox's own reference open
      r.git.incrementOpen();
      return r.git;
    });
    // a custom factory replaces JGit's default, which refuses pushes without http.receivepack
    servlet.setReceivePackFactory((req, db) -> {
      ReceivePack rp = new ReceivePack(db);
      @SuppressWarnings("unchecked")
      Set<String> scopes = (Set<String>) req.getAttribute(RequestGate.SCOPES);
      rp.setPreReceiveHook((pack, commands) -> {
        if (scopes != null && !scopes.contains("workflow")) {
          refuseWorkflows(db, commands);
        }
        enforceProtection(db, commands);
      });
      rp.setPostReceiveHook((pack, commands) -> afterPush(db, commands));
      return rp;
    });
    return servlet;
  }

  private Optional<Repo> find(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    if (n.endsWith(".git")) n = n.substring(0, n.length() - 4);
    int slash = n.indexOf('/');
    if (slash < 0 || n.indexOf('/', slash + 1) >= 0) return Optional.empty();
    String owner = n.substring(0, slash);
    String repo = n.substring(slash + 1);
    state.lock.lock();
    try {
      return state.repo(owner, repo);
    } finally {
      state.lock.unlock();
    }
  }

  private Optional<Repo> of(Repository db) {
    state.lock.lock();
    try {
      return state.repos().stream().filter(r -> r.git == db).findFirst();
    } finally {
      state.lock.unlock();
    }
  }

  private void enforceProtection(Repository db, Collection<ReceiveCommand> commands) {
    Repo repo = of(db).orElse(null);
    if (repo == null) return;
    state.lock.lock();
    try {
      for (ReceiveCommand cmd : commands) {
        if (cmd.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) continue;
        if (!cmd.getRefName().startsWith(Constants.R_HEADS)) continue;
        ObjectNode rule = repo.protections.get(cmd.getRefName().substring(Constants.R_HEADS.length()));
        if (rule == null) continue;
        if (cmd.getType() == ReceiveCommand.Type.DELETE && !rule.path("allow_deletions").path("enabled").asBoolean()) {
          cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
              "protected branch hook declined: Cannot delete this protected branch");
        } else if (cmd.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD
            && !rule.path("allow_force_pushes").path("enabled").asBoolean()) {
          cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
              "protected branch hook declined: Cannot force-push to this protected branch");
        }
      }
    } finally {
      state.lock.unlock();
    }
  }

  /**
   * Like GitHub for a classic token without the {@code workflow} scope: each update whose new
   * commits add, change or delete a file under {@code .github/workflows/} is refused.
   */
  private static void refuseWorkflows(Repository db, Collection<ReceiveCommand> commands) {
    for (ReceiveCommand cmd : commands) {
      if (cmd.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED || cmd.getType() == ReceiveCommand.Type.DELETE) continue;
      String workflow = changedWorkflow(db, cmd.getNewId());
      if (workflow != null) {
        cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "refusing to allow a Personal Access Token to create"
            + " or update workflow `" + workflow + "` without `workflow` scope");
      }
    }
  }

  /** A workflow file that a commit new to the repository changes against its parents, or null. */
  private static String changedWorkflow(Repository db, ObjectId tip) {
    try (RevWalk walk = new RevWalk(db)) {
      walk.markStart(walk.parseCommit(tip));
      for (Ref r : db.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
        walk.markUninteresting(walk.parseCommit(r.getObjectId()));
      }
      for (RevCommit c; (c = walk.next()) != null; ) {
        try (TreeWalk tw = new TreeWalk(db)) {
          tw.setRecursive(true);
          tw.setFilter(AndTreeFilter.create(PathFilter.create(".github/workflows"), TreeFilter.ANY_DIFF));
          tw.addTree(c.getTree());
          if (c.getParentCount() == 0) {
            tw.addTree(new EmptyTreeIterator());
          }
          for (RevCommit parent : c.getParents()) {
            tw.addTree(walk.parseCommit(parent).getTree());
          }
          if (tw.next()) return tw.getPathString();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void afterPush(Repository db, Collection<ReceiveCommand> commands) {
    Repo repo = of(db).orElse(null);
    if (repo == null) return;
    state.lock.lock();
    try {
      repo.pushedAt = SandboxState.now();
      // like GitHub: the first branch pushed to an empty repository becomes its default branch
      if (repo.branchHead(repo.defaultBranch).isEmpty()) {
        commands.stream()
            .filter(c -> c.getResult() == ReceiveCommand.Result.OK && c.getType() == ReceiveCommand.Type.CREATE)
            .filter(c -> c.getRefName().startsWith(Constants.R_HEADS))
            .findFirst()
            .ifPresent(c -> {
              repo.defaultBranch = c.getRefName().substring(Constants.R_HEADS.length());
              repo.pointHeadAt(repo.defaultBranch);
            });
      }
    } finally {
      state.lock.unlock();
    }
  }
}
