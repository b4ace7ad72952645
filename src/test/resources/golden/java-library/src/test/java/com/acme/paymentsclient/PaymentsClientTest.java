package com.acme.paymentsclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentsClientTest {

  @Test
  void greetsByName() {
    assertEquals("Hello, Ada!", PaymentsClient.greet("Ada"));
  }

  @Test
  void ignoresSurroundingWhiteSpace() {
    assertEquals("Hello, Ada!", PaymentsClient.greet("  Ada\t"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void rejectsBlankNames(String name) {
    assertThrows(IllegalArgumentException.class, () -> PaymentsClient.greet(name));
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> PaymentsClient.greet(null));
  }
}
