package com.acme.paymentsclient;

import java.util.Objects;

/** Entry point of the payments-client library. */
public final class PaymentsClient {

  private PaymentsClient() {}

  /**
   * Returns a greeting for a person.
   *
   * @param name the person's name; surrounding white space is ignored
   * @return {@code "Hello, <name>!"}
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static String greet(String name) {
    Objects.requireNonNull(name, "name");
    String trimmed = name.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return "Hello, " + trimmed + "!";
  }
}
