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
    try {
      java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + b.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return java.util.HexFormat.of().formatHex(sha1.digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

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
