package org.jointappeal.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the real Keycloak with the checkout's realm files and checks the tokens the services rely
 * on. The work directory under target/ is kept, so later runs skip unpacking and importing.
 */
class KeycloakServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK_DIR = Path.of("target", "keycloak-test").toAbsolutePath();
  private static final List<String> SERVICES =
      List.of("appeal-service", "pledge-service", "notification-service");

  private static KeycloakServer server;
  private static Tokens tokens;

  @BeforeAll
  static void start() {
    server = KeycloakServer.start(WORK_DIR, 0, 0, KeycloakServer.defaultRealmFiles());
    tokens = Tokens.forRealm(server.baseUrl(), KeycloakServer.REALM);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void donorTokenCarriesDonorCodeDonorRoleAndAllServiceAudiences() {
    JsonNode claims = claims(tokens.password("donor-nor", "demo"));

    assertThat(claims.path("iss").asText()).isEqualTo(server.issuer(KeycloakServer.REALM));
    assertThat(claims.path("preferred_username").asText()).isEqualTo("donor-nor");
    assertThat(claims.path("sub").asText()).isNotBlank();
    assertThat(claims.path("donor_code").isTextual()).as("donor_code is a plain string").isTrue();
    assertThat(claims.path("donor_code").asText()).isEqualTo("NOR");
    assertThat(texts(claims.path("realm_access").path("roles"))).containsExactly("donor");
    assertThat(texts(claims.path("aud"))).containsExactlyInAnyOrderElementsOf(SERVICES);
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
  }

  @Test
  void everyDonorHasItsOwnCountryCode() {
    for (String code : List.of("NOR", "SWE", "CHE", "USA", "JPN")) {
      String username = "donor-" + code.toLowerCase();
      assertThat(claims(tokens.password(username, "demo")).path("donor_code").asText())
          .as(username)
          .isEqualTo(code);
    }
  }

  @Test
  void staffTokensHaveTheirRoleAndNoDonorCode() {
    JsonNode finance = claims(tokens.password("finance", "demo"));
    assertThat(texts(finance.path("realm_access").path("roles")))
        .containsExactly("finance-officer");
    assertThat(finance.has("donor_code")).isFalse();
    assertThat(texts(finance.path("aud"))).containsExactlyInAnyOrderElementsOf(SERVICES);

    assertThat(texts(claims(tokens.password("manager", "demo")).path("realm_access").path("roles")))
        .containsExactly("appeal-manager");
    assertThat(texts(claims(tokens.password("auditor", "demo")).path("realm_access").path("roles")))
        .containsExactly("auditor");
  }

  @Test
  void demoLoaderGetsAServiceAccountToken() {
    JsonNode claims =
        claims(tokens.clientCredentials("demo-loader", "local-demo-only-demo-loader-secret"));

    assertThat(claims.path("azp").asText()).isEqualTo("demo-loader");
    assertThat(texts(claims.path("realm_access").path("roles")))
        .containsExactlyInAnyOrder("appeal-manager", "finance-officer");
    assertThat(texts(claims.path("aud"))).containsExactlyInAnyOrderElementsOf(SERVICES);
    assertThat(claims.has("donor_code")).isFalse();
  }

  @Test
  void wrongCredentialsAreRefusedWithKeycloaksError() {
    assertThatThrownBy(() -> tokens.password("donor-nor", "not-the-password"))
        .isInstanceOfSatisfying(
            Tokens.TokenException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).contains("invalid_grant");
            });
    assertThatThrownBy(() -> tokens.clientCredentials("demo-loader", "wrong-secret"))
        .isInstanceOf(Tokens.TokenException.class)
        .hasMessageContaining("unauthorized_client");
    // The resource servers have no grant at all.
    assertThatThrownBy(
            () ->
                tokens.clientCredentials("pledge-service", "local-demo-only-pledge-service-secret"))
        .isInstanceOf(Tokens.TokenException.class);
  }

  @Test
  void otherRealmIssuesLookAlikeTokensUnderAnotherIssuer() {
    Tokens other = Tokens.forRealm(server.baseUrl(), "other-realm");
    JsonNode claims = claims(other.password("stranger", "demo"));

    assertThat(claims.path("iss").asText())
        .isEqualTo(server.issuer("other-realm"))
        .isNotEqualTo(server.issuer(KeycloakServer.REALM));
    assertThat(claims.path("donor_code").asText()).isEqualTo("NOR");
    assertThat(texts(claims.path("realm_access").path("roles"))).containsExactly("donor");
    assertThat(texts(claims.path("aud"))).containsExactlyInAnyOrderElementsOf(SERVICES);
    // Users do not cross realms.
    assertThatThrownBy(() -> other.password("donor-nor", "demo"))
        .isInstanceOf(Tokens.TokenException.class);
  }

  @Test
  void listensOnLoopbackOnly() throws IOException {
    Set<String> inodes = new HashSet<>();
    for (ProcessHandle process : server.processTree()) {
      Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
      try (Stream<Path> links = Files.list(fds)) {
        for (Path link : links.toList()) {
          try {
            String target = Files.readSymbolicLink(link).toString();
            if (target.startsWith("socket:[")) {
              inodes.add(target.substring(8, target.length() - 1));
            }
          } catch (IOException closedMeanwhile) {
            // the descriptor went away while listing
          }
        }
      }
    }
    List<String> listening = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] inode
        if (f[3].equals("0A") && inodes.contains(f[9])) {
          listening.add(f[1]);
        }
      }
    }
    assertThat(listening).as("Keycloak's listening sockets").isNotEmpty();
    assertThat(listening)
        .allSatisfy(
            address ->
                assertThat(address.substring(0, address.indexOf(':')))
                    .as(address)
                    .isIn("0100007F", "0000000000000000FFFF00000100007F"));
    assertThat(listening)
        .anyMatch(a -> a.endsWith(String.format(":%04X", server.httpPort())))
        .anyMatch(a -> a.endsWith(String.format(":%04X", server.managementPort())));
  }

  @Test
  void aSecondServerOnTheSameWorkDirectoryFailsAtOnce() {
    assertThatThrownBy(
            () -> KeycloakServer.start(WORK_DIR, 0, 0, KeycloakServer.defaultRealmFiles()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another Keycloak");
  }

  private static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    try {
      return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("not a JSON payload: " + jwt, e);
    }
  }

  private static List<String> texts(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    } else if (node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }
}
