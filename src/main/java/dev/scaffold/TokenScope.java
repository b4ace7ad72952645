package dev.scaffold;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where the GitHub token may go: the API's origin, and git on that same GitHub (the API's own
 * origin; for an API on {@code api.HOST}, also {@code HOST}: api.github.com serves git from
 * github.com, GitHub Enterprise from the host of {@code https://HOST/api/v3}). Always over https,
 * or plain http to this machine (127.0.0.0/8, ::1, localhost). The one decision every request
 * that carries the token asks: API calls, pushes, clones and template fetches.
 */
public final class TokenScope {

  private final String apiUrl;
  private final String source;
  private final String apiOrigin;
  private final Set<String> gitOrigins;

  private TokenScope(String apiUrl, String source) {
    this.apiUrl = apiUrl;
    this.source = source;
    this.apiOrigin = origin(apiUrl);
    Set<String> git = new LinkedHashSet<>();
    if (apiOrigin != null && isSecure(apiUrl)) {
      git.add(apiOrigin);
      URI u = URI.create(apiUrl);
      String host = u.getHost().toLowerCase(Locale.ROOT);
      if (host.startsWith("api.") && host.length() > 4) {
        git.add(origin(u.getScheme() + "://" + host.substring(4) + (u.getPort() < 0 ? "" : ":" + u.getPort())));
      }
    }
    this.gitOrigins = Set.copyOf(git);
  }

  /**
   * @param apiUrl the GitHub API's base URL
   * @param source where it was set ({@code --github-url}, a variable), for messages
   */
  public static TokenScope forApi(String apiUrl, String source) {
    return new TokenScope(apiUrl, source);
  }

  public String apiUrl() {
    return apiUrl;
  }

  /**
   * Refuses an API the token cannot safely go to: not an http(s) URL, or plain http to another
   * machine, where anyone on the way could read it.
   */
  public void requireSafeApi() {
    if (apiOrigin == null) {
      throw InputException.at(source + " " + apiUrl, "is not an http or https URL of a GitHub API");
    }
    if (!isSecure(apiUrl)) {
      throw InputException.at(source + " " + apiUrl, "the GitHub token is sent only over https (plain http only "
          + "to this machine); use " + apiUrl.replaceFirst("(?i)^http:", "https:"));
    }
  }

  /** True when a request to {@code url} may carry the token as an API call. */
  public boolean allowsApi(String url) {
    return apiOrigin != null && apiOrigin.equals(origin(url)) && isSecure(url);
  }

  /** True when git may send the token to {@code url}: on this GitHub, over https or to loopback. */
  public boolean allowsGit(String url) {
    String origin = origin(url);
    return origin != null && gitOrigins.contains(origin) && isSecure(url);
  }

  /** Why the token is not sent to {@code url}, for an error that names neither the token nor any secret. */
  public String refusal(String url) {
    return "refusing the git URL " + url + ": it is not on the GitHub in use (" + (gitOrigins.isEmpty() ? apiUrl
        : String.join(", ", gitOrigins)) + "), and the token goes nowhere else";
  }

  /**
   * {@code scheme://host}, with {@code :port} where not the scheme's default, lower case, of an
   * http(s) URL; null for any other URL or one that does not parse.
   */
  public static String origin(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (u.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
        return null;
      }
      int port = u.getPort();
      boolean defaultPort = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** https, or http to this machine. */
  static boolean isSecure(String url) {
    String origin = origin(url);
    if (origin == null) {
      return false;
    }
    return origin.startsWith("https://") || isLoopback(URI.create(url).getHost());
  }

  /** 127.0.0.0/8, ::1 or localhost, read from the text alone: no name is looked up. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
        || h.equals("[0:0:0:0:0:0:0:1]")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
