package dev.scaffold.jgit;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Paths and object ids as strings, made with one allocation each. An update turns every entry of
 * the project's index and of two template trees into strings; JGit's own conversions (a decoder
 * per path, a char array per id) made that garbage enough to cost a collection.
 */
final class GitStrings {

  private GitStrings() {}

  /** A path's bytes as JGit decodes them: pure ASCII directly, anything else through JGit. */
  static String path(byte[] raw) {
    for (byte b : raw) {
      if (b < 0) {
        return RawParseUtils.decode(raw);
      }
    }
    return new String(raw, StandardCharsets.ISO_8859_1);
  }

  /** {@link #path(byte[])} of the first {@code length} bytes of {@code raw}. */
  static String path(byte[] raw, int length) {
    for (int i = 0; i < length; i++) {
      if (raw[i] < 0) {
        return RawParseUtils.decode(raw, 0, length);
      }
    }
    return new String(raw, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** The hex name of the 20-byte object id at {@code raw[offset]}, through a scratch buffer of at least 40 bytes. */
  static String hex(byte[] raw, int offset, byte[] scratch) {
    for (int i = 0; i < org.eclipse.jgit.lib.Constants.OBJECT_ID_LENGTH; i++) {
      int b = raw[offset + i] & 0xff;
      scratch[2 * i] = HEX[b >>> 4];
      scratch[2 * i + 1] = HEX[b & 0xf];
    }
    return new String(scratch, 0, 2 * org.eclipse.jgit.lib.Constants.OBJECT_ID_LENGTH, StandardCharsets.ISO_8859_1);
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** {@link AnyObjectId#name()}, through a scratch buffer of at least 40 bytes owned by the caller. */
  static String hex(AnyObjectId id, byte[] scratch) {
    id.copyTo(scratch, 0);
    return new String(scratch, 0, 2 * org.eclipse.jgit.lib.Constants.OBJECT_ID_LENGTH, StandardCharsets.ISO_8859_1);
  }
}
