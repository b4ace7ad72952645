package [=package_name];

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class [=class_name]Test {

  @Test
  void greetsByName() {
    assertEquals("Hello, Ada!", [=class_name].greet("Ada"));
  }

  @Test
  void ignoresSurroundingWhiteSpace() {
    assertEquals("Hello, Ada!", [=class_name].greet("  Ada\t"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void rejectsBlankNames(String name) {
    assertThrows(IllegalArgumentException.class, () -> [=class_name].greet(name));
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> [=class_name].greet(null));
  }
}
