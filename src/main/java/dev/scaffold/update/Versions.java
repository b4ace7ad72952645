package dev.scaffold.update;

import dev.scaffold.template.TemplateVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A template's git tags read as versions (SPEC §5): ordered oldest first, with the tags that are
 * no version kept apart so that {@code --verbose} can name them.
 *
 * @param ordered every tag that is a version, oldest first (ties keep tag order)
 * @param ignored tags that are not versions
 */
public record Versions(List<TemplateVersion> ordered, List<String> ignored) {

  public Versions {
    ordered = List.copyOf(ordered);
    ignored = List.copyOf(ignored);
  }

  public static Versions of(Collection<String> tags) {
    List<TemplateVersion> ordered = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (String t : tags) {
      TemplateVersion.parse(t).ifPresentOrElse(ordered::add, () -> ignored.add(t));
    }
    ordered.sort(Comparator.naturalOrder());
    return new Versions(ordered, ignored);
  }

  /** The newest version, skipping pre-releases unless asked. */
  public Optional<TemplateVersion> newest(boolean prerelease) {
    for (int i = ordered.size() - 1; i >= 0; i--) {
      if (prerelease || !ordered.get(i).isPrerelease()) {
        return Optional.of(ordered.get(i));
      }
    }
    return Optional.empty();
  }

  /** The version of exactly that tag, if the tag is a version. */
  public Optional<TemplateVersion> find(String tag) {
    return ordered.stream().filter(v -> v.tag().equals(tag)).findFirst();
  }

  /** Tag names, oldest first. */
  public List<String> tags() {
    return ordered.stream().map(TemplateVersion::tag).toList();
  }
}
