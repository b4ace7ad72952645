package dev.scaffold.template;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a project provisioned on GitHub records a template that is a folder on this machine. Its
 * answers file is pushed, and a path of this machine means nothing to anyone else and tells where
 * the user keeps things: a folder that is a git checkout with a URL remote {@code origin} is
 * recorded by that URL (github.com's as {@code gh:OWNER/NAME}), from which anyone can update; any
 * other folder by its path relative to the project, which still finds it from the project's folder
 * here. Other sources are recorded as given.
 */
public final class SharedTemplateSource {

  private static final Pattern GITHUB = Pattern.compile(
      "^(?:https?://(?:[^/@]*@)?|ssh://(?:[^/@]*@)?|git://|git@)github\\.com[:/]"
          + "([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/@]*)@");

  private SharedTemplateSource() {}

  /** {@code origin}'s source as recorded in the project at {@code project}. */
  public static String of(TemplateOrigin origin, Path project, TemplateFetcher fetcher) {
    Path folder = localFolder(origin);
    if (folder == null) {
      return origin.source();
    }
    String url = fetcher.originUrl(folder);
    if (url != null && GitSources.isRemote(url)) {
      String shared = shorthand(withoutCredentials(url));
      if (TemplateSources.problem(shared) == null) {
        return shared;
      }
    }
    return relative(folder, project);
  }

  /** The folder a source names on this machine, or null for a bundled name or a URL of another host. */
  private static Path localFolder(TemplateOrigin origin) {
    String source = origin.source();
    try {
      return switch (origin.kind()) {
        case BUNDLED -> null;
        case DIRECTORY -> Path.of(source).toAbsolutePath().normalize();
        case GIT -> source.regionMatches(true, 0, "file://", 0, 7) ? Path.of(URI.create(source)).normalize()
            : !GitSources.isRemote(source) && Path.of(source).isAbsolute() ? Path.of(source).normalize() : null;
      };
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** {@code gh:OWNER/NAME} for a repository on github.com, as template sources are written; others as they are. */
  static String shorthand(String url) {
    Matcher m = GITHUB.matcher(url);
    return m.matches() ? "gh:" + m.group(1) + "/" + m.group(2) : url;
  }

  /**
   * The URL without a password or token: an https remote may carry one ({@code
   * https://TOKEN@host/...}), which would be pushed with the answers file. An ssh user stays.
   */
  static String withoutCredentials(String url) {
    Matcher m = USER_INFO.matcher(url);
    if (!m.find()) {
      return url;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String user = m.group(2);
    String kept = scheme.startsWith("http") || user.isEmpty() ? "" : user.split(":", 2)[0] + "@";
    return m.group(1) + "://" + kept + url.substring(m.end());
  }

  /** {@code ../templates/svc} or {@code ./tpl}: always with a leading dot, so it never reads as a bundled name. */
  static String relative(Path folder, Path project) {
    Path from = project.toAbsolutePath().normalize();
    String rel;
    try {
      rel = from.relativize(folder).toString().replace(java.io.File.separatorChar, '/');
    } catch (IllegalArgumentException e) {
      return folder.toString(); // another drive: no relative path leads there
    }
    if (rel.isEmpty()) {
      return ".";
    }
    return rel.equals("..") || rel.startsWith("../") ? rel : "./" + rel;
  }
}
