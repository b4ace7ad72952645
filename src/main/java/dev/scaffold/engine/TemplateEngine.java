package dev.scaffold.engine;

import dev.scaffold.InputException;
import dev.scaffold.Problem;
import dev.scaffold.template.Syntax;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place that runs FreeMarker, sandboxed: no {@code ?new}, no {@code ?api}, no Java object
 * access, includes confined to the template tree, undefined variables are errors. Short texts (path
 * segments, values from {@code scaffold.yml}) are parsed once and cached; the engine is safe to use
 * from several threads. Every render obeys the {@link RenderLimits} in force when the engine was
 * made: a time budget, and output caps per render and over all files the engine renders.
 */
public final class TemplateEngine {

  static {
    // FreeMarker logs through java.util.logging unless told otherwise; scaffold reports every
    // template error itself (setLogTemplateExceptions(false)), and starting JUL's LogManager costs
    // 10-20 ms of CPU per run. A logger library chosen on the command line still wins.
    if (System.getProperty(freemarker.log.Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY) == null) {
      System.setProperty(freemarker.log.Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY, freemarker.log.Logger.LIBRARY_NAME_NONE);
    }
  }

  private final Path treeRoot;
  private final Syntax syntax;
  // made on first use: a template whose files and names all fit SimpleTemplate never loads
  // FreeMarker (~500 classes, a quarter of a small run's class loading)
  private volatile Configuration files;
  private volatile Configuration expressions;
  private final Map<String, Template> cache = new ConcurrentHashMap<>();
  /** Whether plain files may skip FreeMarker's parser (see {@link SimpleTemplate}). */
  private final boolean simpleFiles;
  private final RenderLimits limits;
  private final AtomicLong totalOutput = new AtomicLong();

  /**
   * @param treeRoot the folder includes are resolved in, or null for none
   * @param syntax the syntax of files and paths; values from scaffold.yml always use {@code ${}}
   */
  public TemplateEngine(Path treeRoot, Syntax syntax) {
    this(treeRoot, syntax, RenderLimits.current());
  }

  public TemplateEngine(Path treeRoot, Syntax syntax, RenderLimits limits) {
    this(treeRoot, syntax, !"false".equals(System.getProperty("scaffold.simpleTemplates")), limits);
  }

  /** @param simpleFiles whether plain files may skip FreeMarker's parser; false in equivalence tests */
  TemplateEngine(Path treeRoot, Syntax syntax, boolean simpleFiles) {
    this(treeRoot, syntax, simpleFiles, RenderLimits.current());
  }

  private TemplateEngine(Path treeRoot, Syntax syntax, boolean simpleFiles, RenderLimits limits) {
    this.treeRoot = treeRoot;
    this.syntax = syntax;
    this.simpleFiles = simpleFiles && syntax == Syntax.ANGLE;
    this.limits = limits;
  }

  private Configuration files() {
    Configuration c = files;
    if (c == null) {
      synchronized (this) {
        c = files;
        if (c == null) {
          c = configuration(treeRoot, syntax);
          expressions = syntax == Syntax.ANGLE ? c : configuration(treeRoot, Syntax.ANGLE);
          files = c;
        }
      }
    }
    return c;
  }

  private Configuration expressions() {
    files();
    return expressions;
  }

  /** The limits every render of this engine obeys. */
  public RenderLimits limits() {
    return limits;
  }

  /** An engine for scaffold.yml values alone, with no template tree. */
  public static TemplateEngine forExpressions() {
    return new TemplateEngine(null, Syntax.ANGLE);
  }

