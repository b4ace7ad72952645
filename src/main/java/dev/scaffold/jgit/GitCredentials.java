package dev.scaffold.jgit;

import dev.scaffold.TokenScope;
import java.net.URISyntaxException;
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
 * redirect to another host; this provider then refuses the new host's 401 too).
 */
final class GitCredentials {

  static final String USER = "x-access-token";

  private final String user;
  private final String token;
  private final TokenScope scope;

  /** @param token null or blank for none */
  GitCredentials(String user, String token, TokenScope scope) {
    this.user = user;
    this.token = token == null || token.isBlank() ? null : token;
    this.scope = scope;
  }

  /** True when the token may go to {@code url}, as both java.net and JGit read its host. */
  boolean allows(String url) {
    if (token == null || scope == null || !scope.allowsGit(url)) {
      return false;
    }
    try {
      URIish u = new URIish(url);
      String seen = u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/";
      return scope.allowsGit(seen);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Credentials for {@code url} if it is allowed, else null (git then sends none). */
  CredentialsProvider provider(String url) {
    if (!allows(url)) {
      return null;
    }
    CredentialsProvider basic = new UsernamePasswordCredentialsProvider(user, token);
    return new CredentialsProvider() {
      @Override
      public boolean isInteractive() {
        return false;
      }

      @Override
      public boolean supports(CredentialItem... items) {
        return basic.supports(items);
      }

      @Override
      public boolean get(URIish uri, CredentialItem... items) {
        return uri != null && allows(uri.toString()) && basic.get(uri, items);
      }
    };
  }

  /** Sends the credentials with the first request to an allowed URL instead of waiting for a 401. */
  TransportConfigCallback preemptive() {
    return t -> {
      if (t instanceof TransportHttp http && allows(t.getURI().toString())) {
        http.setPreemptiveBasicAuthentication(user, token);
      }
    };
  }

  /** Removes the token from text that may reach the user. */
  String scrub(String text) {
    return token == null || text == null ? text : text.replace(token, "***");
  }
}
