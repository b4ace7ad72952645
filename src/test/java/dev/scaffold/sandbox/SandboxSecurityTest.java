package dev.scaffold.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loopback GitHub's security settings and custom properties: state, and GitHub's errors for what it refuses. */
class SandboxSecurityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  GitHubSandbox sandbox;
  String base;

  @BeforeEach
  void start() throws Exception {
    sandbox = GitHubSandbox.builder().token("tok", "octo").org("acme").start();
    base = sandbox.baseUrl();
    sandbox.customProperty("acme", "team", "platform", "data");
    sandbox.customProperty("acme", "languages", "multi_select", false, "java", "go");
    sandbox.customProperty("acme", "cost_centre", "string", true);
    assertEquals(201, send("POST", "/orgs/acme/repos", "{\"name\":\"open\",\"visibility\":\"public\"}").statusCode());
    assertEquals(201, send("POST", "/orgs/acme/repos", "{\"name\":\"closed\",\"visibility\":\"private\"}").statusCode());
    assertEquals(201, send("POST", "/user/repos", "{\"name\":\"mine\"}").statusCode());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    return RawHttp.send(method, base + path, "tok", body);
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> properties(String repo, String values) throws Exception {
    return send("PATCH", "/repos/" + repo + "/properties/values", "{\"properties\":[" + values + "]}");
  }

  @Test
  void theSchemaListsEachPropertyWithItsTypeAndValues() throws Exception {
    HttpResponse<String> r = send("GET", "/orgs/acme/properties/schema", null);
    assertEquals(200, r.statusCode());
    JsonNode schema = json(r);
    assertEquals(3, schema.size());
    JsonNode languages = schema.get(1);
    assertEquals("languages", languages.path("property_name").asText());
    assertEquals("multi_select", languages.path("value_type").asText());
    assertEquals("[\"java\",\"go\"]", languages.path("allowed_values").toString());
    assertTrue(schema.get(0).path("required").asBoolean(), schema.toString());
    assertEquals(404, send("GET", "/orgs/octo/properties/schema", null).statusCode());
  }

  @Test
  void propertyValuesAreSetAllOrNone() throws Exception {
    assertEquals(204, properties("acme/open", "{\"property_name\":\"team\",\"value\":\"data\"},"
        + "{\"property_name\":\"languages\",\"value\":[\"java\",\"go\"]}").statusCode());
    assertEquals(Map.of("team", "data", "languages", List.of("java", "go")), sandbox.customProperties("acme/open"));

    HttpResponse<String> unknown = properties("acme/open", "{\"property_name\":\"team\",\"value\":\"platform\"},"
        + "{\"property_name\":\"tier\",\"value\":\"gold\"}");
    assertEquals(422, unknown.statusCode());
    assertEquals("Unexpected property 'tier'", json(unknown).path("message").asText());
    assertEquals("data", sandbox.customProperties("acme/open").get("team"), "nothing of a refused request is set");

    HttpResponse<String> notAllowed = properties("acme/open", "{\"property_name\":\"team\",\"value\":\"ops\"}");
    assertEquals(422, notAllowed.statusCode());
    assertEquals("Value 'ops' is not allowed for property 'team'", json(notAllowed).path("message").asText());
    assertEquals(422, properties("acme/open", "{\"property_name\":\"languages\",\"value\":\"java\"}").statusCode());
    assertEquals(422, properties("acme/open", "{\"property_name\":\"team\",\"value\":[\"data\"]}").statusCode());
    assertEquals(422, properties("acme/open", "{\"property_name\":\"cost_centre\",\"value\":null}").statusCode());

    assertEquals(204, properties("acme/open", "{\"property_name\":\"languages\",\"value\":null}").statusCode());
    assertEquals(Map.of("team", "data"), sandbox.customProperties("acme/open"));
    assertEquals(404, properties("octo/mine", "{\"property_name\":\"team\",\"value\":\"data\"}").statusCode());
  }

  @Test
  void secretScanningOfAPrivateRepositoryNeedsAdvancedSecurity() throws Exception {
    String scanning = "{\"security_and_analysis\":{\"secret_scanning\":{\"status\":\"enabled\"}}}";
    HttpResponse<String> refused = send("PATCH", "/repos/acme/closed", scanning);
    assertEquals(403, refused.statusCode());
    assertTrue(json(refused).path("message").asText().startsWith("Advanced Security has not been purchased for acme"),
        refused.body());
    assertEquals(null, sandbox.security("acme/closed").get("secret_scanning"));
    assertEquals(200, send("PATCH", "/repos/acme/open", scanning).statusCode());
    assertEquals("enabled", sandbox.security("acme/open").get("secret_scanning"));
    sandbox.plan("acme", "enterprise");
    assertEquals(200, send("PATCH", "/repos/acme/closed", scanning).statusCode());
    assertEquals("enabled", sandbox.security("acme/closed").get("secret_scanning"));
    HttpResponse<String> bad = send("PATCH", "/repos/acme/open",
        "{\"security_and_analysis\":{\"secret_scanning\":{\"status\":\"on\"}}}");
    assertEquals(422, bad.statusCode());
  }

  @Test
  void pushProtectionNeedsSecretScanning() throws Exception {
    HttpResponse<String> r = send("PATCH", "/repos/acme/open",
        "{\"security_and_analysis\":{\"secret_scanning_push_protection\":{\"status\":\"enabled\"}}}");
    assertEquals(422, r.statusCode());
    assertTrue(r.body().contains("requires secret scanning"), r.body());
  }

  @Test
  void securityUpdatesNeedAlertsAndEndWithThem() throws Exception {
    HttpResponse<String> early = send("PUT", "/repos/acme/open/automated-security-fixes", null);
    assertEquals(422, early.statusCode());
    assertTrue(early.body().contains("Dependabot alerts are disabled"), early.body());
    assertEquals(204, send("PUT", "/repos/acme/open/vulnerability-alerts", null).statusCode());
    assertEquals(204, send("PUT", "/repos/acme/open/automated-security-fixes", null).statusCode());
    assertEquals("enabled", sandbox.security("acme/open").get("dependabot_security_updates"));
    assertEquals(204, send("DELETE", "/repos/acme/open/vulnerability-alerts", null).statusCode());
    assertEquals(Map.of("dependabot_alerts", "disabled", "dependabot_security_updates", "disabled"),
        sandbox.security("acme/open"));
    assertEquals(404, send("PUT", "/repos/acme/nothing/vulnerability-alerts", null).statusCode());
  }
}
