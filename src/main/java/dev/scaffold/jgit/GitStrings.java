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

  /** {@link AnyObjectId#name()}, through a scratch buffer of at least 40 bytes owned by the caller. */
  static String hex(AnyObjectId id, byte[] scratch) {
    id.copyTo(scratch, 0);
    return new String(scratch, 0, 2 * org.eclipse.jgit.lib.Constants.OBJECT_ID_LENGTH, StandardCharsets.ISO_8859_1);
  }
}
