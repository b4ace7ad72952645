package dev.scaffold.cli;

import dev.scaffold.template.BundledTemplates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scaffold list}: the bundled templates (and those on SCAFFOLD_TEMPLATES_PATH). */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the bundled templates with their descriptions.",
      "Folders named in SCAFFOLD_TEMPLATES_PATH (separated by ':') add their templates."
    })
public final class ListCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--json", description = "Print a machine-readable list on stdout.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "Accepted as on every command; list prints only its result anyway.")
  boolean quiet;

  public ListCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<BundledTemplates.Entry> entries = BundledTemplates.fromEnvironment(ctx.env()).list();
    if (json) {
      ctx.out().println(Json.write(entries.stream().map(e -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("description", e.description());
        m.put("bundled", e.bundled());
        if (!e.bundled()) {
          m.put("path", e.root().toString());
        }
        return m;
      }).toList()));
      return ExitCodes.OK;
    }
    int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(10);
    for (BundledTemplates.Entry e : entries) {
      String desc = e.description() == null ? "" : e.description();
      ctx.out().printf("%-" + width + "s  %s%s%n", e.name(), desc, e.bundled() ? "" : "  (" + e.root() + ")");
    }
    return ExitCodes.OK;
  }
}
