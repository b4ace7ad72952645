package com.acme.greetingservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the real server on a free port and calls it over HTTP. */
class HttpServiceTest {

  private static HttpService service;
  private static HttpClient client;

  @BeforeAll
  static void start() throws IOException {
    service = HttpService.start(new InetSocketAddress("127.0.0.1", 0));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void healthIsUp() throws Exception {
    HttpResponse<String> response = get("/health");
    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"UP\"}", response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void helloGreetsByName() throws Exception {
    HttpResponse<String> response = get("/hello?name=Ada%20Lovelace");
    assertEquals(200, response.statusCode());
    assertEquals("{\"message\":\"Hello, Ada Lovelace!\"}", response.body());
  }

  @Test
  void helloGreetsTheWorldByDefault() throws Exception {
    assertEquals("{\"message\":\"Hello, world!\"}", get("/hello").body());
  }

  @Test
  void helloEscapesJson() throws Exception {
    assertEquals("{\"message\":\"Hello, \\\"quoted\\\"!\"}", get("/hello?name=%22quoted%22").body());
  }

  @Test
  void unknownPathsAreNotFound() throws Exception {
    assertEquals(404, get("/nope").statusCode());
    assertEquals(404, get("/healthz").statusCode());
  }

  @Test
  void onlyReadsAreAllowed() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(uri("/health")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
    assertEquals(405, response.statusCode());
    assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void portComesFromTheEnvironmentOrTheDefault() {
    assertEquals(Application.DEFAULT_PORT, Application.port(null));
    assertEquals(Application.DEFAULT_PORT, Application.port(" "));
    assertEquals(9090, Application.port("9090"));
    assertThrows(IllegalArgumentException.class, () -> Application.port("http"));
    assertThrows(IllegalArgumentException.class, () -> Application.port("70000"));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }
}
