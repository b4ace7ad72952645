package dev.scaffold.template;

import dev.scaffold.FileModes;
import dev.scaffold.InputException;
import dev.scaffold.Progress;
import dev.scaffold.ScaffoldVersion;
import dev.scaffold.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the template a user named (bundled name, folder, git URL or local git repository), picks
 * its version and reads its {@code scaffold.yml}.
 */
public final class TemplateResolver {

  private final BundledTemplates catalog;
  private final TemplateFetcher fetcher;
  private final Path workingDir;
  private final Progress progress;

  public TemplateResolver(BundledTemplates catalog, TemplateFetcher fetcher, Path workingDir, Progress progress) {
    this.catalog = catalog;
    this.fetcher = fetcher;
    this.workingDir = workingDir;
    this.progress = progress;
  }

  /**
   * @param version a tag, or null for the newest release (SPEC §5)
   * @param prerelease whether the newest version may be a pre-release
   */
  public ResolvedTemplate resolve(String ref, String version, boolean prerelease) {
    if (ref == null || ref.isBlank()) {
      throw new InputException("no template given");
    }
    String bad = TemplateSources.problem(ref);
    if (bad != null) {
      throw InputException.at("template", "refused: " + bad);
    }
    Path dir = workingDir.resolve(ref).normalize();
    // a folder that merely shares a bundled template's name (say, a project made from it) does not shadow it
    boolean folder = !GitSources.isRemote(ref) && !ref.startsWith("file://") && Files.isDirectory(dir)
        && (Files.isRegularFile(dir.resolve("scaffold.yml")) || catalog.find(ref).isEmpty());
    if (folder) {
      String absolute = dir.toAbsolutePath().toString();
      if (fetcher.isRepository(dir)) {
        List<String> tags = fetcher.tags(absolute);
        if (version != null || tags.stream().anyMatch(t -> TemplateVersion.parse(t).isPresent())) {
          return fromGit(absolute, tags, version, prerelease);
        }
      }
      if (version != null) {
        throw InputException.at(ref, "--version needs a git repository, and this folder is not one");
      }
      return load(dir, new TemplateOrigin(TemplateOrigin.Kind.DIRECTORY, absolute, null, null), () -> {});
    }
    if (GitSources.looksLikeGit(ref)) {
      String url = GitSources.expand(ref);
      return fromGit(url, fetcher.tags(url), version, prerelease);
    }
    Optional<BundledTemplates.Entry> entry = catalog.find(ref);
    if (entry.isPresent()) {
      BundledTemplates.Entry e = entry.get();
      if (version != null && e.bundled() && !version.equals(ScaffoldVersion.current())) {
        throw InputException.at(ref, "bundled templates come in this scaffold's version (" + ScaffoldVersion.current() + ") only");
      }
      TemplateOrigin origin = e.bundled()
          ? new TemplateOrigin(TemplateOrigin.Kind.BUNDLED, ref, ScaffoldVersion.current(), null)
          : new TemplateOrigin(TemplateOrigin.Kind.DIRECTORY, e.root().toAbsolutePath().toString(), null, null);
      return load(e.root(), origin, () -> {}, e.bundled() ? catalog.modes(ref) : null);
    }
    String known = catalog.list().stream().map(BundledTemplates.Entry::name).collect(Collectors.joining(", "));
    throw InputException.at(ref, "no such template: not a folder, a git URL, or a bundled template (" + known + ")");
  }

  /**
   * {@code origin}'s source as a project provisioned on GitHub records it, seen from the project's
   * folder {@code project}: never a path of this machine ({@link SharedTemplateSource}).
   */
  public String sharedSource(TemplateOrigin origin, Path project) {
    return SharedTemplateSource.of(origin, project, fetcher);
  }

  /**
   * The version a git template resolves to: {@code version} if given (a tag, or any other ref the
   * checkout resolves: branch, {@code HEAD}, commit), else the newest tag, else null (head).
   */
  private String pickVersion(String url, List<String> tags, String version, boolean prerelease) {
    if (version != null) {
      String bad = tags.contains(version) ? null : GitSources.refProblem(version);
      if (bad != null) {
        throw InputException.at("--version " + version, bad);
      }
      return version;
    }
    for (String t : tags) {
      if (TemplateVersion.parse(t).isEmpty()) {
        progress.detail("ignoring tag `" + t + "`: not a version");
      }
    }
    return TemplateVersion.newest(tags, prerelease).map(TemplateVersion::tag).orElse(null);
  }

  private ResolvedTemplate fromGit(String url, List<String> tags, String version, boolean prerelease) {
    String tag = pickVersion(url, tags, version, prerelease);
    Path tmp = TempFolders.create("scaffold-template-");
    try {
      progress.step("fetch template " + url + (tag == null ? " (default branch)" : " at " + tag));
      String commit = fetcher.checkout(url, tag, tmp);
      return load(tmp, new TemplateOrigin(TemplateOrigin.Kind.GIT, url, tag, commit), () -> TempFolders.delete(tmp));
    } catch (RuntimeException e) {
      TempFolders.delete(tmp);
      throw e;
    }
  }

  private ResolvedTemplate load(Path root, TemplateOrigin origin, Runnable cleanup) {
    return load(root, origin, cleanup, null);
  }

  private ResolvedTemplate load(Path root, TemplateOrigin origin, Runnable cleanup, FileModes modes) {
    TemplateSpec spec;
    try {
      TemplateBoundary boundary = new TemplateBoundary(root, displayName(origin));
      String text = boundary.readSpec();
      if (text == null) {
        throw InputException.at(origin.source(), "is not a scaffold template: it has no scaffold.yml");
      }
      spec = SpecReader.read(text, displayName(origin));
      requireToolVersion(spec, displayName(origin));
      boundary.checkTree(spec.subdirectory());
    } catch (RuntimeException e) {
      cleanup.run();
      throw e;
    }
    return new ResolvedTemplate(spec, root, origin, cleanup, modes);
  }

  private static String displayName(TemplateOrigin origin) {
    return origin.kind() == TemplateOrigin.Kind.DIRECTORY
        ? Path.of(origin.source()).resolve("scaffold.yml").toString()
        : origin.source() + (origin.version() != null ? "@" + origin.version() : "") + ":scaffold.yml";
  }

  static void requireToolVersion(TemplateSpec spec, String where) {
    if (spec.minScaffoldVersion() == null) {
      return;
    }
    Optional<TemplateVersion> min = TemplateVersion.parse(spec.minScaffoldVersion());
    Optional<TemplateVersion> self = TemplateVersion.parse(ScaffoldVersion.current());
    if (min.isEmpty()) {
      throw InputException.at(where, "`min_scaffold_version` `" + spec.minScaffoldVersion() + "` is not a version");
    }
    if (self.isPresent() && self.get().compareTo(min.get()) < 0) {
      throw InputException.at(where, "needs scaffold " + spec.minScaffoldVersion() + " or newer; this is scaffold "
          + ScaffoldVersion.current() + ". Upgrade scaffold to use this template.");
    }
  }
}
