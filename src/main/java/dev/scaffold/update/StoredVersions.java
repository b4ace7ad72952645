package dev.scaffold.update;

import dev.scaffold.answers.Answers;
import dev.scaffold.engine.TemplateEngine;
import dev.scaffold.render.PathPlanner;
import dev.scaffold.render.Renderer;
import dev.scaffold.template.ResolvedTemplate;
import dev.scaffold.template.TemplateFetcher;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Template versions rendered in memory from the template's git object database ({@link
 * TemplateTrees}), for an update from a git template: nothing is checked out but
 * {@code scaffold.yml} and the folders, files the two versions hold alike are never read (equal
 * object ids), and only {@code .ftl} files that can differ are rendered, into memory. The result is
 * the one {@link TemplateVersionSource#renderPair} gives from full checkouts; templates this cannot
 * mirror exactly (symbolic links, includes, an unusual {@code subdirectory}) go that way instead.
 */
final class StoredVersions implements TemplateFetcher, AutoCloseable {

  private final TemplateFetcher fetcher;
  private final TemplateTrees trees;
  private final Map<Path, TemplateTrees.Tree> sketched = new ConcurrentHashMap<>();
  private final Map<List<String>, java.util.concurrent.CompletableFuture<TemplateTrees.Tree>> prefetched =
      new ConcurrentHashMap<>();
  /** Tags listed once per template: resolving each version asks again, and a remote listing is a request. */
  private final Map<String, List<String>> tags = new ConcurrentHashMap<>();
  private final String url;

  /** @param url the template */
  StoredVersions(TemplateFetcher fetcher, TemplateTrees trees, String url) {
    this.fetcher = fetcher;
    this.trees = trees;
    this.url = url;
  }

  /**
   * Starts reading a version about to be checked out from the object database, on another core,
   * while the update does other work.
   */
  void prefetch(String ref) {
    prefetched.computeIfAbsent(java.util.Arrays.asList(url, ref),
        k -> java.util.concurrent.CompletableFuture.supplyAsync(() -> trees.tree(url, ref)));
  }

  @Override
  public boolean isRepository(Path dir) {
    return fetcher.isRepository(dir);
  }

  @Override
  public java.util.List<String> tags(String url) {
    return tags.computeIfAbsent(url, fetcher::tags);
  }

  /** A sketch (folders and top-level files) for a repository on this machine, else a real checkout. */
  @Override
  public String checkout(String url, String ref, Path into) {
    TemplateTrees.Tree tree;
    var ahead = prefetched.remove(java.util.Arrays.asList(url, ref));
    if (ahead != null) {
      try {
        tree = ahead.join();
      } catch (java.util.concurrent.CompletionException e) {
        // reported here, as if read here; not read again (for a remote template, a second fetch)
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    } else {
      tree = trees.tree(url, ref);
    }
    if (tree == null) {
      return fetcher.checkout(url, ref, into);
    }
    try {
      tree.sketch(into);
    } catch (RuntimeException e) {
      tree.close();
      throw e;
    }
    TemplateTrees.Tree before = sketched.put(into, tree);
    if (before != null) {
      before.close();
    }
    return tree.commit();
  }

  /** Turns a sketched version into a full checkout, for the renders that need files. */
  void complete(ResolvedTemplate t) {
    TemplateTrees.Tree tree = sketched.remove(t.root());
    if (tree != null) {
      try {
        tree.complete(t.root());
      } finally {
        tree.close();
      }
    }
  }

  @Override
  public void close() {
    sketched.values().forEach(TemplateTrees.Tree::close);
    sketched.clear();
    for (var f : prefetched.values()) {
      try {
        TemplateTrees.Tree t = f.join();
        if (t != null) {
          t.close();
        }
      } catch (RuntimeException e) {
        // never used
      }
    }
    prefetched.clear();
  }

  /**
   * The two renders of {@link TemplateVersionSource#renderPair}, in memory; null when either
   * version is not a sketch or holds what only a checkout renders faithfully.
   */
  TemplateVersionSource.Pair renderPair(ResolvedTemplate oldT, Answers oldAnswers, ResolvedTemplate newT,
      Answers newAnswers) {
    TemplateTrees.Tree oldTree = sketched.get(oldT.root());
    TemplateTrees.Tree newTree = sketched.get(newT.root());
    if (oldTree == null || newTree == null) {
      return null;
    }
    List<TemplateTrees.Entry> oldFiles = filesUnder(oldTree, oldT.spec().subdirectory());
    List<TemplateTrees.Entry> newFiles = filesUnder(newTree, newT.spec().subdirectory());
    if (oldFiles == null || newFiles == null) {
      return null;
    }
    TemplateEngine oldEngine = TemplateVersionSource.engine(oldT);
    TemplateEngine newEngine = TemplateVersionSource.engine(newT);
    Map<String, Object> oldModel = TemplateVersionSource.model(oldT, oldAnswers);
    Map<String, Object> newModel = TemplateVersionSource.model(newT, newAnswers);
    // the two plans on two cores; the old version's problems are reported first, as a checkout's render does
    java.util.concurrent.CompletableFuture<List<Planned>> newPlanning = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> plan(newEngine, newFiles, newT.spec().subdirectory(),
            TemplateVersionSource.exclude(newT, newEngine, newModel), newModel));
    List<Planned> oldPlan = plan(oldEngine, oldFiles, oldT.spec().subdirectory(),
        TemplateVersionSource.exclude(oldT, oldEngine, oldModel), oldModel);
    List<Planned> newPlan;
    try {
      newPlan = newPlanning.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }

    Set<String> same = ConcurrentHashMap.newKeySet();
    if (oldAnswers.values().equals(newAnswers.values()) && oldT.spec().syntax() == newT.spec().syntax()) {
      Map<String, Planned> olds = new HashMap<>();
      oldPlan.forEach(p -> olds.put(p.path(), p));
      List<Planned> candidates = newPlan.stream().filter(e -> {
        Planned o = olds.get(e.path());
        return e.render() && o != null && o.render() && o.sourceName().equals(e.sourceName())
            && o.entry().id().equals(e.entry().id());
      }).toList();
      (candidates.size() < 64 ? candidates.stream() : candidates.parallelStream())
          .filter(e -> newTree.test(e.entry(), StoredVersions::contextFree))
          .forEach(e -> same.add(e.path()));
    }
    // read every file to render before rendering any: one that may load other template files
    // (an include or import) needs them on disk, so the pair is rendered from checkouts instead
    Map<String, String> oldTexts = texts(oldTree, oldPlan, same);
    Map<String, String> newTexts = texts(newTree, newPlan, same);
    if (oldTexts == null || newTexts == null) {
      return null;
    }
    RenderedTree base = render(oldEngine, oldTree, oldPlan, oldTexts, oldModel);
    RenderedTree theirs = render(newEngine, newTree, newPlan, newTexts, newModel);
    return new TemplateVersionSource.Pair(base, theirs, same);
  }

  /** One file of a render plan, as {@link Renderer#plan} would plan it. */
  private record Planned(String path, boolean render, TemplateTrees.Entry entry, String sourceName) {}

  /**
   * The files under {@code subdirectory}, or null when a render from them could differ from one
   * from a checkout: symbolic links (a checkout resolves them), or a subdirectory that is not a
   * plain relative path.
   */
  private static List<TemplateTrees.Entry> filesUnder(TemplateTrees.Tree tree, String subdirectory) {
    if (subdirectory.isEmpty() || subdirectory.startsWith("/") || subdirectory.endsWith("/")) {
      return null;
    }
    for (String part : subdirectory.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return null;
      }
    }
    String prefix = subdirectory + "/";
    List<TemplateTrees.Entry> out = new ArrayList<>();
    for (TemplateTrees.Entry e : tree.files()) {
      if (e.path().startsWith(prefix)) {
        if (e.mode() == TemplateTrees.Mode.SYMLINK) {
          return null;
        }
        out.add(e);
      } else if (e.mode() == TemplateTrees.Mode.SYMLINK && prefix.startsWith(e.path() + "/")) {
        return null; // the subdirectory itself is reached through a link
      }
    }
    return out;
  }

  /**
   * {@link Renderer#plan} over a git tree: the same walk (folders implied by their files, all in
   * {@link Path} order) and the same {@link PathPlanner} rules, for files only.
   */
  private static List<Planned> plan(TemplateEngine engine, List<TemplateTrees.Entry> files, String treeName,
      List<String> exclude, Map<String, ?> model) {
    int cut = treeName.length() + 1;
    Map<String, TemplateTrees.Entry> byRel = new HashMap<>(files.size() * 2);
    Set<String> dirs = new HashSet<>();
    String lastDir = "\0"; // the folder of the file before: its folders are all in dirs already
    for (TemplateTrees.Entry e : files) {
      String rel = e.path().substring(cut);
      byRel.put(rel, e);
      int folder = rel.lastIndexOf('/');
      if (folder > 0 && !(folder == lastDir.length() && rel.startsWith(lastDir))) {
        for (int i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) {
          dirs.add(rel.substring(0, i));
        }
        lastDir = rel.substring(0, folder);
      }
    }
    List<String> sources = new ArrayList<>(byRel.size() + dirs.size());
    sources.addAll(byRel.keySet());
    sources.addAll(dirs);
    sortInPathOrder(sources);

    PathPlanner paths = new PathPlanner(engine, treeName, exclude, model);
    List<Planned> out = new ArrayList<>();
    for (String rel : sources) {
      TemplateTrees.Entry entry = byRel.get(rel);
      // an entry's path in the repository is its name in the template: TREE/REL
      PathPlanner.Placement p = paths.place(rel, entry == null, entry == null ? null : entry.path());
      if (p != null && entry != null) {
        out.add(new Planned(p.path(), p.render(), entry, entry.path()));
      }
    }
    paths.finish();
    return out;
  }

  /**
   * Sorts relative paths as {@link Path#compareTo} orders them. Where a path compares its bytes
   * (POSIX), ASCII names compare as their strings do, so no path is made for the usual template.
   */
  static void sortInPathOrder(List<String> rels) {
    boolean ascii = java.io.File.separatorChar == '/';
    for (int i = 0; ascii && i < rels.size(); i++) {
      String r = rels.get(i);
      for (int j = 0; j < r.length(); j++) {
        if (r.charAt(j) >= 0x80) {
          ascii = false;
          break;
        }
      }
    }
    if (ascii) {
      rels.sort(null);
      return;
    }
    List<Map.Entry<Path, String>> byPath = new ArrayList<>(rels.size());
    rels.forEach(r -> byPath.add(Map.entry(Path.of(r), r)));
    byPath.sort(Map.Entry.comparingByKey());
    rels.clear();
    byPath.forEach(e -> rels.add(e.getValue()));
  }

  /** The words in a template's text that load other template files. */
  private static final List<String> LOADERS = List.of("#include", "#import", "get_optional_template");

  /**
   * The text of every file to render (not known to be the same in both renders), or null when one
   * could load another template file, by its text or its name.
   */
  private static Map<String, String> texts(TemplateTrees.Tree tree, List<Planned> plan, Set<String> same) {
    List<Planned> todo = plan.stream().filter(p -> p.render() && !same.contains(p.path())).toList();
    Map<String, String> out = new ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicBoolean loads = new java.util.concurrent.atomic.AtomicBoolean();
    (todo.size() < 64 ? todo.stream() : todo.parallelStream()).forEach(p -> {
      String text = new String(tree.read(p.entry()), StandardCharsets.UTF_8);
      if (LOADERS.stream().anyMatch(w -> text.contains(w) || p.sourceName().contains(w))) {
        loads.set(true);
      }
      out.put(p.path(), text);
    });
    return loads.get() ? null : out;
  }

  /**
   * Whether no {@link TemplateVersionSource#CONTEXT_READERS} word is in the bytes, looked for in
   * the bytes themselves, not in a decoding: the words are ASCII, and no byte of a multi-byte UTF-8
   * character is, so this finds exactly what the text holds, with nothing copied.
   */
  static boolean contextFree(byte[] source) {
    return contextFree(source, source.length);
  }

  /** {@link #contextFree(byte[])} of the first {@code length} bytes. */
  static boolean contextFree(byte[] source, int length) {
    for (int i = 0; i < length; i++) {
      byte b = source[i];
      if (b >= 0 && CONTEXT_WORDS_BY_FIRST[b] != null) {
        for (byte[] word : CONTEXT_WORDS_BY_FIRST[b]) {
          if (startsAt(source, length, i, word)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean startsAt(byte[] text, int length, int at, byte[] word) {
    if (length - at < word.length) {
      return false;
    }
    for (int k = 1; k < word.length; k++) {
      if (text[at + k] != word[k]) {
        return false;
      }
    }
    return true;
  }

  /** The context words (as ASCII bytes) by their first byte: one pass over a file finds any of them. */
  private static final byte[][][] CONTEXT_WORDS_BY_FIRST = new byte[128][][];

  static {
    for (String w : TemplateVersionSource.CONTEXT_READERS) {
      byte[] word = w.getBytes(StandardCharsets.US_ASCII);
      byte[][] had = CONTEXT_WORDS_BY_FIRST[word[0]];
      byte[][] now = had == null ? new byte[1][] : java.util.Arrays.copyOf(had, had.length + 1);
      now[now.length - 1] = word;
      CONTEXT_WORDS_BY_FIRST[word[0]] = now;
    }
  }

  /**
   * The rendered tree: {@code .ftl} files rendered in memory (in parallel) as {@code TreeWriter}
   * renders them to disk, copied files read from the object database only when asked.
   */
  private static RenderedTree render(TemplateEngine engine, TemplateTrees.Tree tree, List<Planned> plan,
      Map<String, String> texts, Map<String, Object> model) {
    List<Planned> todo = plan.stream().filter(p -> texts.containsKey(p.path())).toList();
    Map<String, byte[]> rendered = new ConcurrentHashMap<>();
    (todo.size() < 16 ? todo.stream() : todo.parallelStream()).forEach(p -> {
      String text = texts.get(p.path());
      String plain = engine.renderPlain(text, p.sourceName(), model);
      if (plain == null) {
        StringWriter w = new StringWriter(Math.max(512, text.length()));
        engine.renderFile(text, p.sourceName(), model, w);
        plain = w.toString();
      }
      rendered.put(p.path(), plain.getBytes(StandardCharsets.UTF_8));
    });
    LinkedHashMap<String, RenderedTree.Content> contents = new LinkedHashMap<>();
    LinkedHashMap<String, String> sources = new LinkedHashMap<>();
    for (Planned p : plan) {
      boolean exec = p.entry().mode() == TemplateTrees.Mode.EXECUTABLE;
      byte[] bytes = rendered.get(p.path());
      contents.put(p.path(), bytes != null ? new RenderedTree.Bytes(bytes, exec)
          : p.render() ? null : new Stored(tree, p.entry()));
      sources.put(p.path(), p.sourceName());
    }
    return RenderedTree.of(contents, sources);
  }

  /** A copied file's bytes, read from the object database on first use. */
  private static final class Stored implements RenderedTree.Content {

    private final TemplateTrees.Tree tree;
    private final TemplateTrees.Entry entry;
    private volatile byte[] bytes;

    Stored(TemplateTrees.Tree tree, TemplateTrees.Entry entry) {
      this.tree = tree;
      this.entry = entry;
    }

    @Override
    public long size() {
      return bytes().length;
    }

    @Override
    public byte[] bytes() {
      byte[] b = bytes;
      if (b == null) {
        b = tree.read(entry);
        bytes = b;
      }
      return b;
    }

    @Override
    public boolean executable() {
      return entry.mode() == TemplateTrees.Mode.EXECUTABLE;
    }

    @Override
    public String id() {
      return entry.id();
    }
  }
}
