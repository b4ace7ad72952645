package dev.scaffold.jgit;

import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import dev.scaffold.TempFolders;
import dev.scaffold.TokenScope;
import dev.scaffold.template.TemplateFetcher;
import dev.scaffold.template.GitSources;
import dev.scaffold.update.TemplateTrees;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@link TemplateFetcher} on JGit: lists tags, and checks out the wanted version straight from an
 * object database: the repository itself when it is on this machine, else a bare copy this fetcher
 * fetched once. It also hands out versions as {@link TemplateTrees}, read without a checkout.
 */
public final class JGitTemplateFetcher implements TemplateFetcher, TemplateTrees {

  /**
   * Made on first use, not with the fetcher: setting JGit up takes tens of milliseconds, which an
   * update spends on another core (its git status) while this thread reads the answers.
   */
  private static final class Client {
    static final JGitClient INSTANCE = new JGitClient();
  }

  /** Remote templates fetched by this fetcher: url → the bare copy every version is read from. */
  private final ConcurrentHashMap<String, CompletableFuture<Path>> copies = new ConcurrentHashMap<>();

  private final GitCredentials credentials;
  private final dev.scaffold.Progress progress;

  /** A fetcher that sends no credentials: public templates only. */
  public JGitTemplateFetcher() {
    this(null, null);
  }

  /**
   * @param token the GitHub token, sent (as git's Basic password, when the server asks for one) to
   *     template URLs {@code scope} allows only, so that private templates on that GitHub can be
   *     fetched and the token goes nowhere else, not even to another host a redirect names
   */
  public JGitTemplateFetcher(String token, TokenScope scope) {
    this(token, scope, dev.scaffold.Progress.NONE);
  }

  /** @param progress where a clone's counts go (objects received, deltas resolved) */
  public JGitTemplateFetcher(String token, TokenScope scope, dev.scaffold.Progress progress) {
    this.credentials = new GitCredentials(GitCredentials.USER, token, scope);
    this.progress = progress;
  }

  @Override
  public boolean isRepository(Path dir) {
    return Client.INSTANCE.isRepository(dir);
  }

  @Override
  public String originUrl(Path dir) {
    if (!Client.INSTANCE.isRepository(dir)) {
      return null;
    }
    JGit.ensureConfigured();
    try (Repository repo = NoHooks.open(dir).getRepository()) {
      String url = repo.getConfig().getString("remote", "origin", "url");
      return url == null || url.isBlank() ? null : url.strip();
    } catch (IOException e) {
      return null; // unreadable: the folder is recorded by its path instead
    }
  }

