package dev.scaffold.update;

import dev.scaffold.ConfinedPaths;
import dev.scaffold.OperationException;
import dev.scaffold.ParallelWork;
import dev.scaffold.answers.AnswersFile;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.render.Glob;
import dev.scaffold.update.FileOutcome.Action;
import dev.scaffold.update.RenderedTree.Content;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the change between two renders of a template (base → theirs) to a project (ours), file
 * by file, as a three-way merge. Rules, for each path either render has:
 *
 * <ul>
 *   <li>the template did not change it: left as the project has it;
 *   <li>the project still has the base version: takes the new one (or disappears, if removed);
 *   <li>both changed it: the user's change stays and the template's is merged in; lines both
 *       changed become a conflict (inline markers or a {@code .rej} file); binary files are kept;
 *   <li>the user deleted it: stays deleted; the template removed a file the user changed: kept;
 *   <li>a template file whose rendered path changed (an answer in the path changed) is followed:
 *       the user's file moves to the new path with the merge applied;
 *   <li>{@code skip_if_exists} paths that exist are never touched.
 * </ul>
 *
 * Files that neither render has are the user's own and are never read.
 */
public final class TreeMerger {

  /** Called with the number of files written after each one; a test's way to fail midway. */
  static volatile java.util.function.IntConsumer afterWrite = n -> {};

  /** Git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
  private static final int BINARY_PROBE = 8000;

  private final TextMerge textMerge;
  private final ConflictStyle style;
  private final Glob skipIfExists;
  private final String baseLabel;
  private final String theirsLabel;
  private final java.util.function.Predicate<String> newlyExcluded;

  /**
   * @param baseLabel how conflicts name the old version, such as {@code template 1.0.0}
   * @param theirsLabel how conflicts name the new version
   */
  public TreeMerger(TextMerge textMerge, ConflictStyle style, List<String> skipIfExists, String baseLabel, String theirsLabel) {
    this(textMerge, style, skipIfExists, baseLabel, theirsLabel, p -> false);
  }

  /**
   * @param newlyExcluded whether the new version's {@code exclude} covers a path the old version
   *     rendered: such a path is the project's own now, and is left alone rather than removed
   */
  public TreeMerger(TextMerge textMerge, ConflictStyle style, List<String> skipIfExists, String baseLabel,
      String theirsLabel, java.util.function.Predicate<String> newlyExcluded) {
    this.newlyExcluded = newlyExcluded;
    this.textMerge = textMerge;
    this.style = style;
    this.skipIfExists = new Glob(skipIfExists, "skip_if_exists");
    this.baseLabel = baseLabel;
    this.theirsLabel = theirsLabel;
  }

  /** What a merge would do, with the bytes to write; nothing written yet. */
  public record Plan(List<FileOutcome> outcomes, List<Write> writes, List<String> deletes) {

    public List<FileOutcome> conflicts() {
      return outcomes.stream().filter(o -> o.action() == Action.CONFLICT).toList();
    }
  }

  /**
   * One file to write.
   *
   * @param content the bytes, or null to copy {@code copyFrom}
   * @param executable whether the file should be executable, or null to leave its mode alone
   * @param madeAs for the template's bytes written in place of a copy of the template's file:
   *     whether that file is executable, so that the file is made anew with the mode a copy would
   *     have; null when {@code content} replaces the bytes of the project's file only
   */
  public record Write(String path, byte[] content, Path copyFrom, Boolean executable, Boolean madeAs) {

    public Write(String path, byte[] content, Path copyFrom, Boolean executable) {
      this(path, content, copyFrom, executable, null);
    }
  }

  /** One path to settle: where the user's file is, and where it is in each render. */
  private record Item(String path, String oursPath, String basePath, String theirsPath) {

    boolean renamed() {
      return basePath != null && theirsPath != null && !basePath.equals(theirsPath);
    }
  }

  private record Decision(FileOutcome outcome, List<Write> writes, List<String> deletes) {

    static Decision of(FileOutcome outcome) {
      return new Decision(outcome, List.of(), List.of());
    }
  }

  /** Decides every path; reads files in parallel, writes nothing. */
  public Plan plan(RenderedTree base, RenderedTree theirs, Path project) {
    return plan(base, theirs, project, Set.of());
  }

