package dev.scaffold.jgit;

import dev.scaffold.OperationException;
import dev.scaffold.publish.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/** {@link GitRepo} on a JGit {@link Git} handle. */
final class JGitRepo implements GitRepo {

  static final String FALLBACK_NAME = "scaffold";
  static final String FALLBACK_EMAIL = "scaffold@localhost";

  private final Git git;
  /** What paths are relative to: "" (the work tree's root) or a folder's path in it ending in {@code /}. */
  private final String base;
  /** Root-relative folders that status, restores and commits are limited to; empty: the whole work tree. */
  private final List<String> scope;

  JGitRepo(Git git) {
    this(git, "", List.of());
  }

  /** A repository seen from a folder of its work tree, as {@link dev.scaffold.publish.GitClient#openWithin}. */
  JGitRepo(Git git, String base, List<String> scope) {
    this.git = git;
    this.base = base.isEmpty() || base.endsWith("/") ? base : base + "/";
    this.scope = List.copyOf(scope);
  }

  private boolean scoped() {
    return !scope.isEmpty();
  }

  /** Whether a root-relative path lies in the scope. */
  private boolean inScope(String rootPath) {
    if (!scoped()) {
      return true;
    }
    for (String folder : scope) {
      if (rootPath.equals(folder) || rootPath.startsWith(folder + "/")) {
        return true;
      }
    }
    return false;
  }

  /** A root-relative path as callers see it (relative to {@link #base}), or null when outside it. */
  private String shown(String rootPath) {
    return rootPath.startsWith(base) ? rootPath.substring(base.length()) : null;
  }

  @Override
  public Path root() {
    return git.getRepository().getWorkTree().toPath();
  }

  Git git() {
    return git;
  }

