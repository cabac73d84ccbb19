package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointappeal.descriptors.Repo.Resource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Kubernetes imports the same realm as the local stack (deploy/keycloak/joint-appeal-realm.json)
 * without its local demo parts: no demo users, no demo-loader client, no client secrets (Keycloak
 * generates them; docs/operations.md rotates them), no password grant, TLS required outside the
 * cluster, and the web console's redirects to its public address instead of loopback; and hardened
 * for production (docs/security.md, "Production realm"): brute-force detection, a password policy,
 * a second factor for finance officers and appeal managers, shorter token lifetimes. On a
 * difference the expected file is written to target/descriptors/keycloak-realm-import.yaml: after a
 * realm change, copy it over deploy/kubernetes/base/keycloak-realm-import.yaml.
 */
class KeycloakRealmImportTest {

  private static final String CLI_CLIENT = "joint-appeal-cli";
  private static final String CONSOLE_CLIENT = "web-console";
  static final String CONSOLE_URL = "https://console.example.org";

  @Test
  void kubernetesImportsTheLocalRealmWithoutItsDemoParts() throws IOException {
    List<Resource> imports =
        Repo.baseResources().stream().filter(r -> r.is("KeycloakRealmImport")).toList();
    Map<String, Object> expected = expectedImport();
    if (imports.size() != 1 || !imports.get(0).tree().equals(expected)) {
      writeExpected(expected);
    }
    assertThat(imports).hasSize(1);
    assertThat(imports.get(0).tree().equals(expected))
        .as(
            "%s differs from the realm it is derived from; the expected one is in"
                + " target/descriptors/keycloak-realm-import.yaml",
            imports.get(0).where())
        .isTrue();
  }

  @Test
  void theRealmIsImportedIntoTheKeycloakOfTheBase() {
    List<Resource> base = Repo.baseResources();
    String keycloak =
        base.stream().filter(r -> r.is("Keycloak")).map(Resource::name).findFirst().orElseThrow();
    assertThat(base)
        .filteredOn(r -> r.is("KeycloakRealmImport"))
        .allMatch(r -> keycloak.equals(Tree.string(r.tree(), "spec", "keycloakCRName")));
  }

