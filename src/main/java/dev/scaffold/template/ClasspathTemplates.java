package dev.scaffold.template;

import dev.scaffold.FileModes;
import dev.scaffold.OperationException;
import dev.scaffold.TempFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Bundled templates inside a jar (or a native image), copied out on first use into a temporary
 * folder, removed on exit: each file read as a class-path resource named by the modes index, never
 * through the zip file-system provider, and given its recorded mode. Only what a command needs is
 * copied: every {@code scaffold.yml} to list, one template's files to render it.
 */
final class ClasspathTemplates {

  private final FileModes index;
  private final Path root;
  private final Set<String> copied = new HashSet<>();

  ClasspathTemplates(FileModes index) {
    this.index = index;
    this.root = TempFolders.create("scaffold-bundled-");
  }

  Path root() {
    return root;
  }

  /** Every template's {@code scaffold.yml}, for listing them. */
  synchronized void copySpecs() {
    for (String path : index.modes().keySet()) {
      int slash = path.indexOf('/');
      if (slash > 0 && path.substring(slash + 1).equals("scaffold.yml")) {
        copy(path);
      }
    }
  }

  /** Every file of template {@code name}; nothing if the index has no such template. */
  synchronized void copyTemplate(String name) {
    for (String path : index.modes().keySet()) {
      if (path.startsWith(name + "/")) {
        copy(path);
      }
    }
  }

  private void copy(String path) {
    if (!copied.add(path)) {
      return;
    }
    String resource = "/" + BundledTemplates.RESOURCE_DIR + "/" + path;
    Path out = root.resolve(path);
    try (InputStream in = ClasspathTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OperationException("bundled template file " + path + " is missing from scaffold's class path");
      }
      Files.createDirectories(out.getParent());
      Files.copy(in, out);
      if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(out, index.permissions(path));
      }
    } catch (IOException e) {
      throw new OperationException("cannot copy bundled template file " + path + ": " + e.getMessage(), e);
    }
  }
}
