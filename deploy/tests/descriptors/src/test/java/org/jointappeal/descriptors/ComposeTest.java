package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml starts in order and says when each part is ready. */
class ComposeTest {

  private final Map<String, Object> services = Tree.mapAt(Repo.composeFile(), "services");

  @Test
  void composeRunsEveryServiceAsItsContainerImage() {
    for (String service : Repo.SERVICES) {
      assertThat(Tree.string(services, service, "image"))
          .as("image of %s", service)
          .startsWith("jointappeal/" + service + ":");
    }
  }

  /** A one-shot job (restart "no") may have none: compose waits for it to complete instead. */
  @Test
  void everyLongRunningContainerHasAHealthCheck() {
    List<String> violations = new ArrayList<>();
    services.forEach(
        (name, service) -> {
          boolean oneShot = "no".equals(Tree.string(service, "restart"));
          boolean checked =
              Tree.at(service, "healthcheck", "test") != null
                  && !Boolean.TRUE.equals(Tree.at(service, "healthcheck", "disable"));
          if (!oneShot && !checked) {
            violations.add(name + ": no health check");
          }
        });
    assertThat(violations).isEmpty();
  }

  @Test
  void everyDependencyWaitsForHealthOrCompletion() {
    Set<String> conditions = Set.of("service_healthy", "service_completed_successfully");
    List<String> violations = new ArrayList<>();
    services.forEach(
        (name, service) -> {
          Object dependsOn = Tree.at(service, "depends_on");
          if (dependsOn instanceof List<?>) {
            violations.add(name + ": depends_on without conditions");
            return;
          }
          Tree.map(dependsOn)
              .forEach(
                  (dependency, spec) -> {
                    String condition = Tree.string(spec, "condition");
                    if (!conditions.contains(condition)) {
                      violations.add(name + " -> " + dependency + ": condition " + condition);
                    }
                    if ("service_healthy".equals(condition)
                        && Tree.at(services, dependency, "healthcheck", "test") == null) {
                      violations.add(name + " -> " + dependency + ": it has no health check");
                    }
                    if (!services.containsKey(dependency)) {
                      violations.add(name + " -> " + dependency + ": no such service");
                    }
                  });
        });
    for (String service : Repo.SERVICES) {
      assertThat(Tree.mapAt(services, service, "depends_on").keySet())
          .as("%s depends on", service)
          .contains("postgres", "keycloak");
    }
    assertThat(violations).isEmpty();
  }

  /**
   * Health and metrics answer on the management port only: the health check asks it, and it is
   * published to the host's loopback alone (Prometheus there), never on all interfaces.
   */
  @Test
  void everyServiceIsCheckedAndScrapedOnItsManagementPort() {
    List<String> violations = new ArrayList<>();
    for (String service : Repo.SERVICES) {
      String port =
          ServiceEnvironmentTest.composeEnvironment(service).get("QUARKUS_MANAGEMENT_PORT");
      if (port == null) {
        violations.add(service + ": no QUARKUS_MANAGEMENT_PORT");
        continue;
      }
      String check = String.valueOf(Tree.listAt(services, service, "healthcheck", "test"));
      if (!check.contains("/dev/tcp/127.0.0.1/" + port + " ")
          || !check.contains("/q/health/ready")) {
        violations.add(service + ": the health check does not ask /q/health/ready on " + port);
      }
      boolean published =
          Tree.listAt(services, service, "ports").stream()
              .map(String::valueOf)
              .anyMatch(
                  mapping -> mapping.startsWith("127.0.0.1:") && mapping.endsWith(":" + port));
      if (!published) {
        violations.add(service + ": management port " + port + " not published on 127.0.0.1");
      }
    }
    assertThat(violations).isEmpty();
  }
}
