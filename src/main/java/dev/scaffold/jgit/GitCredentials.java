package dev.scaffold.jgit;

import dev.scaffold.TokenScope;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The GitHub token as git's HTTP credentials (the Basic password of {@code x-access-token}), for
 * URLs its {@link TokenScope} allows and no other: not to a {@code clone_url} on another host, not
 * over plain http away from this machine, not to the host a redirect names (JGit drops a login on a
 * redirect to another host; this provider then refuses the new host's 401 too). The token is asked
 * for at each connection, so a GitHub App's installation token, renewed before it expires, serves
 * long fleet runs.
 */
final class GitCredentials {

  static final String USER = "x-access-token";

  private final String user;
  private final Supplier<String> token;
  private final TokenScope scope;
  /** Every token handed to git so far, for scrubbing messages: a renewed one may name an older one. */
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  /** @param token null or blank for none */
  GitCredentials(String user, String token, TokenScope scope) {
    this(user, () -> token, scope);
  }

  /** @param token asked for at each connection; null or blank for none */
  GitCredentials(String user, Supplier<String> token, TokenScope scope) {
    this.user = user;
    this.token = token == null ? () -> null : token;
    this.scope = scope;
  }

  /** The current token, or null for none. */
  private String token() {
    String t = token.get();
    if (t == null || t.isBlank()) {
      return null;
    }
    used.add(t);
    return t;
  }

  /** True when the token may go to {@code url}, as both java.net and JGit read its host. */
  boolean allows(String url) {
    if (scope == null || !scope.allowsGit(url)) {
      return false;
    }
    try {
      URIish u = new URIish(url);
      String seen = u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/";
      return scope.allowsGit(seen) && token() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Credentials for {@code url} if it is allowed, else null (git then sends none). */
  CredentialsProvider provider(String url) {
    if (!allows(url)) {
      return null;
    }
    CredentialsProvider items = new UsernamePasswordCredentialsProvider(user, "");
    return new CredentialsProvider() {
      @Override
      public boolean isInteractive() {
        return false;
      }

      @Override
      public boolean supports(CredentialItem... asked) {
        return items.supports(asked);
      }

      @Override
      public boolean get(URIish uri, CredentialItem... asked) {
        String t = uri != null && allows(uri.toString()) ? token() : null;
        return t != null && new UsernamePasswordCredentialsProvider(user, t).get(uri, asked);
      }
    };
  }

  /** Sends the credentials with the first request to an allowed URL instead of waiting for a 401. */
  TransportConfigCallback preemptive() {
    return t -> {
      if (t instanceof TransportHttp http && allows(t.getURI().toString())) {
        http.setPreemptiveBasicAuthentication(user, token());
      }
    };
  }

  /** Removes the token (and any earlier one) from text that may reach the user. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    token(); // the current one too, even before any connection
    String out = text;
    for (String t : used) {
      out = out.replace(t, "***");
    }
    return out;
  }
}
