package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The web console runs wherever the services run: compose and Kubernetes start it with what it
 * needs (the services' addresses, the realm, its client secret from a Secret), set only keys it
 * reads, and the realm has its client, whose tokens the three services accept.
 */
class WebConsoleDescriptorsTest {

  private static final String CONSOLE = "web-console";
  private static final Set<String> REQUIRED =
      Set.of(
          "QUARKUS_HTTP_HOST",
          "QUARKUS_OIDC_AUTH_SERVER_URL",
          "QUARKUS_OIDC_CREDENTIALS_SECRET",
          "QUARKUS_REST_CLIENT_APPEAL_SERVICE_URL",
          "QUARKUS_REST_CLIENT_PLEDGE_SERVICE_URL",
          "QUARKUS_REST_CLIENT_NOTIFICATION_SERVICE_URL");

  @Test
  void composeRunsTheConsoleAgainstTheServicesContainers() {
    Map<String, String> environment = ServiceEnvironmentTest.composeEnvironment(CONSOLE);
    assertThat(Tree.string(Repo.composeFile(), "services", CONSOLE, "image"))
        .startsWith("jointappeal/" + CONSOLE + ":");
    assertThat(environment.keySet()).containsAll(REQUIRED);
    assertThat(onlyReadKeys(environment.keySet())).isEmpty();
    for (String service : Repo.SERVICES) {
      assertThat(environment.get(urlVariable(service))).isEqualTo("http://" + service + ":8080");
      assertThat(
              Tree.string(
                  Repo.composeFile(), "services", CONSOLE, "depends_on", service, "condition"))
          .isEqualTo("service_healthy");
    }
  }

  @Test
  void kubernetesRunsTheConsoleAgainstTheServicesServices() {
    Map<String, String> environment = ServiceEnvironmentTest.kubernetesEnvironment(CONSOLE);
    assertThat(environment.keySet()).containsAll(REQUIRED);
    assertThat(onlyReadKeys(environment.keySet())).isEmpty();
    var base = Repo.baseResources();
    var config =
        base.stream()
            .filter(r -> r.is("ConfigMap") && r.name().equals(CONSOLE + "-config"))
            .findFirst()
            .orElseThrow();
    for (String service : Repo.SERVICES) {
      assertThat(base).anyMatch(r -> r.is("Service") && r.name().equals(service));
      assertThat(Tree.string(config.tree(), "data", urlVariable(service)))
          .isEqualTo("http://" + service);
    }
    assertThat(base).anyMatch(r -> r.is("Service") && r.name().equals(CONSOLE));
  }

  @Test
  void theRealmHasTheConsolesConfidentialClientWithTheServicesAudiences() {
    var realm =
        Tree.map(
            Repo.documents(Repo.root().resolve("deploy/keycloak/joint-appeal-realm.json")).get(0));
    var client =
        Tree.listAt(realm, "clients").stream()
            .filter(c -> CONSOLE.equals(Tree.string(c, "clientId")))
            .findFirst()
            .orElseThrow();
    assertThat(Tree.at(client, "publicClient")).isEqualTo(false);
    assertThat(Tree.at(client, "standardFlowEnabled")).isEqualTo(true);
    assertThat(Tree.at(client, "directAccessGrantsEnabled")).isEqualTo(false);
    assertThat(Tree.string(client, "attributes", "pkce.code.challenge.method")).isEqualTo("S256");
    List<String> audiences = new ArrayList<>();
    for (Object mapper : Tree.listAt(client, "protocolMappers")) {
      if ("oidc-audience-mapper".equals(Tree.string(mapper, "protocolMapper"))) {
        audiences.add(Tree.string(mapper, "config", "included.client.audience"));
      }
    }
    assertThat(audiences).containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
  }

  private static List<String> onlyReadKeys(Set<String> variables) {
    var config = ServiceConfig.of(CONSOLE);
    return variables.stream().filter(v -> !config.reads(v)).toList();
  }

  private static String urlVariable(String service) {
    return "QUARKUS_REST_CLIENT_" + service.toUpperCase().replace('-', '_') + "_URL";
  }
}