  /**
   * @param same paths known to render the same in base and theirs, which need not be read (and
   *     whose files the trees may lack)
   */
  public Plan plan(RenderedTree base, RenderedTree theirs, Path project, Set<String> same) {
    return plan(base, theirs, project, same, Map.of());
  }

  /**
   * @param unchanged the project's files that git found to hold exactly their blob's bytes, by
   *     path, with that blob's id ({@link GitRepo#workTree}): where the id shows there is nothing
   *     to do, the file is not even looked at; anything that would write is decided from the file
   */
  public Plan plan(RenderedTree base, RenderedTree theirs, Path project, Set<String> same,
      Map<String, GitRepo.TrackedFile> unchanged) {
    List<Item> items = items(base, theirs, project);
    List<Decision> decisions =
        (items.size() < 64 ? items.stream() : items.parallelStream())
            .map(i -> decideQuietly(i, base, theirs, project, same, unchanged))
            .toList();
    List<FileOutcome> outcomes = new ArrayList<>();
    List<Write> writes = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    for (Decision d : decisions) {
      outcomes.add(d.outcome());
      writes.addAll(d.writes());
      deletes.addAll(d.deletes());
    }
    return new Plan(outcomes, writes, deletes);
  }

  /**
   * Writes a plan into the project: files first, then deletions, then folders left empty by them.
   * No write or deletion goes through a symbolic link: every folder between the project and a
   * file is checked to be a real one ({@link ConfinedPaths}), and a link at a file's own name is
   * refused, all before the first byte is written.
   */
  public void apply(Plan plan, Path project) {
    ConfinedPaths confined = new ConfinedPaths(project);
    // folders first, one at a time (made where missing, each checked once), then the files on
    // every core: a write is a few system calls, and an update may write thousands
    for (Write w : plan.writes()) {
      prepare(confined, w.path());
    }
    for (String d : plan.deletes()) {
      prepare(confined, d);
    }
    writeAll(plan.writes(), confined);
    Set<Path> parents = new TreeSet<>();
    for (String d : plan.deletes()) {
      Path target = confined.root().resolve(d);
      try {
        Files.deleteIfExists(target); // a link is removed itself, never what it points at
        parents.add(target.getParent());
      } catch (IOException e) {
        throw new OperationException("cannot delete " + target + ": " + e.getMessage(), e);
      }
    }
    for (Path dir : parents) {
      pruneEmpty(dir, confined.root());
    }
  }

  private static void prepare(ConfinedPaths confined, String path) {
    Path target;
    try {
      target = confined.prepare(path);
    } catch (IOException e) {
      throw new OperationException("cannot write " + confined.root().resolve(path) + ": " + e.getMessage(), e);
    }
    ConfinedPaths.requireNoLink(target);
  }

  /**
   * The writes, on every core. A path written twice (a {@code .rej} file the template also has)
   * gets its last write, as one after the other would leave it. After a failure no write starts,
   * and the ones under way finish before it is reported, so that no file is left half written.
   */
  private static void writeAll(List<Write> planned, ConfinedPaths confined) {
    Map<String, Write> byPath = new java.util.LinkedHashMap<>();
    planned.forEach(w -> byPath.put(w.path(), w));
    List<Write> writes = List.copyOf(byPath.values());
    java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
    ParallelWork.forEach(writes, w -> {
      write(w, confined);
      afterWrite.accept(written.incrementAndGet());
    }, "scaffold-write", 64);
  }

