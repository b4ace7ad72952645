package dev.scaffold.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes a man page for every command ({@code scaffold.1}, {@code scaffold-new.1}, ...) from the
 * same command tree the program runs; the build calls it at package time. picocli's generator
 * writes AsciiDoc man-page sources ({@code target/man/adoc}); {@link #troff} turns the small part
 * of AsciiDoc they use into roff for {@code man}, as Asciidoctor would, without needing Ruby.
 *
 * <p>It lives with the tests, and reaches picocli-codegen (a build tool, not part of the jar) by
 * reflection: the build puts it on the class path of this one run only.
 */
public final class ManPages {

  private ManPages() {}

  /** @param args the folder for the {@code .1} pages (default {@code target/man/man1}) */
  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    Path man1 = Path.of(args.length > 0 ? args[0] : "target/man/man1");
    Path adoc = man1.resolveSibling("adoc");
    CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        System.in, Map.of(), Path.of("").toAbsolutePath(), false);
    Class<?> generator = Class.forName("picocli.codegen.docgen.manpage.ManPageGenerator");
    int code;
    try {
      code = (Integer) generator.getMethod("generateManPage", File.class, File.class, boolean[].class, boolean.class,
              CommandSpec[].class)
          .invoke(null, adoc.toFile(), null, new boolean[0], true, new CommandSpec[] {ScaffoldCli.commandLine(ctx).getCommandSpec()});
    } catch (InvocationTargetException e) {
      throw new IOException("man pages were not written: " + e.getCause(), e.getCause());
    }
    if (code != 0) {
      throw new IOException("man pages were not written (code " + code + ")");
    }
    Files.createDirectories(man1);
    Map<String, String> footers = new HashMap<>();
    footers(ScaffoldCli.commandLine(ctx), "scaffold", null, footers);
    try (Stream<Path> pages = Files.list(adoc)) {
      for (Path p : pages.filter(f -> f.toString().endsWith(".adoc")).toList()) {
        String name = p.getFileName().toString().replaceFirst("\\.adoc$", "");
        Files.writeString(man1.resolve(name + ".1"), troff(Files.readAllLines(p, StandardCharsets.UTF_8))
            + footers.getOrDefault(name, ""), StandardCharsets.UTF_8);
      }
    }
  }

  private static final Pattern EXIT_CODES = Pattern.compile("^Exit codes: (.+)$");
  private static final Pattern EXAMPLES = Pattern.compile("^Examples?( \\(.+\\))?:$");

  /**
   * The roff of each command's footer, by page name: picocli's generator leaves the footer out
   * (it writes one only under a footer heading, which help does not want). The footer's parts
   * become the sections a man page has: "Exit codes: ..." the EXIT STATUS (a command without
   * one has the nearest parent's), the prose NOTES, and the lines under "Examples:" EXAMPLES.
   */
  static void footers(picocli.CommandLine cl, String name, String parentExit, Map<String, String> out) {
    String[] footer = cl.getCommandSpec().usageMessage().footer();
    String exit = null;
    List<String> notes = new java.util.ArrayList<>();
    List<String> examples = new java.util.ArrayList<>();
    boolean inExamples = false;
    for (String line : footer) {
      Matcher code = EXIT_CODES.matcher(line);
      if (line.isBlank()) {
        continue;
      } else if (EXAMPLES.matcher(line).matches()) {
        inExamples = true;
      } else if (inExamples && line.startsWith(" ")) {
        examples.add(line.strip());
      } else if (code.matches()) {
        exit = code.group(1);
        inExamples = false;
      } else {
        notes.add(line);
        inExamples = false;
      }
    }
    exit = exit == null ? parentExit : exit;
    StringBuilder roff = new StringBuilder();
    if (exit != null) {
      roff.append(".SH \"EXIT STATUS\"\n").append(prose(exit)).append('\n');
    }
    if (!notes.isEmpty()) {
      roff.append(".SH \"NOTES\"\n");
      notes.forEach(n -> roff.append(".PP\n").append(prose(n)).append('\n'));
    }
    if (!examples.isEmpty()) {
      roff.append(".SH \"EXAMPLES\"\n.PP\n.nf\n.RS 4\n");
      examples.forEach(e -> roff.append(literal(e)).append('\n'));
      roff.append(".RE\n.fi\n");
    }
    out.put(name, roff.toString());
    for (var sub : cl.getSubcommands().entrySet()) {
      if (sub.getKey().equals(sub.getValue().getCommandName())) { // aliases have no page of their own
        footers(sub.getValue(), name + "-" + sub.getKey(), exit, out);
      }
    }
  }

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** A footer's sentence: `code` in bold, everything else as written. */
  private static String prose(String text) {
    return CODE.matcher(literal(text)).replaceAll(m -> Matcher.quoteReplacement("\\fB" + m.group(1) + "\\fR"));
  }

  /** Text as written: roff's escape character, hyphens and a leading control character escaped. */
  private static String literal(String text) {
    String s = text.replace("\\", "\\e").replace("-", "\\-");
    return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
  }

  private static final Pattern TITLE = Pattern.compile("^= (.+)\\((\\d)\\)$");
  private static final Pattern XREF = Pattern.compile("xref:([^\\[]+)\\.adoc\\[(.*?)]");
  private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(\\S[^*]*?)\\*(?!\\w)");
  private static final Pattern ITALIC = Pattern.compile("(?<![\\w])_(\\S[^_]*?)_(?!\\w)");

  /** roff of one picocli man-page source: title, sections, paragraphs, definition lists, bold and italic. */
  static String troff(List<String> lines) {
    Map<String, String> attributes = new HashMap<>();
    StringBuilder out = new StringBuilder();
    boolean synopsis = false;
    boolean paragraph = false;
    for (String line : lines) {
      if (line.startsWith("//")) {
        continue;
      }
      if (line.startsWith(":")) {
        int colon = line.indexOf(':', 1);
        if (colon > 0) {
          attributes.put(line.substring(1, colon), line.substring(colon + 1).strip());
        }
        continue;
      }
      Matcher title = TITLE.matcher(line);
      if (title.matches()) {
        out.append(".TH \"").append(title.group(1).toUpperCase(Locale.ROOT)).append("\" \"").append(title.group(2))
            .append("\" \"\" \"").append(attributes.getOrDefault("mansource", "")).append("\" \"")
            .append(attributes.getOrDefault("manmanual", "")).append("\"\n");
        continue;
      }
      if (line.startsWith("== ")) {
        if (synopsis) {
          out.append(".fi\n");
        }
        String section = line.substring(3).strip();
        out.append(".SH \"").append(section.toUpperCase(Locale.ROOT)).append("\"\n");
        synopsis = section.equals("Synopsis");
        if (synopsis) {
          out.append(".nf\n");
        }
        paragraph = false;
        continue;
      }
      if (line.isBlank()) {
        paragraph = true;
        continue;
      }
      if (line.endsWith("::")) {
        out.append(".TP\n").append(inline(line.substring(0, line.length() - 2))).append('\n');
        paragraph = false;
        continue;
      }
      if (paragraph && !synopsis) {
        out.append(".PP\n");
      }
      paragraph = false;
      out.append(inline(line.strip())).append('\n');
    }
    if (synopsis) {
      out.append(".fi\n");
    }
    return out.toString();
  }

  private static String inline(String text) {
    String s = text.replace("\\", "\\e").replace("-", "\\-");
    s = XREF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\fB" + m.group(1) + "\\fR"));
    s = ITALIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\fI" + m.group(1) + "\\fR"));
    return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
  }
}
