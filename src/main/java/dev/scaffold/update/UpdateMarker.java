package dev.scaffold.update;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden line scaffold writes into the body of its pull requests: the commit it pushed and
 * that commit's tree. A later run compares them with the pull request's head to tell whether
 * anyone else pushed to the branch, and with its own result to tell whether anything changed.
 */
record UpdateMarker(String commit, String tree) {

  private static final Pattern LINE =
      Pattern.compile("<!-- scaffold-update commit=([0-9a-f]{7,64}) tree=([0-9a-f]{7,64}) -->");

  static Optional<UpdateMarker> find(String body) {
    if (body == null) {
      return Optional.empty();
    }
    Matcher m = LINE.matcher(body);
    return m.find() ? Optional.of(new UpdateMarker(m.group(1), m.group(2))) : Optional.empty();
  }

  String line() {
    return "<!-- scaffold-update commit=" + commit + " tree=" + tree + " -->";
  }

  /** {@code body} with this marker appended. */
  String appendTo(String body) {
    return body + (body.endsWith("\n") ? "" : "\n") + "\n" + line() + "\n";
  }
}
