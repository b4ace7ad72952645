package dev.scaffold.update;

import dev.scaffold.update.RenderedTree.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * Whether two contents are the same, by git's blob id where one is known: the template's files
 * read from an object database carry theirs, and the project's files git found unchanged carry
 * theirs, so most comparisons of an update read neither file.
 */
final class BlobIds {

  private BlobIds() {}

  /** Git's (SHA-1) object id of bytes as a blob. */
  static String of(byte[] b) {
    return of(b, b.length);
  }

  /**
   * Git's object id of the first {@code length} bytes of {@code b} as a blob. An update hashes
   * every file it must check, so the digest and its scratch space are kept per thread, and the id
   * is made as one string.
   */
  static String of(byte[] b, int length) {
    Hashing h = HASHING.get();
    int n = 0;
    for (byte c : BLOB) {
      h.scratch[n++] = c;
    }
    String size = Integer.toString(length);
    for (int i = 0; i < size.length(); i++) {
      h.scratch[n++] = (byte) size.charAt(i);
    }
    h.scratch[n++] = 0;
    h.sha1.update(h.scratch, 0, n);
    h.sha1.update(b, 0, length);
    try {
      h.sha1.digest(h.scratch, 0, 20);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 19; i >= 0; i--) { // from the end: each byte's two digits land beyond it
      int v = h.scratch[i] & 0xff;
      h.scratch[2 * i] = HEX[v >>> 4];
      h.scratch[2 * i + 1] = HEX[v & 0xf];
    }
    return new String(h.scratch, 0, 40, StandardCharsets.ISO_8859_1);
  }

  private static final byte[] BLOB = "blob ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** A thread's SHA-1 and the bytes it writes a header and an id into. */
  private static final class Hashing {
    final java.security.MessageDigest sha1;
    final byte[] scratch = new byte[40];

    Hashing() {
      try {
        sha1 = java.security.MessageDigest.getInstance("SHA-1");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final ThreadLocal<Hashing> HASHING = ThreadLocal.withInitial(Hashing::new);

  static boolean same(Content a, Content b) throws IOException {
    return sameBytes(a, b) && a.executable() == b.executable();
  }

  /** Equal bytes: by object id when both have one, else by size, then by content. */
  static boolean sameBytes(Content a, Content b) throws IOException {
    if (a.id() != null && a.id().equals(b.id())) {
      return true;
    }
    // two blobs of object databases with different ids: different bytes, and neither need be read
    if (a.id() != null && b.id() != null && a.id().length() == b.id().length()) {
      return false;
    }
    // the user's file against a file of the object database: by git's id of its bytes, which
    // leaves the stored file unread
    if (a instanceof ProjectFile o && ProjectFile.hasBlobId(b)) {
      return o.blobId().equals(b.id());
    }
    if (b instanceof ProjectFile o && ProjectFile.hasBlobId(a)) {
      return o.blobId().equals(a.id());
    }
    // a file git vouches for against bytes in memory: hashing them beats reading the file
    if (a instanceof ProjectFile o && o.knowsId() && b.file() == null && !(b instanceof ProjectFile)) {
      return o.blobId().equals(of(b.bytes()));
    }
    if (b instanceof ProjectFile o && o.knowsId() && a.file() == null && !(a instanceof ProjectFile)) {
      return o.blobId().equals(of(a.bytes()));
    }
    if (a.size() != b.size()) {
      return false;
    }
    if (a.file() != null && b.file() != null) {
      return Files.mismatch(a.file(), b.file()) == -1;
    }
    return Arrays.equals(a.bytes(), b.bytes());
  }
}
