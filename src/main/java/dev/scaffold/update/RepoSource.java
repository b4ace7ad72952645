package dev.scaffold.update;

import dev.scaffold.InputException;
import dev.scaffold.InputFiles;
import dev.scaffold.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns a {@link RepoSelection} into the list of {@code OWNER/NAME}s to update: named ones first,
 * then the file's, then the organisation's, each once (GitHub names are case-insensitive).
 */
public final class RepoSource {

  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern FULL_NAME = Pattern.compile(OWNER.pattern() + "/[A-Za-z0-9._-]{1,100}");

  private final Supplier<FleetHost> host;

  /** @param host asked only for {@code --org}/{@code --topic}, so the other forms need no token */
  public RepoSource(Supplier<FleetHost> host) {
    this.host = host;
  }

  public List<String> list(RepoSelection s) {
    List<Problem> problems = new ArrayList<>();
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String r : s.repos()) {
      add(r.strip(), "--repo " + r, out, seen, problems);
    }
    if (s.file() != null) {
      List<String> lines = InputFiles.readText(s.file(), s.file().toString()).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int hash = line.indexOf('#');
        String name = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (!name.isEmpty()) {
          add(name, s.file() + ":" + (i + 1), out, seen, problems);
        }
      }
    }
    if ((s.org() == null) != (s.topic() == null)) {
      problems.add(s.org() == null ? Problem.at("--topic " + s.topic(), "needs --org ORG")
          : Problem.at("--org " + s.org(), "needs --topic TOPIC (every repository of an organisation is rarely meant)"));
    } else if (s.org() != null && !OWNER.matcher(s.org()).matches()) {
      problems.add(Problem.at("--org " + s.org(), "is not an organisation name"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems.size() == 1 ? problems.get(0).toString()
          : problems.size() + " problems with the repositories to update", problems);
    }
    if (s.org() != null) {
      for (String r : host.get().reposWithTopic(s.org(), s.topic().toLowerCase(Locale.ROOT))) {
        add(r, "--org " + s.org(), out, seen, problems);
      }
    }
    return List.copyOf(out);
  }

  private static void add(String name, String where, List<String> out, Set<String> seen, List<Problem> problems) {
    if (!FULL_NAME.matcher(name).matches() || name.endsWith("/.") || name.endsWith("/..")) {
      problems.add(Problem.at(where, "`" + name + "` is not OWNER/NAME"));
      return;
    }
    if (seen.add(name.toLowerCase(Locale.ROOT))) {
      out.add(name);
    }
  }
}