  private static void write(Write w, ConfinedPaths confined) {
    Path target = confined.root().resolve(w.path());
    try {
      if (w.content() != null && w.madeAs() != null) {
        writeAnew(confined.prepare(w.path()), w.content(), w.madeAs());
      } else if (w.content() != null) {
        confined.write(w.path(), w.content()); // create or truncate, never through a link
      } else {
        // removes what is at the target (a link itself, not what it points at) and makes the file anew
        Files.copy(w.copyFrom(), confined.prepare(w.path()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (w.executable() != null) {
        setExecutable(target, w.executable());
      }
    } catch (IOException e) {
      throw new OperationException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private List<Item> items(RenderedTree base, RenderedTree theirs, Path project) {
    // a source rendered to a new path, whose old path is gone from the new render: a rename
    Map<String, String> vanishedBySource = new HashMap<>();
    base.sources().forEach((path, source) -> {
      if (!theirs.has(path)) {
        vanishedBySource.put(source, path);
      }
    });
    Set<String> renamedFrom = new HashSet<>();
    Map<String, String> renameOf = new HashMap<>();
    theirs.sources().forEach((path, source) -> {
      String old = base.has(path) ? null : vanishedBySource.get(source);
      if (old != null && Files.exists(project.resolve(old), LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(project.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
        renameOf.put(path, old);
        renamedFrom.add(old);
      }
    });
    TreeSet<String> paths = new TreeSet<>(base.sources().keySet());
    paths.addAll(theirs.sources().keySet());
    paths.remove(AnswersFile.NAME);
    List<Item> items = new ArrayList<>();
    for (String p : paths) {
      if (renamedFrom.contains(p)) {
        continue;
      }
      String old = renameOf.get(p);
      if (old != null) {
        items.add(new Item(p, old, old, p));
      } else {
        items.add(new Item(p, p, base.has(p) ? p : null, theirs.has(p) ? p : null));
      }
    }
    return items;
  }

  private Decision decideQuietly(Item item, RenderedTree base, RenderedTree theirs, Path project, Set<String> same,
      Map<String, GitRepo.TrackedFile> unchanged) {
    try {
      GitRepo.TrackedFile tracked = unchanged.get(item.oursPath());
      if (tracked != null) {
        // git's word settles only what needs no writing: the status may be stale (a file edited
        // while questions were answered) or blind (an edit that kept size and time), so whatever
        // would write or delete is decided again from the file itself
        Decision d = decide(item, base, theirs, project, same, tracked);
        if (d.writes().isEmpty() && d.deletes().isEmpty()) {
          return d;
        }
      }
      return decide(item, base, theirs, project, same, null);
    } catch (IOException e) {
      throw new OperationException("cannot read " + item.path() + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new OperationException("cannot read " + item.path() + ": " + e.getCause().getMessage(), e);
    }
  }

  /** @param tracked what git knows of the user's file when it is unchanged, else null */
  private Decision decide(Item item, RenderedTree base, RenderedTree theirs, Path project, Set<String> same,
      GitRepo.TrackedFile tracked) throws IOException {
    String path = item.path();
    String from = item.renamed() ? item.oursPath() : null;
    Path oursPath = project.resolve(item.oursPath());
    Content b = item.basePath() == null ? null : base.content(item.basePath());
    Content t = item.theirsPath() == null ? null : theirs.content(item.theirsPath());
    Ours ours = tracked != null ? Ours.tracked(oursPath, tracked) : Ours.of(oursPath);
    boolean oursExists = ours != null;
    boolean knownSame = !item.renamed() && item.basePath() != null && item.theirsPath() != null && same.contains(path);

    if (oursExists && !ours.regularFile) {
      if (knownSame || b != null && t != null && same(b, t)) {
        return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
      }
      return Decision.of(new FileOutcome(path, Action.CONFLICT, null,
          "is a folder or a link in your project, and the template has a file there; left alone"));
    }
    if (skipIfExists.matches(path) && (oursExists || item.basePath() != null)) {
      return Decision.of(new FileOutcome(path, Action.KEPT, null,
          oursExists ? "skip_if_exists: never touched by updates" : "skip_if_exists: deleted in your project"));
    }

    if (item.basePath() != null && item.theirsPath() != null) {
      boolean templateChanged = !knownSame && !same(b, t);
      if (!oursExists) {
        return Decision.of(templateChanged
            ? new FileOutcome(path, Action.KEPT, null, "deleted in your project; the template changed it, so it stays deleted")
            : new FileOutcome(path, Action.UNCHANGED, null, "deleted in your project"));
      }
      if (!templateChanged && !item.renamed()) {
        return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
      }
      List<String> moveAway = item.renamed() ? List.of(item.oursPath()) : List.of();
      if (same(ours, t)) {
        return item.renamed()
            ? new Decision(new FileOutcome(path, Action.UPDATED, from, null), List.of(copy(path, t, t.executable())), moveAway)
            : Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
      }
      boolean oursExec = ours.executable();
      boolean mode = modeAfter(oursExec, b.executable(), t.executable());
      if (sameBytes(ours, b)) {
        return new Decision(new FileOutcome(path, Action.UPDATED, from, null), List.of(copy(path, t, mode)), moveAway);
      }
      if (sameBytes(b, t)) {
        // only the path or the mode changed in the template; the user's content moves as it is
        byte[] mine = ours.bytes();
        return new Decision(new FileOutcome(path, item.renamed() ? Action.UPDATED : Action.MERGED, from, null),
            List.of(new Write(path, mine, null, mode)), moveAway);
      }
      return merge(path, from, b.bytes(), ours.bytes(), t.bytes(), mode, moveAway, p -> free(p, base, theirs, project));
    }

    if (item.basePath() != null) {
      if (!oursExists) {
        return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, "removed by the template and in your project"));
      }
      if (newlyExcluded.test(path)) {
        return Decision.of(new FileOutcome(path, Action.KEPT, null, "excluded by " + theirsLabel + ": left alone in your project"));
      }
      if (sameBytes(ours, b)) {
        return new Decision(new FileOutcome(path, Action.REMOVED, null, null), List.of(), List.of(path));
      }
      return Decision.of(new FileOutcome(path, Action.KEPT, null, "the template removed it, but you changed it, so it stays"));
    }

    if (!oursExists) {
      return new Decision(new FileOutcome(path, Action.ADDED, null, null), List.of(copy(path, t, t.executable())), List.of());
    }
    if (sameBytes(ours, t)) {
      return Decision.of(new FileOutcome(path, Action.UNCHANGED, null, null));
    }
    return merge(path, null, new byte[0], ours.bytes(), t.bytes(), null, List.of(), p -> free(p, base, theirs, project));
  }

  /** The template's file at {@code path}, as a copy of it would make it. */
  private static Write copy(String path, Content t, boolean mode) throws IOException {
    return t.file() != null
        ? new Write(path, null, t.file(), mode)
        : new Write(path, t.bytes(), null, mode, t.executable());
  }

  /**
   * The user's file: one status read up front (type, size, mode), its bytes read at most once and
   * only when its size does not already tell it apart.
   */
  private static final class Ours implements Content {

    final Path file;
    final boolean regularFile;
    private long size; // -1: not read yet
    final Boolean executable; // null: not read with the attributes
    private byte[] bytes;

    private Ours(Path file, boolean regularFile, long size, Boolean executable) {
      this.file = file;
      this.regularFile = regularFile;
      this.size = size;
      this.executable = executable;
    }

    /** A file git knows to be unchanged: a regular file with its blob's bytes, id and mode; not looked at. */
    static Ours tracked(Path p, GitRepo.TrackedFile t) {
      Ours o = new Ours(p, true, -1, t.executable());
      o.blobId = t.id();
      return o;
    }

    /** The user's file, or null when there is nothing at its path (or it cannot be read: as {@link Files#exists}). */
    static Ours of(Path p) {
      try {
        if (POSIX) {
          PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          return new Ours(p, a.isRegularFile(), a.size(),
              a.isRegularFile() ? a.permissions().contains(PosixFilePermission.OWNER_EXECUTE) : null);
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new Ours(p, a.isRegularFile(), a.size(), null);
      } catch (IOException | UnsupportedOperationException e) {
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          return new Ours(p, a.isRegularFile(), a.size(), null);
        } catch (IOException notThere) {
          return null;
        }
      }
    }

    @Override
    public synchronized long size() throws IOException {
      if (size < 0) {
        size = bytes != null ? bytes.length : Files.size(file);
      }
      return size;
    }

    @Override
    public synchronized byte[] bytes() throws IOException {
      if (bytes == null) {
        bytes = Files.readAllBytes(file);
      }
      return bytes;
    }

    @Override
    public boolean executable() throws IOException {
      return executable != null ? executable : new RenderedTree.FileContent(file).executable();
    }

    @Override
    public Path file() {
      return file;
    }

    private String blobId;

    static boolean hasBlobId(Content c) {
      return c.id() != null && c.id().length() == 40;
    }

    /** Whether git gave the file's id, so that it is known without reading the file. */
    synchronized boolean knowsId() {
      return blobId != null && bytes == null;
    }

    /** Git's (SHA-1) object id of the file's bytes as a blob. */
    synchronized String blobId() throws IOException {
      if (blobId == null) {
        blobId = TreeMerger.blobId(bytes());
      }
      return blobId;
    }
  }

  /** Git's (SHA-1) object id of bytes as a blob. */
  private static String blobId(byte[] b) {
    try {
      java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + b.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return java.util.HexFormat.of().formatHex(sha1.digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final boolean POSIX =
      java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** A path that neither render has and the project holds nothing at: rejects written there overwrite nothing. */
  private static boolean free(String p, RenderedTree base, RenderedTree theirs, Path project) {
    return !base.has(p) && !theirs.has(p) && !Files.exists(project.resolve(p), LinkOption.NOFOLLOW_LINKS);
  }

  /** @param free whether a path is free for a {@code .rej} file ({@link #free}) */
  private Decision merge(String path, String from, byte[] base, byte[] ours, byte[] theirs, Boolean mode,
      List<String> moveAway, java.util.function.Predicate<String> free) {
    if (isBinary(base) || isBinary(ours) || isBinary(theirs)) {
      String note = "binary file changed both in your project and in the template; yours kept"
          + (from != null ? " at " + from : "");
      return Decision.of(new FileOutcome(from != null ? from : path, Action.CONFLICT, null, note));
    }
    List<TextMerge.Chunk> chunks = textMerge.merge(base, ours, theirs);
    long conflicts = chunks.stream().filter(TextMerge.Chunk::conflict).count();
    if (conflicts == 0) {
      return new Decision(new FileOutcome(path, Action.MERGED, from, null), List.of(new Write(path, concat(chunks), null, mode)), moveAway);
    }
    String note = conflicts + (conflicts == 1 ? " conflict" : " conflicts");
    List<Write> writes = new ArrayList<>();
    if (style == ConflictStyle.INLINE) {
      writes.add(new Write(path, withMarkers(chunks), null, mode));
      note += " marked in the file";
    } else {
      writes.add(new Write(path, concat(chunks), null, mode));
      String rej = path + ".rej"; // or, where that is taken (earlier rejects, a file of the name), FILE.N.rej
      for (int n = 1; !free.test(rej); n++) {
        rej = path + "." + n + ".rej";
      }
      writes.add(new Write(rej, rejects(path, chunks), null, null));
      note += " in " + rej;
    }
    return new Decision(new FileOutcome(path, Action.CONFLICT, from, note), writes, moveAway);
  }

  private static byte[] concat(List<TextMerge.Chunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(c -> out.writeBytes(c.text()));
    return out.toByteArray();
  }

  private byte[] withMarkers(List<TextMerge.Chunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (TextMerge.Chunk c : chunks) {
      if (!c.conflict()) {
        out.writeBytes(c.text());
        continue;
      }
      line(out, "<<<<<<< yours");
      lines(out, c.text());
      line(out, "=======");
      lines(out, c.theirs());
      line(out, ">>>>>>> " + theirsLabel);
    }
    return out.toByteArray();
  }

  private byte[] rejects(String path, List<TextMerge.Chunk> chunks) {
    StringBuilder b = new StringBuilder();
    b.append("--- a/").append(path).append("\t(").append(baseLabel).append(")\n");
    b.append("+++ b/").append(path).append("\t(").append(theirsLabel).append(")\n");
    for (TextMerge.Chunk c : chunks) {
      if (!c.conflict()) {
        continue;
      }
      String base = new String(c.base(), StandardCharsets.UTF_8);
      String theirs = new String(c.theirs(), StandardCharsets.UTF_8);
      int bn = lineCount(base);
      int tn = lineCount(theirs);
      b.append("@@ -").append(range(c.baseLine(), bn)).append(" +").append(range(c.theirsLine(), tn)).append(" @@\n");
      prefixed(b, '-', base);
      prefixed(b, '+', theirs);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String range(int start0, int count) {
    // unified diff: an empty range names the line before it
    return (count == 0 ? start0 : start0 + 1) + "," + count;
  }

  private static int lineCount(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int n = (int) s.chars().filter(ch -> ch == '\n').count();
    return s.endsWith("\n") ? n : n + 1;
  }

  private static void prefixed(StringBuilder b, char sign, String text) {
    if (text.isEmpty()) {
      return;
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String l : body.split("\n", -1)) {
      b.append(sign).append(l).append('\n');
    }
    if (!text.endsWith("\n")) {
      b.append("\\ No newline at end of file\n");
    }
  }

  private static void line(ByteArrayOutputStream out, String s) {
    out.writeBytes((s + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void lines(ByteArrayOutputStream out, byte[] text) {
    out.writeBytes(text);
    if (text.length > 0 && text[text.length - 1] != '\n') {
      out.write('\n');
    }
  }

  static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, BINARY_PROBE);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** The user's mode change wins; otherwise the template's. */
  private static boolean modeAfter(boolean ours, boolean base, boolean theirs) {
    return ours == base ? theirs : ours;
  }

  private static boolean same(Content a, Content b) throws IOException {
    return sameBytes(a, b) && a.executable() == b.executable();
  }

  /** Equal bytes: by object id when both have one, else by size, then by content. */
  private static boolean sameBytes(Content a, Content b) throws IOException {
    if (a.id() != null && a.id().equals(b.id())) {
      return true;
    }
    // the user's file against a file of the object database: by git's id of its bytes, which
    // leaves the stored file unread
    if (a instanceof Ours o && Ours.hasBlobId(b)) {
      return o.blobId().equals(b.id());
    }
    if (b instanceof Ours o && Ours.hasBlobId(a)) {
      return o.blobId().equals(a.id());
    }
    // a file git vouches for against bytes in memory: hashing them beats reading the file
    if (a instanceof Ours o && o.knowsId() && b.file() == null && !(b instanceof Ours)) {
      return o.blobId().equals(blobId(b.bytes()));
    }
    if (b instanceof Ours o && o.knowsId() && a.file() == null && !(a instanceof Ours)) {
      return o.blobId().equals(blobId(a.bytes()));
    }
    if (a.size() != b.size()) {
      return false;
    }
    if (a.file() != null && b.file() != null) {
      return Files.mismatch(a.file(), b.file()) == -1;
    }
    return Arrays.equals(a.bytes(), b.bytes());
  }

  /**
   * Writes bytes as {@link Files#copy} with {@code REPLACE_EXISTING} would copy a template file of
   * that mode: the old file removed, the new one made with the template file's permissions (rw for
   * all, plus x for all when executable) less the umask.
   */
  private static void writeAnew(Path target, byte[] content, boolean executable) throws IOException {
    Files.deleteIfExists(target);
    if (!executable || !POSIX) {
      // made new (never through a link that appeared meanwhile): rw for all, less the umask
      try (java.io.OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE)) {
        out.write(content);
      }
      return;
    }
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rwxr-xr-x");
    try (var ch = Files.newByteChannel(target,
        java.util.EnumSet.of(java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE),
        PosixFilePermissions.asFileAttribute(mode))) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }

  private static void setExecutable(Path p, boolean executable) throws IOException {
    PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (v == null) {
      return;
    }
    Set<PosixFilePermission> perms = v.readAttributes().permissions();
    boolean now = perms.contains(PosixFilePermission.OWNER_EXECUTE);
    if (now == executable) {
      return;
    }
    Set<PosixFilePermission> next = new HashSet<>(perms);
    List<PosixFilePermission> exec = Arrays.asList(
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    if (executable) {
      next.add(PosixFilePermission.OWNER_EXECUTE);
      if (perms.contains(PosixFilePermission.GROUP_READ)) {
        next.add(PosixFilePermission.GROUP_EXECUTE);
      }
      if (perms.contains(PosixFilePermission.OTHERS_READ)) {
        next.add(PosixFilePermission.OTHERS_EXECUTE);
      }
    } else {
      next.removeAll(exec);
    }
    v.setPermissions(next);
  }

  private static void pruneEmpty(Path dir, Path root) {
    Path d = dir;
    while (d != null && !d.equals(root) && d.startsWith(root)) {
      try (var s = Files.list(d)) {
        if (s.findAny().isPresent()) {
          return;
        }
      } catch (IOException e) {
        return;
      }
      try {
        Files.delete(d);
      } catch (IOException e) {
        return;
      }
      d = d.getParent();
    }
  }
}
