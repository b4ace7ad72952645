package [=package_name];

import java.util.Objects;

/** Entry point of the [=project_name] library. */
public final class [=class_name] {

  private [=class_name]() {}

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
