package dev.scaffold.template;

import dev.scaffold.FileModes;
import dev.scaffold.InputException;
import dev.scaffold.OperationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The templates shipped inside scaffold (class-path resources under {@code scaffold-templates/},
 * listed with their modes in {@code .index}), plus any found in the folders of
 * {@code SCAFFOLD_TEMPLATES_PATH}.
 */
public final class BundledTemplates {

  public static final String RESOURCE_DIR = "scaffold-templates";

  /**
   * The mode of every bundled template file ({@code MODE TEMPLATE/PATH} lines), checked in as
   * {@code templates/.index}: a jar keeps no modes, so they are recorded where it cannot lose them.
   */
  public static final String MODES_INDEX = ".index";

  /** A template that can be named without a path. */
  public record Entry(String name, String description, Path root, boolean bundled) {}

  private final List<Path> extraDirs;
  private Path bundledRoot;
  private FileModes modes;
  private ClasspathTemplates classpath; // null where the templates are a folder (development)

  public BundledTemplates(List<Path> extraDirs) {
    this.extraDirs = List.copyOf(extraDirs);
  }

  /** Reads {@code SCAFFOLD_TEMPLATES_PATH} (folders separated by the platform's path separator). */
  public static BundledTemplates fromEnvironment(Map<String, String> env) {
    List<Path> dirs = new ArrayList<>();
    String path = env.get("SCAFFOLD_TEMPLATES_PATH");
    if (path != null && !path.isBlank()) {
      for (String p : path.split(java.io.File.pathSeparator)) {
        if (!p.isBlank()) {
          dirs.add(Path.of(p));
        }
      }
    }
    return new BundledTemplates(dirs);
  }

  /** Every bundled template first, then those on the search path, each with its description. */
  public List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    Path root = bundledRoot();
    if (classpath != null) {
      classpath.copySpecs();
    }
    collect(root, true, out);
    for (Path dir : extraDirs) {
      collect(dir, false, out);
    }
    return out;
  }

  public Optional<Entry> find(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      return Optional.empty();
    }
    Path bundled = bundledRoot().resolve(name);
    if (classpath != null) {
      classpath.copyTemplate(name);
    }
    if (Files.isRegularFile(bundled.resolve("scaffold.yml"))) {
      return Optional.of(new Entry(name, null, bundled, true));
    }
    for (Path dir : extraDirs) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p.resolve("scaffold.yml"))) {
        return Optional.of(new Entry(name, null, p, false));
      }
    }
    return Optional.empty();
  }

  /** The recorded modes of bundled template {@code name}'s files, relative to its folder; null if not recorded. */
  public synchronized FileModes modes(String name) {
    FileModes all = index();
    return all == null ? null : all.under(name);
  }

  private synchronized FileModes index() {
    if (modes == null) {
      try (InputStream in = BundledTemplates.class.getResourceAsStream("/" + RESOURCE_DIR + "/" + MODES_INDEX)) {
        if (in == null) {
          return null;
        }
        modes = FileModes.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE_DIR + "/" + MODES_INDEX);
      } catch (IOException e) {
        throw new OperationException("cannot read the bundled templates' modes: " + e.getMessage(), e);
      }
    }
    return modes;
  }

  private static void collect(Path dir, boolean bundled, List<Entry> out) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        Path yml = p.resolve("scaffold.yml");
        if (Files.isRegularFile(yml)) {
          String name = p.getFileName().toString().replace("/", "");
          String description = null;
          try {
            // through the boundary: a scaffold.yml linked out of the template is not read, not even for this
            String text = new TemplateBoundary(p, yml.toString()).readSpec();
            description = text == null ? null : SpecReader.read(text, yml.toString()).description();
          } catch (InputException e) {
            description = "(invalid scaffold.yml: " + e.getMessage() + ")";
          }
          out.add(new Entry(name, description, p, bundled));
        }
      }
    } catch (IOException e) {
      throw new OperationException("cannot list templates in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Finds the templates beside the modes index: a folder in development, else (a jar, a native
   * image) a temporary copy made from class-path resources as they are needed.
   */
  private synchronized Path bundledRoot() {
    if (bundledRoot != null) {
      return bundledRoot;
    }
    URL index = BundledTemplates.class.getResource("/" + RESOURCE_DIR + "/" + MODES_INDEX);
    FileModes recorded = index();
    if (index == null || recorded == null) {
      throw new OperationException("cannot find the bundled templates: " + RESOURCE_DIR + "/" + MODES_INDEX + " is not on scaffold's class path");
    }
    try {
      if ("file".equals(index.getProtocol())) {
        bundledRoot = Path.of(index.toURI()).getParent();
      } else {
        classpath = new ClasspathTemplates(recorded);
        bundledRoot = classpath.root();
      }
      return bundledRoot;
    } catch (URISyntaxException | RuntimeException e) {
      throw new OperationException("cannot open the bundled templates: " + e.getMessage(), e);
    }
  }
}