  private static Configuration configuration(Path treeRoot, Syntax syntax) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_35));
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    // "8080", not "8,080"; "true", not an error, when a boolean is printed
    cfg.setNumberFormat("c");
    cfg.setBooleanFormat("c");
    cfg.setLocalizedLookup(false);
    cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    if (treeRoot != null) {
      cfg.setTemplateLoader(new ConfinedTemplateLoader(treeRoot));
    } else {
      cfg.setTemplateLoader(new freemarker.cache.StringTemplateLoader());
    }
    if (syntax == Syntax.SQUARE) {
      cfg.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
      cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
    }
    return cfg;
  }

  /** Renders a value from scaffold.yml ({@code ${}} syntax); {@code where} names it in errors. */
  public String expand(String text, String where, Map<String, ?> model) {
    if (text.indexOf("${") < 0 && text.indexOf("<#") < 0) {
      return text;
    }
    return process(parse(expressions(), text, where), where, model, limits.maxFileChars());
  }

  /** Evaluates a FreeMarker boolean written as {@code ${...}}, or a bare boolean word ({@link BooleanWords}). */
  public boolean test(String text, String where, Map<String, ?> model) {
    String v = expand(text, where, model).trim();
    Boolean truth = BooleanWords.parse(v);
    if (truth == null) {
      throw InputException.at(where, "should be true or false (or yes/no, on/off, y/n, null, ~), but `" + text
          + "` gave `" + v + "`");
    }
    return truth;
  }

  /** Renders a path segment (in the template's syntax). */
  public String renderSegment(String segment, String where, Map<String, ?> model) {
    if (segment.indexOf("${") < 0 && segment.indexOf('[') < 0 && segment.indexOf('<') < 0) {
      return segment;
    }
    // ${name} segments (folder names like ${project_slug}) need no FreeMarker template
    String plain = renderPlain(segment, model);
    if (plain != null) {
      if (plain.length() > limits.maxFileChars()) {
        throw limitError(new LimitedWriter.LimitExceeded(false), where);
      }
      return plain;
    }
    return process(parse(files(), segment, where), where, model, limits.maxFileChars());
  }

  /** Renders a template file's text; {@code name} is its path inside the template, for errors. */
  public void renderFile(String text, String name, Map<String, ?> model, Writer out) {
    LimitedWriter limited = fileWriter(out);
    String plain = renderPlain(text, model);
    if (plain != null) {
      try {
        limited.write(plain);
      } catch (LimitedWriter.LimitExceeded e) {
        throw limitError(e, name);
      } catch (IOException e) {
        throw new dev.scaffold.OperationException("cannot write the rendering of " + name + ": " + e.getMessage(), e);
      }
      return;
    }
    Template t;
    try {
      t = new Template(name, name, new StringReader(text), files());
    } catch (ParseException e) {
      throw syntaxError(e, name, text, syntax == Syntax.SQUARE);
    } catch (IOException e) {
      throw InputException.at(name, e.getMessage());
    }
    _CoreAPI.addThreadInterruptedChecks(t);
    run(t, name, model, limited);
  }

  /**
   * {@link #renderPlain(String, Map)} for a whole file, counted against the output limits like
   * {@link #renderFile}; null when {@link #renderFile} must render it.
   */
  public String renderPlain(String text, String name, Map<String, ?> model) {
    String plain = renderPlain(text, model);
    if (plain != null) {
      try {
        fileWriter(Writer.nullWriter()).count(plain.length());
      } catch (LimitedWriter.LimitExceeded e) {
        throw limitError(e, name);
      }
    }
    return plain;
  }

  private LimitedWriter fileWriter(Writer out) {
    return new LimitedWriter(out, limits.maxFileChars(), totalOutput, limits.maxTotalChars());
  }

  /**
   * Renders a template file's text without FreeMarker's parser when it uses only the plainest
   * markup (see {@link SimpleTemplate}); null when {@link #renderFile} must do it. What it returns
   * is exactly what {@link #renderFile} would write.
   */
  public String renderPlain(String text, Map<String, ?> model) {
    if (!simpleFiles) {
      return null;
    }
    SimpleTemplate simple = SimpleTemplate.parse(text);
    return simple == null ? null : simple.render(model);
  }

  /** Checks that a file parses, without rendering it (for {@code template lint}). */
  public void parseFile(String text, String name) {
    try {
      new Template(name, name, new StringReader(text), files());
    } catch (ParseException e) {
      throw syntaxError(e, name, text, syntax == Syntax.SQUARE);
    } catch (IOException e) {
      throw InputException.at(name, e.getMessage());
    }
  }

  private Template parse(Configuration cfg, String text, String where) {
    String key = (cfg == files ? "f:" : "e:") + text;
    Template t = cache.get(key);
    if (t != null) {
      return t;
    }
    try {
      t = new Template(where, where, new StringReader(text), cfg);
    } catch (ParseException e) {
      throw syntaxError(e, where);
    } catch (IOException e) {
      throw InputException.at(where, e.getMessage());
    }
    _CoreAPI.addThreadInterruptedChecks(t);
    cache.putIfAbsent(key, t);
    return t;
  }

  private String process(Template t, String where, Map<String, ?> model, long maxChars) {
    StringWriter w = new StringWriter();
    run(t, where, model, new LimitedWriter(w, maxChars, null, Long.MAX_VALUE));
    return w.toString();
  }

  /**
   * Runs FreeMarker within the limits: interrupted when the time budget runs out, stopped by the
   * writer at an output cap, and a stack overflow or exhausted heap (endless recursion, a string
   * doubled in a loop) reported as the template's fault rather than crashing the run.
   */
  private void run(Template t, String where, Map<String, ?> model, LimitedWriter out) {
    try (RenderWatchdog.Watch watch = RenderWatchdog.watch(limits.timeout(), () -> timeoutError(where).getMessage()
        + " (it did not stop when told to)")) {
      try {
        t.process(model, out);
        if (watch.expired()) {
          throw timeoutError(where); // a built-in looping over a huge range ignores interrupts until done
        }
      } catch (TemplateException e) {
        if (watch.expired()) {
          throw timeoutError(where);
        }
        if (e.getCause() instanceof LimitedWriter.LimitExceeded le) {
          throw limitError(le, where);
        }
        throw renderError(e, where);
      } catch (LimitedWriter.LimitExceeded e) {
        throw limitError(e, where);
      } catch (IOException e) {
        if (watch.expired()) {
          throw timeoutError(where); // the interrupt closed the file being written
        }
        throw new dev.scaffold.OperationException("cannot write the rendering of " + where + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        if (watch.expired()) {
          throw timeoutError(where); // FreeMarker's own interruption signal
        }
        throw e;
      } catch (StackOverflowError e) {
        throw InputException.at(where, "recursion too deep while rendering (a macro or function that calls itself without end?)");
      } catch (OutOfMemoryError e) {
        throw InputException.at(where, "ran out of memory while rendering (a string or list built without bound?)");
      }
    }
  }

  private InputException timeoutError(String where) {
    return InputException.at(where, "rendering took longer than " + RenderLimits.describe(limits.timeout())
        + " (the render time limit: a loop without end?); raise it with " + RenderLimits.TIMEOUT_VARIABLE + "=SECONDS");
  }

  private InputException limitError(LimitedWriter.LimitExceeded e, String where) {
    if (e.total) {
      return InputException.at(where, "the render's output passed " + RenderLimits.describe(limits.maxTotalChars())
          + " in total (the total output limit); raise it with " + RenderLimits.TOTAL_VARIABLE + "=SIZE, such as 1G");
    }
    return InputException.at(where, "renders more than " + RenderLimits.describe(limits.maxFileChars())
        + " (the output limit per file); raise it with " + RenderLimits.FILE_SIZE_VARIABLE + "=SIZE, such as 64M");
  }

  private static final java.util.regex.Pattern UNCLOSED = java.util.regex.Pattern.compile("unclosed #([a-zA-Z]+)");

  /** As {@link #syntaxError(ParseException, String)}, but an unclosed directive is reported where it opens. */
  private static InputException syntaxError(ParseException e, String name, String text, boolean square) {
    java.util.regex.Matcher m = UNCLOSED.matcher(String.valueOf(e.getEditorMessage()));
    if (m.find()) {
      UnclosedTags.Opening o = UnclosedTags.find(text, m.group(1), square);
      if (o != null) {
        String where = name + ":" + o.line() + ":" + o.column();
        String tag = square ? "[#" + o.name() + "]" : "<#" + o.name() + ">";
        String end = square ? "[/#" + o.name() + "]" : "</#" + o.name() + ">";
        String what = "template syntax error: " + tag + " opened here is never closed (" + end + " missing)";
        return new InputException(where + ": " + what, List.of(Problem.at(where, what)), e);
      }
    }
    return syntaxError(e, name);
  }

  private static InputException syntaxError(ParseException e, String name) {
    String where = name + ":" + e.getLineNumber() + ":" + e.getColumnNumber();
    String what = "template syntax error: " + firstLine(e.getEditorMessage());
    return new InputException(where + ": " + what, List.of(Problem.at(where, what)), e);
  }

  private static InputException renderError(TemplateException e, String name) {
    String where = name;
    if (e.getLineNumber() != null) {
      where = name + ":" + e.getLineNumber() + ":" + e.getColumnNumber();
    }
    String what = firstLine(e.getMessageWithoutStackTop());
    if (e.getCause() != null && what.isBlank()) {
      what = e.getCause().getMessage();
    }
    return new InputException(where + ": " + what, List.of(Problem.at(where, what)), e);
  }

  /** FreeMarker's messages run over many lines with tips; keep the statement and the expression at fault. */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String line : s.split("\n")) {
      String t = line.strip();
      if (t.startsWith("----") || t.startsWith("Tip:") || t.startsWith("FTL stack trace")) {
        break;
      }
      if (t.isEmpty()) {
        if (b.length() > 0) {
          break;
        }
        continue;
      }
      t = t.replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+\\]", "");
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t);
    }
    return b.toString();
  }
}
