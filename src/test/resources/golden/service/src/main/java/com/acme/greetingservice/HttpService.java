package com.acme.greetingservice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API of greeting-service, on the JDK's built-in server.
 *
 * <ul>
 *   <li>{@code GET /health}: {@code {"status":"UP"}}, for load balancers and orchestrators
 *   <li>{@code GET /hello?name=Ada}: {@code {"message":"Hello, Ada!"}}, an example endpoint
 * </ul>
 */
public final class HttpService implements AutoCloseable {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpService(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the service on {@code address}; port 0 picks a free port (see {@link #port()}). */
  public static HttpService start(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService executor =
        Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    server.setExecutor(executor);
    server.createContext("/health", readOnly(exchange -> send(exchange, 200, "{\"status\":\"UP\"}")));
    server.createContext("/hello", readOnly(HttpService::hello));
    server.createContext("/", exchange -> send(exchange, 404, "{\"error\":\"not found\"}"));
    server.start();
    return new HttpService(server, executor);
  }

  /** The port the service listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting requests, lets running ones finish for up to a second, then stops. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void hello(HttpExchange exchange) throws IOException {
    String name = queryParameter(exchange.getRequestURI().getRawQuery(), "name");
    if (name == null || name.isBlank()) {
      name = "world";
    }
    send(exchange, 200, "{\"message\":\"Hello, " + json(name.strip()) + "!\"}");
  }

  private static HttpHandler readOnly(HttpHandler handler) {
    return exchange -> {
      // the context "/health" also matches "/healthz"; only the exact path is ours
      if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
        send(exchange, 404, "{\"error\":\"not found\"}");
      } else if (!READ_METHODS.contains(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "{\"error\":\"method not allowed\"}");
      } else {
        handler.handle(exchange);
      }
    };
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(body);
      }
    }
  }

  static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