  static Map<String, Object> expectedImport() {
    Path realmFile = Repo.root().resolve("deploy/keycloak/joint-appeal-realm.json");
    // JSON is YAML: SnakeYAML reads the realm file as it is
    Map<String, Object> realm = new LinkedHashMap<>(Tree.map(Repo.documents(realmFile).get(0)));
    realm.remove("users");
    realm.put("displayName", "Joint Appeal");
    realm.put("sslRequired", "external");
    hardenForProduction(realm);
    List<Object> clients = new ArrayList<>();
    for (Object client : Tree.listAt(realm, "clients")) {
      Map<String, Object> copy = new LinkedHashMap<>(Tree.map(client));
      if ("demo-loader".equals(copy.get("clientId"))) {
        continue;
      }
      copy.remove("secret");
      if (CLI_CLIENT.equals(copy.get("clientId"))) {
        copy.put("directAccessGrantsEnabled", false);
        copy.put(
            "description",
            "Command-line client: authorization code with PKCE and a loopback redirect (RFC 8252);"
                + " no password grant outside the local stack.");
      }
      if (CONSOLE_CLIENT.equals(copy.get("clientId"))) {
        // the console's public address, not loopback (overlays set the real host name)
        copy.put("redirectUris", List.of(CONSOLE_URL + "/*"));
        Map<String, Object> attributes = new LinkedHashMap<>(Tree.map(copy.get("attributes")));
        attributes.put("post.logout.redirect.uris", CONSOLE_URL + "/*");
        copy.put("attributes", attributes);
        copy.put(
            "description",
            "Web console (backend-for-frontend): code flow with PKCE, RP-initiated logout; its"
                + " tokens name the three services as audiences. Keycloak generates its secret.");
      }
      clients.add(copy);
    }
    realm.put("clients", clients);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "joint-appeal");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("keycloakCRName", "keycloak");
    spec.put("realm", realm);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", "k8s.keycloak.org/v2alpha1");
    document.put("kind", "KeycloakRealmImport");
    document.put("metadata", metadata);
    document.put("spec", spec);
    return document;
  }

  /** The browser flow of the production realm: password, then OTP for the two powerful roles. */
  static final String BROWSER_FLOW = "browser with otp for finance officers and appeal managers";

  static final String PASSWORD_POLICY =
      "length(12) and maxLength(128) and notUsername() and notEmail() and passwordHistory(12)";

  /** Roles that move money or change what donors are asked for: a password alone is not enough. */
  static final List<String> SECOND_FACTOR_ROLES = List.of("finance-officer", "appeal-manager");

  /**
   * What only production gets; the local realm keeps the demo's password grant and no second
   * factor, so that tests and the demo can fetch tokens. docs/security.md says why for each.
   */
  private static void hardenForProduction(Map<String, Object> realm) {
    // five wrong passwords lock the account for a minute, doubling up to 15 minutes; never
    // permanently (a locked-out finance officer on a pledging day is a denial of service)
    realm.put("bruteForceProtected", true);
    realm.put("permanentLockout", false);
    realm.put("failureFactor", 5);
    realm.put("waitIncrementSeconds", 60);
    realm.put("maxFailureWaitSeconds", 900);
    realm.put("minimumQuickLoginWaitSeconds", 60);
    realm.put("quickLoginCheckMilliSeconds", 1000);
    realm.put("maxDeltaTimeSeconds", 43200);
    realm.put("passwordPolicy", PASSWORD_POLICY);
    // token lifetimes, stated rather than inherited from Keycloak's defaults
    realm.put("accessTokenLifespan", 300);
    realm.put("accessCodeLifespan", 60);
    realm.put("ssoSessionIdleTimeout", 1800);
    realm.put("ssoSessionMaxLifespan", 36000);
    realm.put("offlineSessionIdleTimeout", 86400);
    realm.put("offlineSessionMaxLifespanEnabled", true);
    realm.put("offlineSessionMaxLifespan", 604800);
    realm.put("actionTokenGeneratedByUserLifespan", 300);
    realm.put("actionTokenGeneratedByAdminLifespan", 43200);
    realm.put("otpPolicyType", "totp");
    realm.put("otpPolicyAlgorithm", "HmacSHA1");
    realm.put("otpPolicyDigits", 6);
    realm.put("otpPolicyPeriod", 30);
    realm.put("browserFlow", BROWSER_FLOW);
    List<Object> configs = new ArrayList<>();
    List<Object> otpSubflows = new ArrayList<>();
    List<Object> flows = new ArrayList<>();
    int priority = 20;
    for (String role : SECOND_FACTOR_ROLES) {
      String alias = role + " otp";
      configs.add(
          Map.of(
              "alias", role + " role", "config", Map.of("condUserRole", role, "negate", "false")));
      otpSubflows.add(subflow(alias, "CONDITIONAL", priority));
      priority += 10;
      flows.add(
          flow(
              alias,
              "Users with the role " + role + " give a one-time code (set up at the first login)",
              false,
              List.of(
                  step("conditional-user-role", "REQUIRED", 10, role + " role"),
                  step("auth-otp-form", "REQUIRED", 20, null))));
    }
    List<Object> forms = new ArrayList<>();
    forms.add(step("auth-username-password-form", "REQUIRED", 10, null));
    forms.addAll(otpSubflows);
    flows.add(0, flow(BROWSER_FLOW + " forms", "Password, then OTP by role", false, forms));
    flows.add(
        0,
        flow(
            BROWSER_FLOW,
            "Keycloak's browser flow with a second factor required by role",
            true,
            List.of(
                step("auth-cookie", "ALTERNATIVE", 10, null),
                subflow(BROWSER_FLOW + " forms", "ALTERNATIVE", 20))));
    realm.put("authenticatorConfig", configs);
    realm.put("authenticationFlows", flows);
  }

  private static Map<String, Object> flow(
      String alias, String description, boolean topLevel, List<Object> executions) {
    Map<String, Object> flow = new LinkedHashMap<>();
    flow.put("alias", alias);
    flow.put("description", description);
    flow.put("providerId", "basic-flow");
    flow.put("topLevel", topLevel);
    flow.put("builtIn", false);
    flow.put("authenticationExecutions", executions);
    return flow;
  }

  private static Map<String, Object> step(
      String authenticator, String requirement, int priority, String config) {
    Map<String, Object> step = new LinkedHashMap<>();
    if (config != null) {
      step.put("authenticatorConfig", config);
    }
    step.put("authenticator", authenticator);
    step.put("authenticatorFlow", false);
    step.put("requirement", requirement);
    step.put("priority", priority);
    step.put("userSetupAllowed", false);
    return step;
  }

  private static Map<String, Object> subflow(String alias, String requirement, int priority) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("authenticatorFlow", true);
    step.put("requirement", requirement);
    step.put("priority", priority);
    step.put("flowAlias", alias);
    step.put("userSetupAllowed", false);
    return step;
  }

  private static void writeExpected(Map<String, Object> expected) throws IOException {
    var options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(4096);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    String header =
        "# Generated from deploy/keycloak/joint-appeal-realm.json by deploy/tests/descriptors"
            + " (KeycloakRealmImportTest):\n"
            + "# the local realm without demo users, the demo-loader client, client secrets and"
            + " the password grant,\n"
            + "# hardened for production: brute-force detection, password policy, OTP for finance"
            + " officers and appeal managers, token lifetimes (docs/security.md).\n"
            + "# Imported once: Keycloak does not update an existing realm from it"
            + " (docs/operations.md).\n";
    Path target = Path.of("target/descriptors/keycloak-realm-import.yaml");
    Files.createDirectories(target.getParent());
    Files.writeString(target, header + new org.yaml.snakeyaml.Yaml(options).dump(expected));
  }
}
