package dev.scaffold.publish;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Actions secrets' values from the environment or from files, at the moment they are sealed;
 * they are never kept, logged or put into an error (errors name the variable or the file only).
 */
final class SecretValues {

  private final Map<String, String> env;
  private final Path workingDir;

  SecretValues(Map<String, String> env, Path workingDir) {
    this.env = env;
    this.workingDir = workingDir;
  }

  /** Every secret that cannot be read, for the pre-flight. */
  List<Problem> check(Map<String, GitHubSettings.SecretSource> secrets) {
    List<Problem> problems = new ArrayList<>();
    secrets.forEach((name, src) -> {
      if (src.kind().equals("env")) {
        String v = env.get(src.ref());
        if (v == null || v.isEmpty()) {
          problems.add(Problem.at("scaffold.yml github.secrets." + name, "the environment variable " + src.ref()
              + " is not set"));
        }
      } else if (!Files.isRegularFile(path(src)) || !Files.isReadable(path(src))) {
        problems.add(Problem.at("scaffold.yml github.secrets." + name, "the file " + path(src) + " cannot be read"));
      }
    });
    return problems;
  }

  byte[] read(GitHubSettings.SecretSource src) {
    if (src.kind().equals("env")) {
      String v = env.get(src.ref());
      if (v == null) {
        throw new InputException("the environment variable " + src.ref() + " is not set");
      }
      return v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      return Files.readAllBytes(path(src));
    } catch (IOException e) {
      throw new InputException("cannot read the secret file " + path(src) + ": " + e.getClass().getSimpleName());
    }
  }

  private Path path(GitHubSettings.SecretSource src) {
    String ref = src.ref();
    if (ref.startsWith("~/") && env.get("HOME") != null) {
      return Path.of(env.get("HOME")).resolve(ref.substring(2));
    }
    return workingDir.resolve(ref);
  }
}
