package dev.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the small text files a user names ({@code --answers}, {@code --repos-file}, a project's
 * answers file, a template's {@code scaffold.yml}): regular files only, checked before opening
 * (opening a FIFO blocks until a writer comes), and never more than a cap (a device such as
 * {@code /dev/zero} or a file that grows never ends).
 */
public final class InputFiles {

  /** Generous for any answers file or {@code scaffold.yml}; a bigger one is a mistake or an attack. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private InputFiles() {}

  /** The UTF-8 text of {@code file}, or an input error naming it. */
  public static String readText(Path file, String name) {
    return readText(file, name, MAX_BYTES);
  }

  static String readText(Path file, String name, int maxBytes) {
    if (Files.isDirectory(file)) {
      throw InputException.at(name, "is a folder, not a file");
    }
    if (!Files.isRegularFile(file)) {
      throw InputException.at(name, Files.exists(file)
          ? "is not a regular file (a FIFO, socket or device is never read)"
          : "no such file");
    }
    byte[] bytes;
    try {
      if (Files.size(file) > maxBytes) {
        throw tooLarge(name, maxBytes); // at once, without reading; the read below caps a file that grows
      }
    } catch (IOException e) {
      throw InputException.at(name, "cannot be read: " + e.getMessage());
    }
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (NoSuchFileException e) {
      throw InputException.at(name, "no such file");
    } catch (AccessDeniedException e) {
      throw InputException.at(name, "cannot be read: permission denied");
    } catch (IOException e) {
      throw InputException.at(name, "cannot be read: " + e.getMessage());
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(name, maxBytes);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw InputException.at(name, "is not UTF-8 text");
    }
  }

  private static InputException tooLarge(String name, int maxBytes) {
    String limit = maxBytes % (1 << 20) == 0 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes";
    return InputException.at(name, "is larger than the " + limit + " limit for input files");
  }
}