  @Override
  public String commitAll(String message) {
    if (scoped()) {
      return commitScope(message);
    }
    try {
      if (!FreshIndex.addAll(git.getRepository())) {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
      }
      PersonIdent who = identity();
      RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false)
          .setNoVerify(true).call(); // no pre-commit or commit-msg; NoHooks stops post-commit too
      return c.getName();
    } catch (GitAPIException | IOException e) {
      throw new OperationException("git commit failed: " + e.getMessage(), e);
    }
  }

  /**
   * Stages and commits the scope's changes only, like {@code git add -A -- FOLDERS && git commit
   * -- FOLDERS}: a change outside it, staged or not, stays as it was and out of the commit.
   */
  private String commitScope(String message) {
    try {
      var add = git.add();
      var update = git.add().setUpdate(true);
      var commit = git.commit();
      for (String folder : scope) {
        add.addFilepattern(folder);
        update.addFilepattern(folder);
        commit.setOnly(folder);
      }
      add.call();
      update.call();
      PersonIdent who = identity();
      return commit.setMessage(message).setAuthor(who).setCommitter(who).setSign(false).setNoVerify(true).call()
          .getName();
    } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
      throw new OperationException("git commit failed: " + e.getMessage(), e);
    }
  }

  /** The user's configured identity (config or GIT_AUTHOR_* variables), else scaffold's own. */
  PersonIdent identity() {
    UserConfig user = git.getRepository().getConfig().get(UserConfig.KEY);
    String name = user.isAuthorNameImplicit() ? FALLBACK_NAME : user.getAuthorName();
    String email = user.isAuthorEmailImplicit() ? FALLBACK_EMAIL : user.getAuthorEmail();
    return new PersonIdent(name, email);
  }

  @Override
  public boolean isClean() {
    if (scoped()) {
      return changedPaths().isEmpty();
    }
    try {
      return git.status().call().isClean();
    } catch (GitAPIException e) {
      throw new OperationException("git status failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String branch() {
    try {
      return git.getRepository().getBranch();
    } catch (IOException e) {
      throw new OperationException("cannot read the current branch: " + e.getMessage(), e);
    }
  }

  /** Every path git's status names: staged, unstaged, untracked and conflicting, sorted. */
  private static TreeSet<String> everyChange(Status st) {
    TreeSet<String> out = new TreeSet<>();
    out.addAll(st.getAdded());
    out.addAll(st.getChanged());
    out.addAll(st.getRemoved());
    out.addAll(st.getMissing());
    out.addAll(st.getModified());
    out.addAll(st.getUntracked());
    out.addAll(st.getConflicting());
    return out;
  }

  @Override
  public List<String> changedPaths() {
    try {
      TreeSet<String> out = everyChange(status());
      return scoped() ? view(out) : List.copyOf(out);
    } catch (GitAPIException e) {
      throw new OperationException("git status failed: " + e.getMessage(), e);
    }
  }

  /** A status of the scope alone (as {@code git status -- FOLDERS}), or of everything. */
  private Status status() throws GitAPIException {
    var status = git.status();
    scope.forEach(status::addPath);
    return status.call();
  }

  /** Root-relative paths in the scope, as callers see them, sorted. */
  private List<String> view(java.util.Collection<String> rootPaths) {
    TreeSet<String> out = new TreeSet<>();
    for (String p : rootPaths) {
      String s = inScope(p) ? shown(p) : null;
      if (s != null && !s.isEmpty()) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public WorkTree workTree() {
    List<String> changed = changedPaths();
    try {
      return new WorkTree(changed, unchangedIds(changed));
    } catch (IOException e) {
      return new WorkTree(changed, Map.of()); // the ids only save reading files
    }
  }

  /**
   * The index's ids of the tracked files a status found unchanged, when a file's bytes are
   * certainly its blob's: no line-ending conversion ({@code core.autocrlf}), no attributes file that
   * could ask for one or for a filter, and the executable bit tracked ({@code core.filemode}).
   * Entries the status takes on trust (assume-unchanged, skip-worktree), links, submodules and
   * entries of an unfinished merge are left out. Paths are relative to the work tree's root, the
   * folder this repository was opened at.
   */
  private Map<String, TrackedFile> unchangedIds(List<String> changed) throws IOException {
    Repository r = git.getRepository();
    if (r.isBare()) {
      return Map.of();
    }
    StoredConfig config = r.getConfig();
    String autocrlf = config.getString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOCRLF);
    if (autocrlf != null && !autocrlf.equalsIgnoreCase("false")
        || !config.getBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_FILEMODE, true)
        || !r.getFS().supportsExecute()
        || config.getString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_ATTRIBUTESFILE) != null
        || Files.exists(r.getDirectory().toPath().resolve("info/attributes"))
        || globalAttributesFile().map(Files::exists).orElse(true)) {
      return Map.of();
    }
    DirCache index = r.readDirCache();
    Set<String> skip = new HashSet<>();
    changed.forEach(c -> skip.add(base + c));
    Map<String, TrackedFile> out = new HashMap<>(index.getEntryCount() * 2);
    String nestedAttributes = "/" + Constants.DOT_GIT_ATTRIBUTES;
    byte[] hex = new byte[2 * Constants.OBJECT_ID_LENGTH];
    for (int i = 0; i < index.getEntryCount(); i++) {
      DirCacheEntry e = index.getEntry(i);
      String path = GitStrings.path(e.getRawPath());
      if (path.equals(Constants.DOT_GIT_ATTRIBUTES) || path.endsWith(nestedAttributes)) {
        return Map.of();
      }
      FileMode mode = e.getFileMode();
      boolean regular = mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
      if (regular && e.getStage() == DirCacheEntry.STAGE_0 && !e.isAssumeValid() && !e.isSkipWorkTree()
          && !e.isIntentToAdd() && !skip.contains(path) && inScope(path) && shown(path) != null) {
        out.put(shown(path), new TrackedFile(GitStrings.hex(e.getObjectId(), hex), mode == FileMode.EXECUTABLE_FILE));
      }
    }
    return out;
  }

  /** Git's default attributes file for the user ($XDG_CONFIG_HOME/git/attributes), when there is a home. */
  private static Optional<Path> globalAttributesFile() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    String home = System.getProperty("user.home");
    if (xdg != null && !xdg.isEmpty()) {
      return Optional.of(Path.of(xdg, "git", "attributes"));
    }
    if (home == null || home.isEmpty()) {
      return Optional.empty(); // unknown, so taken as present
    }
    return Optional.of(Path.of(home, ".config", "git", "attributes"));
  }

  @Override
  public Set<String> workTreeFiles() {
    try {
      Status st = status();
      Set<String> out = new TreeSet<>();
      DirCache index = git.getRepository().readDirCache();
      for (int i = 0; i < index.getEntryCount(); i++) {
        out.add(index.getEntry(i).getPathString());
      }
      out.removeAll(st.getMissing());
      out.addAll(st.getUntracked());
      return scoped() ? new TreeSet<>(view(out)) : out;
    } catch (GitAPIException | IOException e) {
      throw new OperationException("git status failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasBranch(String name) {
    try {
      return git.getRepository().exactRef(Constants.R_HEADS + name) != null;
    } catch (IOException e) {
      throw new OperationException("cannot read branch " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void abandonBranch(String branch, String back) {
    try {
      git.checkout().setName(back).call();
      git.branchDelete().setBranchNames(Constants.R_HEADS + branch).setForce(true).call();
    } catch (GitAPIException e) {
      throw new OperationException("cannot go back to " + back + " from branch " + branch + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void switchToNewBranch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
    } catch (GitAPIException e) {
      throw new OperationException("cannot create branch " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Puts the scope back as HEAD has it: index entries reset, tracked files checked out, files HEAD
   * does not hold deleted (and folders that leaves empty). For undoing what this run wrote into a
   * scope that was clean before it.
   */
  @Override
  public void restoreScope() {
    try {
      TreeSet<String> changed = everyChange(status());
      changed.removeIf(p -> !inScope(p));
      if (changed.isEmpty()) {
        return;
      }
      Repository r = git.getRepository();
      var reset = git.reset().setRef(Constants.HEAD);
      changed.forEach(reset::addPath);
      reset.call();
      var checkout = git.checkout().setStartPoint(Constants.HEAD);
      boolean any = false;
      org.eclipse.jgit.lib.ObjectId head = r.resolve(Constants.HEAD + "^{tree}");
      Path top = r.getWorkTree().toPath();
      for (String p : changed) {
        boolean inHead = head != null && org.eclipse.jgit.treewalk.TreeWalk.forPath(r, p, head) != null;
        if (inHead) {
          checkout.addPath(p);
          any = true;
        } else {
          Path f = top.resolve(p);
          Files.deleteIfExists(f);
          for (Path d = f.getParent(); d != null && !d.equals(top) && isEmptyFolder(d); d = d.getParent()) {
            Files.delete(d);
          }
        }
      }
      if (any) {
        checkout.call();
      }
    } catch (GitAPIException | IOException e) {
      throw new OperationException("cannot restore " + String.join(", ", scope) + " from HEAD: " + e.getMessage(), e);
    }
  }

  private static boolean isEmptyFolder(Path d) throws IOException {
    if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var s = Files.list(d)) {
      return s.findAny().isEmpty();
    }
  }

  @Override
  public void recordUnmerged(List<Unmerged> files) {
    if (files.isEmpty()) {
      return;
    }
    Repository r = git.getRepository();
    try {
      DirCache dc = r.lockDirCache();
      long indexSecond = RacyEntries.indexSecond(r);
      try (ObjectInserter inserter = r.newObjectInserter()) {
        // callers name paths within the project; in a monorepo the index names them from the root
        List<Unmerged> rooted = files.stream().map(f -> f.at(base + f.path())).toList();
        // the entries these replace, found by the index's own search: no path made for the others
        java.util.BitSet replaced = new java.util.BitSet(dc.getEntryCount());
        for (Unmerged f : rooted) {
          int at = dc.findEntry(f.path());
          if (at >= 0) {
            replaced.set(at, dc.nextEntry(at));
          }
        }
        DirCacheBuilder builder = dc.builder();
        for (int i = 0; i < dc.getEntryCount(); i++) {
          if (!replaced.get(i)) {
            builder.add(dc.getEntry(i));
          }
        }
        for (Unmerged f : rooted) {
          if (f.base() != null) {
            builder.add(stage(inserter, f.path(), DirCacheEntry.STAGE_1, f.base(), f.baseExecutable()));
          }
          builder.add(stage(inserter, f.path(), DirCacheEntry.STAGE_2, f.ours(), f.oursExecutable()));
          builder.add(stage(inserter, f.path(), DirCacheEntry.STAGE_3, f.theirs(), f.theirsExecutable()));
        }
        inserter.flush();
        builder.finish(); // sorts the entries it was given out of order
        replaceIndex(r, dc, indexSecond);
      } finally {
        dc.unlock();
      }
    } catch (IOException e) {
      throw new OperationException("cannot record the conflicts in the git index: " + e.getMessage(), e);
    }
  }

  /** Puts the edited index in place of the locked one, with the entries git would misjudge smudged ({@link RacyEntries}). */
  private static void replaceIndex(Repository r, DirCache dc, long indexSecond) throws IOException {
    RacyEntries.smudge(dc, indexSecond, r.getWorkTree().toPath());
    dc.write();
    if (!dc.commit()) {
      throw new IOException("cannot replace the index");
    }
  }

  private static DirCacheEntry stage(ObjectInserter inserter, String path, int stage, byte[] content, boolean executable)
      throws IOException {
    DirCacheEntry e = new DirCacheEntry(path, stage);
    e.setFileMode(executable ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
    e.setObjectId(inserter.insert(Constants.OBJ_BLOB, content));
    e.setLength(content.length);
    return e;
  }

  @Override
  public void recordModes(Map<String, Boolean> executable) {
    Repository r = git.getRepository();
    if (executable.isEmpty() || r.isBare()
        || r.getConfig().getBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_FILEMODE, true)) {
      return;
    }
    try {
      DirCache dc = r.lockDirCache();
      long indexSecond = RacyEntries.indexSecond(r);
      try (ObjectInserter inserter = r.newObjectInserter()) {
        org.eclipse.jgit.dircache.DirCacheEditor editor = dc.editor();
        for (var e : new java.util.TreeMap<>(executable).entrySet()) {
          String path = base + e.getKey(); // from the root, as the index names it
          FileMode mode = e.getValue() ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
          DirCacheEntry existing = dc.getEntry(path);
          if (existing != null) {
            if (existing.getFileMode() != mode && existing.getFileMode().getObjectType() == Constants.OBJ_BLOB
                && existing.getFileMode() != FileMode.SYMLINK) {
              editor.add(new org.eclipse.jgit.dircache.DirCacheEditor.PathEdit(existing) {
                @Override
                public void apply(DirCacheEntry ent) {
                  ent.setFileMode(mode);
                }
              });
            }
            continue;
          }
          Path file = r.getWorkTree().toPath().resolve(path);
          if (!e.getValue() || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            continue;
          }
          byte[] bytes = Files.readAllBytes(file);
          ObjectId id = inserter.insert(Constants.OBJ_BLOB, bytes);
          java.time.Instant modified = Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant();
          editor.add(new org.eclipse.jgit.dircache.DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry ent) {
              ent.setFileMode(mode);
              ent.setObjectId(id);
              ent.setLength(bytes.length);
              ent.setLastModified(modified);
            }
          });
        }
        inserter.flush();
        editor.finish();
        replaceIndex(r, dc, indexSecond);
      } finally {
        dc.unlock();
      }
    } catch (IOException e) {
      throw new OperationException("cannot record file modes in the git index: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> unmergedPaths() {
    try {
      DirCache index = git.getRepository().readDirCache();
      TreeSet<String> out = new TreeSet<>();
      for (int i = 0; i < index.getEntryCount(); i++) {
        String shown = shown(index.getEntry(i).getPathString());
        if (index.getEntry(i).getStage() != DirCacheEntry.STAGE_0 && shown != null) {
          out.add(shown);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new OperationException("cannot read the git index: " + e.getMessage(), e);
    }
  }

  @Override
  public Path gitDir() {
    return git.getRepository().getDirectory().toPath();
  }

  @Override
  public String head() {
    try {
      ObjectId id = git.getRepository().resolve(Constants.HEAD);
      return id == null ? null : id.name();
    } catch (IOException e) {
      throw new OperationException("cannot read HEAD: " + e.getMessage(), e);
    }
  }

  @Override
  public String headMessage() {
    Repository r = git.getRepository();
    try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(r)) {
      ObjectId id = r.resolve(Constants.HEAD);
      return id == null ? null : walk.parseCommit(id).getFullMessage();
    } catch (IOException e) {
      throw new OperationException("cannot read HEAD: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
