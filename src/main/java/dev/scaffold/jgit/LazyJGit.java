package dev.scaffold.jgit;

import dev.scaffold.publish.GitClient;
import dev.scaffold.publish.GitRepo;
import dev.scaffold.template.TemplateFetcher;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The JGit adapters, made on first real use. Setting JGit up (its file-system layer and
 * timestamp-resolution store) costs 50-100 ms of class loading, a quarter of a small {@code
 * scaffold new}; a run with {@code --no-git} from a plain folder template asks only whether
 * folders are repositories, which {@link JGitClient#mayBeRepository} answers without JGit.
 */
public final class LazyJGit {

  private LazyJGit() {}

  public static GitClient client() {
    Supplier<JGitClient> real = memo(JGitClient::new);
    return new GitClient() {
      @Override
      public boolean isRepository(Path dir) {
        return JGitClient.mayBeRepository(dir) && real.get().isRepository(dir);
      }

      @Override
      public GitRepo init(Path dir, String branch) {
        return real.get().init(dir, branch);
      }

      @Override
      public java.util.Optional<Path> enclosingRoot(Path dir) {
        // found without JGit when dir is no repository itself, the usual case for a sub-folder
        return JGitClient.mayBeRepository(dir) ? real.get().enclosingRoot(dir) : JGitClient.enclosingAbove(dir);
      }

      @Override
      public GitRepo openWithin(Path root, String base, List<String> folders) {
        return real.get().openWithin(root, base, folders);
      }

      @Override
      public GitRepo open(Path dir) {
        return real.get().open(dir);
      }
    };
  }

  /** A {@link JGitTemplateFetcher} with the token for the URLs {@code scope} allows, made on first real use. */
  public static TemplateFetcher fetcher(String token, dev.scaffold.TokenScope scope) {
    return fetcher(token, scope, dev.scaffold.Progress.NONE);
  }

  /** {@link #fetcher(String, dev.scaffold.TokenScope)}, showing a clone's counts on {@code progress}. */
  public static TemplateFetcher fetcher(String token, dev.scaffold.TokenScope scope, dev.scaffold.Progress progress) {
    Supplier<JGitTemplateFetcher> real = memo(() -> new JGitTemplateFetcher(token, scope, progress));
    return new TemplateFetcher() {
      @Override
      public boolean isRepository(Path dir) {
        return JGitClient.mayBeRepository(dir) && real.get().isRepository(dir);
      }

      @Override
      public List<String> tags(String url) {
        return real.get().tags(url);
      }

      @Override
      public String checkout(String url, String ref, Path into) {
        return real.get().checkout(url, ref, into);
      }

      @Override
      public String originUrl(Path dir) {
        return JGitClient.mayBeRepository(dir) ? real.get().originUrl(dir) : null;
      }
    };
  }

  private static <T> Supplier<T> memo(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }
}
