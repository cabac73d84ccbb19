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
 * cluster, and the web console's redirects to its public address instead of loopback. On a
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

  private static void writeExpected(Map<String, Object> expected) throws IOException {
    var options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(4096);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    String header =
        "# Generated from deploy/keycloak/joint-appeal-realm.json by deploy/descriptors"
            + " (KeycloakRealmImportTest):\n"
            + "# the local realm without demo users, the demo-loader client, client secrets and"
            + " the password grant.\n"
            + "# Imported once: Keycloak does not update an existing realm from it"
            + " (docs/operations.md).\n";
    Path target = Path.of("target/descriptors/keycloak-realm-import.yaml");
    Files.createDirectories(target.getParent());
    Files.writeString(target, header + new org.yaml.snakeyaml.Yaml(options).dump(expected));
  }
}
