package dev.scaffold.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GitHub routes scaffold sends ({@code dev/scaffold/github/contract-routes.txt}), which
 * {@code scripts/github-contract-check} checks against GitHub's description: a request that
 * matches none of them would be a route the contract check never sees.
 */
final class ContractRoutes {

  private record Route(String method, String template, Pattern path) {}

  private static final List<Route> ROUTES = load();

  private ContractRoutes() {}

  private static List<Route> load() {
    try (InputStream in = ContractRoutes.class.getResourceAsStream("/dev/scaffold/github/contract-routes.txt")) {
      List<Route> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] parts = line.strip().split(" ", 2);
        // {branch} and {ref} may hold slashes (GitHub's x-multi-segment); other parameters are one segment
        String regex = Pattern.quote(parts[1]).replaceAll("\\{(branch|ref)}", "\\\\E.+\\\\Q")
            .replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
        out.add(new Route(parts[0], parts[1], Pattern.compile(regex)));
      }
      return List.copyOf(out);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read contract-routes.txt", e);
    }
  }

  /** The listed route ({@code METHOD /template}) a request is sent on, if any. */
  static Optional<String> of(String method, String path) {
    return ROUTES.stream().filter(r -> r.method().equals(method) && r.path().matcher(path).matches())
        .map(r -> r.method() + " " + r.template()).findFirst();
  }
}
