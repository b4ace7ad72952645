package dev.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this scaffold build, read from the jar. */
public final class ScaffoldVersion {

  private static final String VERSION = load();

  private ScaffoldVersion() {}

  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ScaffoldVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "0.0.0-dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "0.0.0-dev");
    } catch (IOException e) {
      return "0.0.0-dev";
    }
  }
}
