package dev.scaffold.update;

import dev.scaffold.publish.GitRepo;
import dev.scaffold.update.RenderedTree.Content;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/**
 * The user's file: one status read up front (type, size, mode), its bytes read at most once and
 * only when its size does not already tell it apart.
 */
final class ProjectFile implements Content {

  /** The file, or null until asked for: a tracked file an update leaves alone is never resolved. */
  private Path file;
  private final Path project;
  private final String relative;
  final boolean regularFile;
  private long size; // -1: not read yet
  private Boolean executable; // null: not known yet
  /** The mode is read from these when first asked for: most files an update decides never need it. */
  private PosixFileAttributes modeFrom;
  private byte[] bytes;

  private ProjectFile(Path file, boolean regularFile, long size, PosixFileAttributes modeFrom) {
    this(file, null, null, regularFile, size, null);
    this.modeFrom = modeFrom;
  }

  private ProjectFile(Path file, Path project, String relative, boolean regularFile, long size, Boolean executable) {
    this.file = file;
    this.project = project;
    this.relative = relative;
    this.regularFile = regularFile;
    this.size = size;
    this.executable = executable;
  }

  /** A file git knows to be unchanged: a regular file with its blob's bytes, id and mode; not looked at. */
  static ProjectFile tracked(Path project, String relative, GitRepo.TrackedFile t) {
    ProjectFile o = new ProjectFile(null, project, relative, true, -1, t.executable());
    o.blobId = t.id();
    return o;
  }

  /** The user's file, or null when there is nothing at its path (or it cannot be read: as {@link Files#exists}). */
  static ProjectFile of(Path p) {
    try {
      if (POSIX) {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new ProjectFile(p, a.isRegularFile(), a.size(), a.isRegularFile() ? a : null);
      }
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new ProjectFile(p, a.isRegularFile(), a.size(), (PosixFileAttributes) null);
    } catch (IOException | UnsupportedOperationException e) {
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new ProjectFile(p, a.isRegularFile(), a.size(), (PosixFileAttributes) null);
      } catch (IOException notThere) {
        return null;
      }
    }
  }

  @Override
  public synchronized long size() throws IOException {
    if (size < 0) {
      size = bytes != null ? bytes.length : Files.size(file());
    }
    return size;
  }

  @Override
  public synchronized byte[] bytes() throws IOException {
    if (bytes == null) {
      bytes = Files.readAllBytes(file());
    }
    return bytes;
  }

  @Override
  public synchronized boolean executable() throws IOException {
    if (executable == null) {
      executable = modeFrom != null ? modeFrom.permissions().contains(PosixFilePermission.OWNER_EXECUTE)
          : new RenderedTree.FileContent(file()).executable();
      modeFrom = null;
    }
    return executable;
  }

  @Override
  public synchronized Path file() {
    if (file == null) {
      file = project.resolve(relative);
    }
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
      blobId = bytes != null ? BlobIds.of(bytes) : hashRead();
    }
    return blobId;
  }

  /**
   * The id of the file's bytes, read into this thread's buffer and not kept: most files an update
   * hashes are only compared (the user left them as the old version made them), and never read again.
   */
  private String hashRead() throws IOException {
    byte[] buffer = READ.get();
    int length = 0;
    Path f = file();
    try (java.io.InputStream in = f.getFileSystem() == java.nio.file.FileSystems.getDefault()
        ? new java.io.FileInputStream(f.toFile()) : Files.newInputStream(f)) {
      for (int k; (k = in.read(buffer, length, buffer.length - length)) > 0; ) {
        length += k;
        if (length == buffer.length) {
          if (buffer.length >= KEPT_BUFFER) {
            // a large file: read whole and kept, as bytes() would
            bytes = Files.readAllBytes(f);
            return BlobIds.of(bytes);
          }
          buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
          READ.set(buffer);
        }
      }
    }
    return BlobIds.of(buffer, length);
  }

  private static final ThreadLocal<byte[]> READ = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
  private static final int KEPT_BUFFER = 1 << 20;

  static final boolean POSIX =
      java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
}
