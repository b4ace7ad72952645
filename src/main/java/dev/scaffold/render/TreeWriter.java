package dev.scaffold.render;

import dev.scaffold.ConfinedPaths;
import dev.scaffold.OperationException;
import dev.scaffold.ParallelWork;
import dev.scaffold.engine.TemplateEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a {@link RenderPlan} into a folder: folders first, then files in parallel on every core,
 * plain rendered files in one write each, others streamed to disk by FreeMarker, copied files byte
 * for byte, all with their source's permissions.
 */
public final class TreeWriter {

  /** Create or truncate, as {@link Files#write} does, but never through a link at the file's name. */
  private static final OpenOption[] NO_FOLLOW = {
    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS
  };

  /** Only a new file, never through a link (O_EXCL does not follow one). */
  private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private final TemplateEngine engine;

  public TreeWriter(TemplateEngine engine) {
    this.engine = engine;
  }

  /** Writes every entry under {@code target}, which should be a new, empty folder. */
  public void write(RenderPlan plan, Map<String, ?> model, Path target) {
    write(plan, model, target, dev.scaffold.Progress.NONE);
  }

  /** {@link #write(RenderPlan, Map, Path)}, counting the files written on {@code progress} as "render". */
  public void write(RenderPlan plan, Map<String, ?> model, Path target, dev.scaffold.Progress progress) {
    // below the target, folders are made one at a time, each checked to be a real folder, and
    // files opened without following a link at their name: nothing lands outside, whatever is there
    ConfinedPaths confined = new ConfinedPaths(target);
    try {
      Files.createDirectories(target);
      for (PlannedEntry e : plan.entries()) {
        if (!e.isFile()) {
          confined.folder(e.path());
        }
      }
    } catch (IOException e) {
      throw new OperationException("cannot create folders in " + target + ": " + e.getMessage(), e);
    }
    List<PlannedEntry> files = plan.files();
    boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
    CreatedModes modes = new CreatedModes();
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    long total = files.size();
    forEachInParallel(files, e -> {
      writeFile(e, model, confined.root().resolve(e.path()), posix, modes);
      progress.count("render", done.incrementAndGet(), total);
    });
  }

  /** Renders every file to nowhere: finds template errors without writing (for dry runs and lint). */
  public void check(RenderPlan plan, Map<String, ?> model) {
    forEachInParallel(
        plan.files().stream().filter(e -> e.kind() == PlannedEntry.Kind.RENDER).toList(),
        e -> engine.renderFile(read(e), e.sourceName(), model, Writer.nullWriter()));
  }

  private void writeFile(PlannedEntry e, Map<String, ?> model, Path out, boolean posix, CreatedModes modes) {
    try {
      if (e.kind() == PlannedEntry.Kind.RENDER) {
        String text = read(e);
        String plain = engine.renderPlain(text, e.sourceName(), model);
        if (plain != null) {
          // most files: rendered in memory and written in one call, made with their mode where that
          // needs no chmod after
          byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
          boolean made = posix && modes.mayCreate(e.permissions()) && writeNew(out, bytes, e.permissions());
          if (!made) {
            Files.write(out, bytes, NO_FOLLOW);
          } else if (modes.confirm(e.permissions(), out)) {
            return;
          }
        } else {
          // a buffer near the file's size: a 16 K one per small file was most of the allocation
          int size = Math.max(512, Math.min(16 * 1024, text.length()));
          try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out, NO_FOLLOW), StandardCharsets.UTF_8), size)) {
            engine.renderFile(text, e.sourceName(), model, w);
          }
        }
      } else if (e.source().getFileSystem() == out.getFileSystem()) {
        Files.copy(e.source(), out);
      } else {
        try (InputStream in = Files.newInputStream(e.source()); OutputStream o = Files.newOutputStream(out, NO_FOLLOW)) {
          in.transferTo(o);
        }
      }
      if (posix && e.permissions() != null) {
        Files.getFileAttributeView(out, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setPermissions(e.permissions());
      }
    } catch (IOException ex) {
      throw new OperationException("cannot write " + out + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * Which permissions a new file of this write gets exactly as it is made: those the umask leaves
   * whole ({@link Umask}), once the first file made with them shows it (a default ACL on the folder
   * can change them too; it is the same for every folder made below the target). Such files need
   * no {@code chmod}.
   */
  private static final class CreatedModes {

    /** Permission bits → whether a file made with them has them; absent: not seen yet. */
    private final Map<Integer, Boolean> seen = new java.util.concurrent.ConcurrentHashMap<>();

    boolean mayCreate(Set<PosixFilePermission> permissions) {
      return permissions != null && Umask.keeps(permissions) && seen.get(Umask.bits(permissions)) != Boolean.FALSE;
    }

    /** Whether {@code made}, just made with {@code permissions}, has them (looked at only until known). */
    boolean confirm(Set<PosixFilePermission> permissions, Path made) throws IOException {
      int bits = Umask.bits(permissions);
      if (seen.get(bits) == Boolean.TRUE) {
        return true;
      }
      boolean exact = Files.getFileAttributeView(made, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes().permissions().equals(permissions);
      seen.put(bits, exact);
      return exact;
    }
  }

  /**
   * Makes {@code out} a new file with {@code permissions} (which the umask leaves whole) holding
   * {@code bytes}, in one write; false, having written nothing, when something is at its name
   * already (the caller then writes over it as ever, never through a link).
   */
  private static boolean writeNew(Path out, byte[] bytes, Set<PosixFilePermission> permissions)
      throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(out, CREATE_NEW, PosixFilePermissions.asFileAttribute(permissions))) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    }
  }

  private static String read(PlannedEntry e) {
    try {
      return new String(Files.readAllBytes(e.source()), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Runs {@code action} on every entry using all cores; failures surface as thrown. */
  private static void forEachInParallel(List<PlannedEntry> entries, Consumer<PlannedEntry> action) {
    try {
      // a failure stops new writes and waits for those under way, so that the caller's removal of
      // the folder never races a write still in progress
      ParallelWork.forEach(entries, action, "scaffold-render", 16);
    } catch (UncheckedIOException e) {
      throw new OperationException("cannot read a template file: " + e.getCause().getMessage(), e);
    }
  }
}
