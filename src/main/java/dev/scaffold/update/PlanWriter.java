package dev.scaffold.update;

import dev.scaffold.ConfinedPaths;
import dev.scaffold.OperationException;
import dev.scaffold.ParallelWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Writes a {@link TreeMerger.Plan} into the project, on every core, never through a link. */
final class PlanWriter {

  /** Called with the number of files written after each one; a test's way to fail midway. */
  static volatile java.util.function.IntConsumer afterWrite = n -> {};

  private PlanWriter() {}

  /**
   * Writes a plan into the project: files first, then deletions, then folders left empty by them.
   * No write or deletion goes through a symbolic link: every folder between the project and a
   * file is checked to be a real one ({@link ConfinedPaths}), and a link at a file's own name is
   * refused, all before the first byte is written. Counts the files written on {@code progress} as "write".
   */
  static void apply(TreeMerger.Plan plan, Path project, dev.scaffold.Progress progress) {
    ConfinedPaths confined = new ConfinedPaths(project);
    // folders first, one at a time (made where missing, each checked once), then the files on
    // every core: a write is a few system calls, and an update may write thousands
    for (TreeMerger.Write w : plan.writes()) {
      prepare(confined, w.path());
    }
    for (String d : plan.deletes()) {
      prepare(confined, d);
    }
    writeAll(plan.writes(), confined, progress);
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
  private static void writeAll(List<TreeMerger.Write> planned, ConfinedPaths confined, dev.scaffold.Progress progress) {
    Map<String, TreeMerger.Write> byPath = new java.util.LinkedHashMap<>();
    planned.forEach(w -> byPath.put(w.path(), w));
    List<TreeMerger.Write> writes = List.copyOf(byPath.values());
    java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
    ParallelWork.forEach(writes, w -> {
      write(w, confined);
      int n = written.incrementAndGet();
      progress.count("write", n, writes.size());
      afterWrite.accept(n);
    }, "scaffold-write", 64);
  }

  private static void write(TreeMerger.Write w, ConfinedPaths confined) {
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

  /**
   * Writes bytes as {@link Files#copy} with {@code REPLACE_EXISTING} would copy a template file of
   * that mode: the old file removed, the new one made with the template file's permissions (rw for
   * all, plus x for all when executable) less the umask.
   */
  private static void writeAnew(Path target, byte[] content, boolean executable) throws IOException {
    Files.deleteIfExists(target);
    if (!executable || !ProjectFile.POSIX) {
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
