package dev.scaffold.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answer in GitHub's shape ({@code basic-error} or {@code validation-error}), thrown by a handler. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final transient ObjectNode body;

  ApiException(int status, String message, String docs) {
    super(message);
    this.status = status;
    this.body = GitHubJson.error(message, docs, status);
  }

  static ApiException notFound() {
    return new ApiException(404, "Not Found", GitHubJson.DOCS);
  }

  /** 422 "Validation Failed" with one {@code errors} entry; null fields are left out. */
  static ApiException validation(String docs, String message, String resource, String field, String code,
      String detail) {
    ApiException e = new ApiException(422, message, docs);
    ArrayNode errors = e.body.putArray("errors");
    ObjectNode err = errors.addObject();
    if (resource != null) err.put("resource", resource);
    if (field != null) err.put("field", field);
    if (code != null) err.put("code", code);
    if (detail != null) err.put("message", detail);
    // GitHub keeps documentation_url and status after errors; re-put them to keep that order
    String d = e.body.remove("documentation_url").asText();
    String s = e.body.remove("status").asText();
    e.body.put("documentation_url", d);
    e.body.put("status", s);
    return e;
  }

  /** 422 "Invalid request." as GitHub's schema validation words it. */
  static ApiException invalid(String docs, String detail) {
    return new ApiException(422, "Invalid request.\n\n" + detail, docs);
  }
}
