package dev.scaffold.engine;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Loads {@code <#include>}d and {@code <#import>}ed files from the template tree only, through
 * java.nio so it works on any file system. Names that leave the tree, directly or through a
 * symbolic link (or a chain of them), and anything but a regular file (a FIFO would block the
 * render for ever) are not found.
 */
final class ConfinedTemplateLoader implements TemplateLoader {

  private final Path root;
  /** The tree's real path, resolved on the first include (most renders have none). */
  private volatile Path realRoot;

  ConfinedTemplateLoader(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Object findTemplateSource(String name) throws IOException {
    Path p = root.resolve(name).normalize();
    if (!p.startsWith(root)) {
      return null;
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) {
        // the real path of the link, and of every folder above: a folder of the tree may be a link too
        if (!p.toRealPath().startsWith(realRoot())) {
          return null;
        }
        a = Files.readAttributes(p, BasicFileAttributes.class);
      } else if (!p.getParent().equals(root) && !p.getParent().toRealPath().startsWith(realRoot())) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    return a.isRegularFile() ? p : null;
  }

  private Path realRoot() throws IOException {
    Path r = realRoot;
    if (r == null) {
      r = root.toRealPath();
      realRoot = r;
    }
    return r;
  }

  @Override
  public long getLastModified(Object source) {
    return -1;
  }

  @Override
  public Reader getReader(Object source, String encoding) throws IOException {
    return Files.newBufferedReader((Path) source, java.nio.charset.Charset.forName(encoding));
  }

  @Override
  public void closeTemplateSource(Object source) {}
}
