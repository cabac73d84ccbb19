package org.jointappeal.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jointappeal.localstack.Platform;
import org.jointappeal.localstack.Tokens;

/**
 * Tokens a service must refuse, each wrong in one way only: everything else about them is what a
 * real auditor's token carries. The test clients they need are added to the running Keycloak over
 * its admin API (local demo admin), not to the realm file: they exist only for these tests.
 */
final class BadTokens {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

  /** Puts the three services in aud, like joint-appeal-cli, but its tokens live one second. */
  static final String SHORT_LIVED_CLIENT = "e2e-short-lived";

  /** A public client with no audience mappers: its tokens name none of the services. */
  static final String NO_AUDIENCE_CLIENT = "e2e-no-audience";

  private BadTokens() {}

  /** A real token whose signature is changed: same header and claims, bytes flipped. */
  static String tamperedSignature(String real) {
    int dot = real.lastIndexOf('.');
    byte[] signature = URL_DECODER.decode(real.substring(dot + 1));
    signature[signature.length / 2] ^= 0x5a;
    return real.substring(0, dot + 1) + URL.encodeToString(signature);
  }

  /** The claims and key id of a real token, signed RS256 by a key Keycloak never saw. */
  static String signedByAnotherKey(String real) throws Exception {
    String[] parts = real.split("\\.");
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    var pair = keys.generateKeyPair();
    String signingInput = parts[0] + "." + parts[1];
    var signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(pair.getPrivate());
    signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + URL.encodeToString(signer.sign());
  }

  /** The claims of a real token under {@code "alg":"none"}, with no signature at all. */
  static String unsigned(String real) {
    String payload = real.split("\\.")[1];
    String header =
        URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }

  /** A token of the realm "other-realm", whose keys and issuer are not the services' realm. */
  static String fromAnotherRealm() {
    Platform platform = RunningPlatform.get();
    return Tokens.forRealm(platform.keycloak().baseUrl(), "other-realm")
        .password("stranger", "demo");
  }

  /** The auditor's token from a client that names none of the services as audience. */
  static String forAnotherAudience() {
    ensureClient(NO_AUDIENCE_CLIENT, Map.of(), List.of());
    return password(NO_AUDIENCE_CLIENT, "auditor");
  }

  /** The auditor's token from the one-second client, once it has expired. */
  static String expired() throws Exception {
    ensureClient(
        SHORT_LIVED_CLIENT,
        Map.of("access.token.lifespan", "1"),
        List.of("appeal-service", "pledge-service", "notification-service"));
    String token = password(SHORT_LIVED_CLIENT, "auditor");
    long expiresAt = claims(token).path("exp").asLong();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> Instant.now().getEpochSecond() > expiresAt + 2);
    return token;
  }

  static ObjectNode claims(String token) throws Exception {
    return (ObjectNode) JSON.readTree(URL_DECODER.decode(token.split("\\.")[1]));
  }

  private static String password(String client, String user) {
    return given()
        .baseUri(RunningPlatform.get().keycloak().baseUrl())
        .formParam("grant_type", "password")
        .formParam("client_id", client)
        .formParam("username", user)
        .formParam("password", "demo")
        .post("/realms/" + Platform.REALM + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** Creates a public client with direct grants in the application's realm, if it is missing. */
  private static synchronized void ensureClient(
      String clientId, Map<String, String> attributes, List<String> audiences) {
    String keycloak = RunningPlatform.get().keycloak().baseUrl();
    String admin =
        given()
            .baseUri(keycloak)
            .formParam("grant_type", "password")
            .formParam("client_id", "admin-cli")
            .formParam("username", "admin") // local demo only
            .formParam("password", "admin") // local demo only
            .post("/realms/master/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    var client = JSON.createObjectNode();
    client.put("clientId", clientId);
    client.put("publicClient", true);
    client.put("directAccessGrantsEnabled", true);
    client.put("standardFlowEnabled", false);
    var attributeNode = client.putObject("attributes");
    attributes.forEach(attributeNode::put);
    var mappers = client.putArray("protocolMappers");
    for (String audience : audiences) {
      var mapper = mappers.addObject();
      mapper.put("name", "audience " + audience);
      mapper.put("protocol", "openid-connect");
      mapper.put("protocolMapper", "oidc-audience-mapper");
      var config = mapper.putObject("config");
      config.put("included.client.audience", audience);
      config.put("access.token.claim", "true");
      config.put("id.token.claim", "false");
    }
    int status =
        given()
            .baseUri(keycloak)
            .auth()
            .oauth2(admin)
            .contentType("application/json")
            .body(client.toString())
            .post("/admin/realms/" + Platform.REALM + "/clients")
            .statusCode();
    if (status != 201 && status != 409) { // 409: made by an earlier run on the same Keycloak data
      throw new IllegalStateException(
          "cannot create the Keycloak client " + clientId + ": " + status);
    }
  }
}
