package dev.scaffold.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server playing the attacker's host: it records every request (and whether it
 * carried credentials), and either asks for a login (401 with {@code WWW-Authenticate: Basic}, to
 * lure git into sending the token) or redirects to another URL.
 */
final class Eavesdropper implements AutoCloseable {

  /** One request: what was asked, and the Authorization header (null when none). */
  record Heard(String method, String uri, String authorization) {}

  private final HttpServer server;
  private final List<Heard> heard = new CopyOnWriteArrayList<>();
  private final String host;
  private volatile String redirectTo;

  /** @param host the name to hand out in its URL ({@code 127.0.0.1} or {@code localhost}) */
  Eavesdropper(String host) throws IOException {
    this.host = host;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** Answers every request with a 307 to {@code base} + the same path and query. */
  Eavesdropper redirectingTo(String base) {
    this.redirectTo = base;
    return this;
  }

  private void answer(HttpExchange ex) throws IOException {
    heard.add(new Heard(ex.getRequestMethod(), ex.getRequestURI().toString(),
        ex.getRequestHeaders().getFirst("Authorization")));
    ex.getRequestBody().readAllBytes();
    if (redirectTo != null) {
      ex.getResponseHeaders().add("Location", redirectTo + ex.getRequestURI());
      ex.sendResponseHeaders(307, -1);
    } else {
      ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"GitHub\"");
      ex.sendResponseHeaders(401, -1);
    }
    ex.close();
  }

  /** {@code http://HOST:PORT}. */
  String baseUrl() {
    return "http://" + host + ":" + server.getAddress().getPort();
  }

  List<Heard> heard() {
    return List.copyOf(heard);
  }

  /** True when some request carried an Authorization header. */
  boolean heardCredentials() {
    return heard.stream().anyMatch(h -> h.authorization() != null);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