  @Override
  public List<String> tags(String url) {
    JGit.ensureConfigured();
    Path local = localRepository(url);
    if (local != null) {
      // the refs themselves: an ls-remote of a local path runs a whole upload-pack session
      try (Repository repo = NoHooks.open(local).getRepository()) {
        List<String> out = new ArrayList<>();
        for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
          out.add(r.getName().substring(Constants.R_TAGS.length()));
        }
        out.sort(null);
        return out;
      } catch (IOException e) {
        // read it the general way below, which reports what is wrong
      }
    }
    try {
      Collection<Ref> refs = Git.lsRemoteRepository().setRemote(url).setTags(true).setHeads(false)
          .setCredentialsProvider(credentials(url)).call();
      List<String> out = new ArrayList<>();
      for (Ref r : refs) {
        String name = r.getName();
        if (name.startsWith(Constants.R_TAGS) && !name.endsWith("^{}")) {
          out.add(name.substring(Constants.R_TAGS.length()));
        }
      }
      return out;
    } catch (InvalidRemoteException e) {
      String network = dev.scaffold.NetworkCause.message("cannot list the tags of", e, url);
      if (network != null) {
        throw new OperationException(network, e);
      }
      throw InputException.at(url, "is not a git repository that can be read");
    } catch (GitAPIException e) {
      throw failure("cannot list the tags of " + dev.scaffold.NetworkCause.redact(url), url, e);
    }
  }

  @Override
  public String checkout(String url, String ref, Path into) {
    JGit.ensureConfigured();
    Path local = localRepository(url);
    return export(local != null ? local : mirror(url), url, ref, into);
  }

  /**
   * A remote template's bare copy, fetched once per fetcher (every branch and tag) into a
   * temporary folder removed on exit: the versions an update compares, or every repository of a
   * fleet update, are all read from it, where each used to cost a clone.
   */
  private Path mirror(String url) {
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> known = copies.putIfAbsent(url, mine);
    if (known != null) {
      try {
        return known.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    Path dir = null;
    try {
      dir = TempFolders.create("scaffold-template-");
      try (Git git = Git.cloneRepository().setFs(NoHooks.FILE_SYSTEM).setURI(url).setDirectory(dir.toFile()).setBare(true)
          .setTagOption(TagOpt.FETCH_TAGS).setCredentialsProvider(credentials(url))
          .setProgressMonitor(JGitProgress.of(progress, "clone " + dev.scaffold.NetworkCause.redact(url))).call()) {
        mine.complete(dir);
        return dir;
      }
    } catch (GitAPIException | RuntimeException | Error e) {
      // whoever waits on this copy learns of the failure too; a later call may try again
      TempFolders.delete(dir);
      copies.remove(url, mine);
      Throwable reported = e instanceof GitAPIException g ? fetchFailure(url, g) : e;
      mine.completeExceptionally(reported);
      if (reported instanceof Error err) {
        throw err;
      }
      throw (RuntimeException) reported;
    }
  }

  private RuntimeException fetchFailure(String url, GitAPIException e) {
    String network = dev.scaffold.NetworkCause.message("cannot fetch", e, url);
    if (network != null) {
      return new OperationException(credentials.scrub(network), e);
    }
    return e instanceof InvalidRemoteException
        ? InputException.at(url, "is not a git repository that can be read")
        : failure("cannot fetch " + dev.scaffold.NetworkCause.redact(url), url, e);
  }

  /** The token's credentials for a URL of the GitHub in use, else none (see {@link GitCredentials}). */
  private CredentialsProvider credentials(String url) {
    return credentials.provider(url);
  }

  /** A failure to reach a template, with a hint where it needs credentials; never with the token in it. */
  private OperationException failure(String what, String url, Exception e) {
    String cause = dev.scaffold.NetworkCause.describe(e, url);
    if (cause != null) {
      // the network's own words, not JGit's last step ("cannot open git-upload-pack")
      return new OperationException(credentials.scrub(what + ": " + cause), e);
    }
    String msg = credentials.scrub(String.valueOf(e.getMessage()));
    String lower = msg.toLowerCase(java.util.Locale.ROOT);
    String hint = "";
    if (lower.contains("not authorized") || lower.contains("authentication") || lower.contains("401")) {
      hint = credentials(url) != null
          ? " (is GITHUB_TOKEN allowed to read this repository?)"
          : TokenScope.origin(url) != null
              ? " (a private template on GitHub is read with GITHUB_TOKEN or GH_TOKEN, which is sent only to "
                  + "the GitHub in use: github.com, or the --github-url or SCAFFOLD_GITHUB_URL host)"
              : "";
    }
    return new OperationException(what + ": " + msg + hint, e);
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
    return Files.isDirectory(p) && Client.INSTANCE.isRepository(p) ? p : null;
  }

  private static String export(Path repoDir, String url, String ref, Path into) {
    try (Version v = Version.open(repoDir, url, ref)) {
      for (Entry e : v.files) {
        v.write(e, into);
      }
      return v.commit;
    } catch (IOException e) {
      throw new OperationException("cannot read " + url + (ref == null ? "" : " at " + ref) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Tree tree(String url, String ref) {
    JGit.ensureConfigured();
    Path local = localRepository(url);
    try {
      return Version.open(local != null ? local : mirror(url), url, ref);
    } catch (IOException e) {
      throw new OperationException("cannot read " + url + (ref == null ? "" : " at " + ref) + ": " + e.getMessage(), e);
    }
  }

  /**
   * One version of a repository on this machine: its commit and file list, read once. The
   * repository stays open for reading until closed (a sketch's tree lives as long as the process:
   * the object database is read-only here, and JGit closes its files with the JVM).
   */
  private static final class Version implements Tree, AutoCloseable {

    final Repository repo;
    final String url;
    final String ref;
    final String commit;
    final List<Entry> files = new ArrayList<>();
    /** The loose objects' folder, or null for a repository without one on disk. */
    private final java.io.File objects;
    /** {@link #objects} and a separator: where a loose object's fan-out folder is named */
    private final String objectsPrefix;

    private Version(Repository repo, String url, String ref, String commit) {
      this.repo = repo;
      this.objects = repo.getDirectory() == null ? null : new java.io.File(repo.getDirectory(), "objects");
      this.objectsPrefix = objects == null ? null : objects.getPath() + java.io.File.separator;
      this.url = url;
      this.ref = ref;
      this.commit = commit;
    }

    /**
     * The commit {@code ref} names: a tag first (as versions are tags), then a branch (in a bare
     * copy or, for a work tree, also its remote-tracking one), {@code HEAD}, or a full or
     * abbreviated commit id. Only plain names get here ({@link GitSources#refProblem}): no
     * revision expressions such as {@code main~2}.
     */
    private static ObjectId resolve(Repository repo, String ref) throws IOException {
      if (ref == null || ref.equals(Constants.HEAD)) {
        return repo.resolve(Constants.HEAD + "^{commit}");
      }
      if (GitSources.refProblem(ref) != null) {
        return null;
      }
      for (String prefix : List.of(Constants.R_TAGS, Constants.R_HEADS, Constants.R_REMOTES + "origin/")) {
        if (repo.exactRef(prefix + ref) != null) {
          return repo.resolve(prefix + ref + "^{commit}");
        }
      }
      if (ref.matches("[0-9a-fA-F]{4,40}")) {
        try {
          return repo.resolve(ref + "^{commit}");
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException
            | org.eclipse.jgit.errors.RevisionSyntaxException
            | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
          throw InputException.at(ref, "names more than one object, or none that is a commit; give more of the commit id");
        }
      }
      return null;
    }

    static Version open(Path repoDir, String url, String ref) throws IOException {
      Repository repo = NoHooks.open(repoDir).getRepository();
      try (RevWalk walk = new RevWalk(repo)) {
        ObjectId id = resolve(repo, ref);
        if (id == null) {
          throw InputException.at(url, ref == null ? "has no commits" : "has no tag, branch or commit `" + ref + "`");
        }
        RevCommit commit = walk.parseCommit(id);
        Version v = new Version(repo, url, ref, commit.getName());
        try (ObjectReader reader = repo.newObjectReader()) {
          v.list(reader, commit.getTree().getName(), new byte[256], 0, new byte[2 * Constants.OBJECT_ID_LENGTH]);
        }
        StoredTreeCheck.check(v.files, e -> new String(v.read(e), StandardCharsets.UTF_8),
            url + (ref == null ? "" : "@" + ref));
        return v;
      } catch (IOException | RuntimeException e) {
        repo.close();
        throw e;
      }
    }

    /**
     * Adds the files of a tree and of the trees in it, in the order a recursive {@link TreeWalk}
     * gives them (each tree's entries as stored, a subtree's files at its place), from the trees'
     * raw bytes: one array per tree read, and a string per path and per id, not a parser per tree.
     *
     * @param path the bytes of this tree's path and a slash ({@code pathLength} of them; none at the root)
     */
    private void list(ObjectReader reader, String treeId, byte[] path, int pathLength, byte[] hex) throws IOException {
      byte[] raw = readLoose(treeId, TREE_HEADER);
      if (raw == null) {
        raw = reader.open(ObjectId.fromString(treeId), Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
      }
      try {
        listEntries(reader, raw, path, pathLength, hex);
      } catch (ArrayIndexOutOfBoundsException e) {
        throw new org.eclipse.jgit.errors.CorruptObjectException("tree " + treeId + " is cut short");
      }
    }

    private void listEntries(ObjectReader reader, byte[] raw, byte[] path, int pathLength, byte[] hex)
        throws IOException {
      for (int p = 0; p < raw.length; ) {
        int mode = 0;
        for (; raw[p] != ' '; p++) {
          mode = mode * 8 + raw[p] - '0';
        }
        int nameStart = ++p;
        while (raw[p] != 0) {
          p++;
        }
        int nameLength = p - nameStart;
        int id = p + 1;
        p = id + Constants.OBJECT_ID_LENGTH;
        int type = mode & FileMode.TYPE_MASK;
        if (type == FileMode.TYPE_GITLINK) {
          continue; // a submodule: the clone path leaves these empty too
        }
        if (pathLength + nameLength + 1 > path.length) {
          path = java.util.Arrays.copyOf(path, 2 * (pathLength + nameLength + 1));
        }
        System.arraycopy(raw, nameStart, path, pathLength, nameLength);
        String objectId = GitStrings.hex(raw, id, hex);
        if (type == FileMode.TYPE_TREE) {
          path[pathLength + nameLength] = '/';
          list(reader, objectId, path, pathLength + nameLength + 1, hex);
          continue;
        }
        Mode m = type == FileMode.TYPE_SYMLINK ? Mode.SYMLINK
            : type == FileMode.TYPE_FILE && (mode & 0111) != 0 ? Mode.EXECUTABLE : Mode.FILE;
        files.add(new Entry(GitStrings.path(path, pathLength + nameLength), m, objectId));
      }
    }

    void write(Entry e, Path into) throws IOException {
      Path out = into.resolve(e.path());
      Files.createDirectories(out.getParent());
      ObjectLoader loader = repo.open(ObjectId.fromString(e.id()));
      if (e.mode() == Mode.SYMLINK) {
        Files.createSymbolicLink(out, Path.of(new String(loader.getCachedBytes(), StandardCharsets.UTF_8)));
        return;
      }
      try (OutputStream o = Files.newOutputStream(out)) {
        loader.copyTo(o);
      }
      if (e.mode() == Mode.EXECUTABLE) {
        try {
          Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ex) {
          out.toFile().setExecutable(true);
        }
      }
    }

    @Override
    public String commit() {
      return commit;
    }

    @Override
    public List<Entry> files() {
      return files;
    }

    @Override
    public byte[] read(Entry e) {
      byte[] loose = readLoose(e.id(), BLOB_HEADER);
      if (loose != null) {
        return loose;
      }
      try (ObjectReader reader = repo.newObjectReader()) {
        return reader.open(ObjectId.fromString(e.id())).getCachedBytes(Integer.MAX_VALUE);
      } catch (IOException ex) {
        throw new OperationException("cannot read " + e.path() + " of " + url + (ref == null ? "" : " at " + ref) + ": "
            + ex.getMessage(), ex);
      }
    }

    @Override
    public void sketch(Path into) {
      try {
        java.util.Set<String> dirs = new java.util.HashSet<>();
        for (Entry e : files) {
          int slash = e.path().lastIndexOf('/');
          if (slash < 0) {
            write(e, into);
          } else if (dirs.add(e.path().substring(0, slash))) {
            Files.createDirectories(into.resolve(e.path().substring(0, slash)));
          }
        }
      } catch (IOException ex) {
        throw new OperationException("cannot read " + url + (ref == null ? "" : " at " + ref) + ": " + ex.getMessage(), ex);
      }
    }

    @Override
    public boolean test(Entry e, dev.scaffold.update.TemplateTrees.BytesTest test) {
      byte[] scratch = SCRATCH.get();
      Loose loose = inflateLoose(e.id(), BLOB_HEADER, scratch);
      if (loose == null) {
        byte[] b = read(e);
        return test.test(b, b.length);
      }
      if (loose.bytes() != scratch && loose.bytes().length <= KEPT_BUFFER) {
        SCRATCH.set(loose.bytes()); // grown for a larger file: kept for the next
      }
      return test.test(loose.bytes(), loose.length());
    }

    /**
     * An object stored loose, of the type {@code header} names ({@code "blob "}, {@code "tree "}),
     * read and inflated in one go: half the cost of JGit's general path, which an update pays for
     * every file it compares. Null for anything else (packed, missing, another type), which JGit
     * then reads and reports on.
     */
    private byte[] readLoose(String id, byte[] header) {
      Loose loose = inflateLoose(id, header, null);
      return loose == null ? null : loose.bytes();
    }

    /** An inflated object's bytes: the first {@code length} of the array. */
    private record Loose(byte[] bytes, int length) {}

    /**
     * {@link #readLoose}, inflated into {@code scratch} when that is given and large enough
     * (else into a new array of the exact size).
     */
    private Loose inflateLoose(String id, byte[] header, byte[] scratch) {
      if (objects == null || id.length() != 40) {
        return null;
      }
      // the compressed bytes go to this thread's buffer: an update reads thousands of objects, and
      // a new array for each is garbage enough to cost a collection
      byte[] compressed = COMPRESSED.get();
      int length = 0;
      String file = new StringBuilder(objectsPrefix.length() + 41).append(objectsPrefix).append(id, 0, 2)
          .append(java.io.File.separatorChar).append(id, 2, 40).toString();
      // a plain stream: Files.readAllBytes' channel costs twice as much per small file
      try (java.io.FileInputStream in = new java.io.FileInputStream(file)) {
        for (int k; (k = in.read(compressed, length, compressed.length - length)) > 0; ) {
          length += k;
          if (length == compressed.length) {
            compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
          }
        }
      } catch (IOException | RuntimeException ex) {
        return null;
      }
      if (compressed.length <= KEPT_BUFFER) {
        COMPRESSED.set(compressed);
      }
      java.util.zip.Inflater inflater = INFLATER.get();
      inflater.reset();
      try {
        inflater.setInput(compressed, 0, length);
        byte[] head = new byte[32];
        int n = 0;
        int nul = -1;
        while (nul < 0 && n < head.length) {
          int k = inflater.inflate(head, n, head.length - n);
          if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
            break;
          }
          for (int i = n; i < n + k && nul < 0; i++) {
            if (head[i] == 0) {
              nul = i;
            }
          }
          n += k;
        }
        if (nul <= header.length || !java.util.Arrays.equals(head, 0, header.length, header, 0, header.length)) {
          return null;
        }
        int size = Integer.parseInt(new String(head, header.length, nul - header.length, StandardCharsets.US_ASCII));
        byte[] out = scratch != null && scratch.length >= size ? scratch : new byte[size];
        int have = Math.min(n - nul - 1, size);
        System.arraycopy(head, nul + 1, out, 0, have);
        if (n - nul - 1 > size) {
          return null;
        }
        while (have < size) {
          int k = inflater.inflate(out, have, size - have);
          if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
            return null;
          }
          have += k;
        }
        byte[] one = new byte[1];
        return inflater.finished() || inflater.inflate(one) == 0 && inflater.finished() ? new Loose(out, size) : null;
      } catch (java.util.zip.DataFormatException | NumberFormatException ex) {
        return null;
      }
    }

    /** The start of a loose object's header, by the object's type. */
    private static final byte[] BLOB_HEADER = "blob ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TREE_HEADER = "tree ".getBytes(StandardCharsets.US_ASCII);

    /** One inflater per thread, reset for each object: making one is a native allocation of its window. */
    private static final ThreadLocal<java.util.zip.Inflater> INFLATER =
        ThreadLocal.withInitial(java.util.zip.Inflater::new);

    /** Each thread's buffer for an object's compressed bytes; one grown past this is not kept. */
    private static final ThreadLocal<byte[]> COMPRESSED = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    private static final int KEPT_BUFFER = 1 << 20;

    /** Each thread's buffer for the bytes of a file {@link #test}ed, not kept. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    @Override
    public void complete(Path into) {
      try {
        for (Entry e : files) {
          if (e.path().indexOf('/') >= 0) {
            write(e, into);
          }
        }
      } catch (IOException ex) {
        throw new OperationException("cannot read " + url + (ref == null ? "" : " at " + ref) + ": " + ex.getMessage(), ex);
      }
    }

    @Override
    public void close() {
      repo.close();
    }
  }
}
