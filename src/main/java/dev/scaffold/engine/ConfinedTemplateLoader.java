package dev.scaffold.engine;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads {@code <#include>}d and {@code <#import>}ed files from the template tree only, through
 * java.nio so it works on any file system. Names that leave the tree, directly or through a
 * symbolic link, are not found.
 */
final class ConfinedTemplateLoader implements TemplateLoader {

  private final Path root;

  ConfinedTemplateLoader(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Object findTemplateSource(String name) throws IOException {
    Path p = root.resolve(name).normalize();
    if (!p.startsWith(root) || !Files.isRegularFile(p)) {
      return null;
    }
    if (root.getFileSystem() == java.nio.file.FileSystems.getDefault()
        && !p.toRealPath().startsWith(root.toRealPath())) {
      return null;
    }
    return p;
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
