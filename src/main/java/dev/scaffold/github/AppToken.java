package dev.scaffold.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scaffold.InputException;
import dev.scaffold.publish.RemoteFailure;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * A GitHub App's installation token for one owner: a JWT signed with the app's private key (RS256,
 * JDK crypto) finds the owner's installation and asks for a token, which is renewed five minutes
 * before it expires. Neither the key nor the JWT goes into a message.
 */
public final class AppToken implements Supplier<String> {

  /** Renewed this long before GitHub's {@code expires_at}. */
  static final Duration MARGIN = Duration.ofMinutes(5);

  private final String api;
  private final String appId;
  private final PrivateKey key;
  private final String owner;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private Long installation;
  private String token;
  private Instant expires = Instant.EPOCH;

  AppToken(String apiUrl, String appId, PrivateKey key, String owner, Clock clock) {
    this.api = apiUrl.replaceAll("/+$", "");
    this.appId = appId;
    this.key = key;
    this.owner = owner;
    this.clock = clock;
  }

  /**
   * The app from {@code SCAFFOLD_GITHUB_APP_ID} and {@code SCAFFOLD_GITHUB_APP_PRIVATE_KEY} (the PEM
   * text) or {@code SCAFFOLD_GITHUB_APP_PRIVATE_KEY_FILE}; null when no app id is set.
   */
  public static AppToken fromEnvironment(Map<String, String> env, String apiUrl, String owner) {
    String id = env.get("SCAFFOLD_GITHUB_APP_ID");
    if (id == null || id.isBlank()) {
      return null;
    }
    if (!id.strip().matches("\\d{1,18}")) {
      throw new InputException("SCAFFOLD_GITHUB_APP_ID must be the app's numeric id");
    }
    String pem = env.get("SCAFFOLD_GITHUB_APP_PRIVATE_KEY");
    String file = env.get("SCAFFOLD_GITHUB_APP_PRIVATE_KEY_FILE");
    if ((pem == null || pem.isBlank()) && file != null && !file.isBlank()) {
      try {
        pem = java.nio.file.Files.readString(java.nio.file.Path.of(file), StandardCharsets.US_ASCII);
      } catch (java.io.IOException | RuntimeException e) {
        throw new InputException("cannot read SCAFFOLD_GITHUB_APP_PRIVATE_KEY_FILE " + file + ": " + e.getClass().getSimpleName());
      }
    }
    if (pem == null || pem.isBlank()) {
      throw new InputException("SCAFFOLD_GITHUB_APP_ID is set: set SCAFFOLD_GITHUB_APP_PRIVATE_KEY (the PEM text) or"
          + " SCAFFOLD_GITHUB_APP_PRIVATE_KEY_FILE too");
    }
    return new AppToken(apiUrl, id.strip(), privateKey(pem), owner, Clock.systemUTC());
  }

  /** A PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}, what GitHub hands out) RSA key. */
  static PrivateKey privateKey(String pem) {
    boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(body);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs8(der) : der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new InputException("the GitHub App private key is not an RSA key in PEM form (PKCS#1 or PKCS#8)");
    }
  }

  /** Wraps a PKCS#1 RSAPrivateKey in PKCS#8's PrivateKeyInfo: version 0, rsaEncryption, the key as an octet string. */
  private static byte[] pkcs8(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01,
        0x05, 0x00};
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, pkcs1);
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(version);
    inner.writeBytes(algorithm);
    inner.writeBytes(octets);
    return der(0x30, inner.toByteArray());
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(n >>> (8 * i) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** The app's JWT: issued a minute back (clock drift), valid nine minutes (GitHub allows ten). */
  String jwt() {
    long now = clock.instant().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(("{\"iat\":" + (now - 60) + ",\"exp\":" + (now + 540) + ",\"iss\":\"" + appId + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the GitHub App JWT: " + e.getClass().getSimpleName(), e);
    }
  }

  /** The installation token, renewed when it is within {@link #MARGIN} of expiring. */
  @Override
  public synchronized String get() {
    if (token == null || clock.instant().isAfter(expires.minus(MARGIN))) {
      renew();
    }
    return token;
  }

  private void renew() {
    GitHubRest rest = appRest();
    if (installation == null) {
      // the owner as an organisation, else as a user
      installation = installationAs(rest, "orgs");
      if (installation == null) {
        installation = installationAs(rest, "users");
      }
      if (installation == null) {
        throw RemoteFailure.permanent("the GitHub App " + appId + " is not installed on " + owner, 404);
      }
    }
    GitHubRest.Answer t = rest.send("POST", "/app/installations/" + installation + "/access_tokens", null);
    if (t.status() == 404) {
      throw RemoteFailure.permanent("the GitHub App installation " + installation + " was not found", 404);
    }
    JsonNode body = t.body();
    token = body.path("token").asText();
    expires = Instant.parse(body.path("expires_at").asText());
  }

  /** The API as the app itself, with a fresh JWT. */
  GitHubRest appRest() {
    String jwt = jwt();
    return new GitHubRest(api, () -> jwt, new HttpClientGitHubConnector(http), clock, null);
  }

  /** The app's installation on the owner as an account of {@code kind} ({@code orgs} or {@code users}); null if none. */
  Long installationAs(GitHubRest rest, String kind) {
    GitHubRest.Answer a = rest.send("GET", "/" + kind + "/" + seg(owner) + "/installation", null);
    return a.status() == 404 ? null : a.body().path("id").asLong();
  }

  private static String seg(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
