package com.acme.greetingservice;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Starts greeting-service and stops it cleanly when the process is asked to end. */
public final class Application {

  /** The port used when the {@code PORT} environment variable is not set. */
  public static final int DEFAULT_PORT = 8080;

  private Application() {}

  public static void main(String[] args) throws IOException {
    int port = port(System.getenv("PORT"));
    HttpService service = HttpService.start(new InetSocketAddress(port));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
    System.out.println("greeting-service listening on port " + service.port());
  }

  static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("PORT must be a number from 0 to 65535, not `" + value + "`");
  }
}
