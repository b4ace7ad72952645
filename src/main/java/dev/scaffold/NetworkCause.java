package dev.scaffold;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Says why a network request failed, in words a person can act on (the host does not resolve,
 * nothing listens on the port, TLS failed, a proxy refused, it timed out), and names the URL
 * without any credentials in it. Git and HTTP libraries wrap the real cause several levels deep and
 * report only their last step ("cannot open git-upload-pack"); this walks the chain.
 */
public final class NetworkCause {

  private static final Pattern USER_INFO = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)[^/@?#]*@");

  private NetworkCause() {}

  /** {@code url} with any {@code user:password@} removed, and without its query: what may be shown. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String u = USER_INFO.matcher(url).replaceFirst("$1");
    int q = u.indexOf('?');
    return q >= 0 ? u.substring(0, q) : u;
  }

  /**
   * The cause of a failed request to {@code url} in a few words (such as "connection refused by
   * 127.0.0.1:9"), or null when nothing in the chain is a network failure scaffold knows.
   */
  public static String describe(Throwable failure, String url) {
    String hostPort = hostPort(url);
    // the JDK's HTTP client reports a name that does not resolve as a ConnectException caused by
    // UnresolvedAddressException: look for the name first, wherever it is in the chain
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
        return "the host name " + host(url, String.valueOf(t.getMessage())) + " does not resolve (DNS: no such host; "
            + "check the URL, your network or VPN)";
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String msg = t.getMessage() == null ? "" : t.getMessage();
      String lower = msg.toLowerCase(Locale.ROOT);
      if (t instanceof NoRouteToHostException) {
        return "host unreachable: no route to " + hostPort + " (check your network or VPN)";
      }
      if (t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException
          || t instanceof HttpTimeoutException) {
        return "timed out talking to " + hostPort + " (a firewall, a slow network, or a proxy needed?)";
      }
      if (t instanceof ConnectException) {
        if (lower.contains("timed out")) {
          return "timed out connecting to " + hostPort + " (a firewall, or a proxy needed?)";
        }
        if (lower.contains("no route") || lower.contains("unreachable")) {
          return "host unreachable: " + hostPort + " (check your network or VPN)";
        }
        return "connection refused by " + hostPort + " (nothing listens there: wrong port, or the server is down)";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS failed with " + hostPort + ": " + tlsReason(msg) ;
      }
      if (lower.contains("proxy") && (lower.contains("407") || lower.contains("authentication required"))) {
        return "the proxy refused the request (407 Proxy Authentication Required): set its credentials";
      }
      if (lower.contains("unable to tunnel through proxy") || lower.contains("proxy")) {
        return "the proxy failed: " + msg;
      }
    }
    return null;
  }

  /**
   * Whether retrying cannot help within one run: the name does not resolve, nothing listens, no
   * route, or TLS failed. A timeout or a connection lost midway may pass, and is retried.
   */
  public static boolean permanent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof NoRouteToHostException || t instanceof javax.net.ssl.SSLException) {
        return true;
      }
      if (t instanceof ConnectException && !(t instanceof HttpConnectTimeoutException)) {
        return !String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("timed out");
      }
    }
    return false;
  }

  /** "what: cause", naming the URL without credentials, or null when {@link #describe} knows no cause. */
  public static String message(String what, Throwable failure, String url) {
    String cause = describe(failure, url);
    return cause == null ? null : what + " " + redact(url) + ": " + cause;
  }

  private static String tlsReason(String msg) {
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("unrecognized ssl message") || lower.contains("plaintext") || lower.contains("not an ssl")) {
      return "the server does not speak TLS there (plain http on an https URL, or the wrong port?)";
    }
    if (lower.contains("pkix") || lower.contains("certification path") || lower.contains("certificate")) {
      return "its certificate is not trusted (" + msg + ")";
    }
    return msg.isEmpty() ? "handshake failed" : msg;
  }

  private static String host(String url, String fallback) {
    try {
      String h = URI.create(url).getHost();
      if (h != null) {
        return h;
      }
    } catch (RuntimeException e) {
      // not a URI (an scp-like git address): the exception's own text names the host
    }
    return fallback.isEmpty() ? "?" : fallback;
  }

  private static String hostPort(String url) {
    try {
      URI u = URI.create(url);
      if (u.getHost() != null) {
        int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443
            : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
        return port < 0 ? u.getHost() : u.getHost() + ":" + port;
      }
    } catch (RuntimeException e) {
      // not a URI
    }
    return redact(url);
  }
}
