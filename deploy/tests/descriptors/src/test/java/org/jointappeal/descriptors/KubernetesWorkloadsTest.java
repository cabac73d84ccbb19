package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jointappeal.descriptors.Repo.Resource;
import org.junit.jupiter.api.Test;

class KubernetesWorkloadsTest {

  private final List<Resource> base = Repo.baseResources();

  private List<Resource> deployments() {
    return base.stream().filter(r -> r.is("Deployment")).toList();
  }

  @Test
  void everyServiceHasADeploymentServicePodDisruptionBudgetAndAutoscaler() {
    for (String service : Repo.SERVICES) {
      for (String kind :
          List.of("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
        assertThat(base)
            .as("%s %s in deploy/kubernetes/base", kind, service)
            .anyMatch(r -> r.is(kind) && service.equals(r.name()));
      }
    }
  }

  @Test
  void everyContainerIsProbedOnItsQuarkusHealthEndpoints() {
    List<String> violations = new ArrayList<>();
    for (Resource deployment : deployments()) {
      for (Object container : containers(deployment)) {
        String name = Tree.string(container, "name");
        String liveness = Tree.string(container, "livenessProbe", "httpGet", "path");
        String readiness = Tree.string(container, "readinessProbe", "httpGet", "path");
        if (!"/q/health/live".equals(liveness)) {
          violations.add(deployment.where() + " " + name + ": liveness probe is " + liveness);
        }
        if (!"/q/health/ready".equals(readiness)) {
          violations.add(deployment.where() + " " + name + ": readiness probe is " + readiness);
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          Object port = Tree.at(container, probe, "httpGet", "port");
          if (!"management".equals(port)) {
            violations.add(
                deployment.where() + " " + name + ": " + probe + " is not on the management port");
          }
        }
      }
    }
    assertThat(deployments()).isNotEmpty();
    assertThat(violations).isEmpty();
  }

  /**
   * Health and metrics listen on a port of their own (QUARKUS_MANAGEMENT_PORT), named {@code
   * management} in the pod, and no Service routes to it: only the kubelet and Prometheus reach it.
   */
  @Test
  void theManagementPortIsThePodsOwnAndNoServiceRoutesToIt() {
    List<String> violations = new ArrayList<>();
    for (String service : Repo.SERVICES) {
      String configured =
          base.stream()
              .filter(r -> r.is("ConfigMap") && (service + "-config").equals(r.name()))
              .map(r -> Tree.string(r.tree(), "data", "QUARKUS_MANAGEMENT_PORT"))
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      if (configured == null) {
        violations.add(service + "-config: no QUARKUS_MANAGEMENT_PORT");
        continue;
      }
      for (Resource deployment : deployments()) {
        if (!service.equals(deployment.name())) {
          continue;
        }
        for (Object container : containers(deployment)) {
          boolean declared =
              Tree.listAt(container, "ports").stream()
                  .anyMatch(
                      port ->
                          "management".equals(Tree.string(port, "name"))
                              && configured.equals(String.valueOf(Tree.at(port, "containerPort"))));
          if (!declared) {
            violations.add(deployment.where() + ": no container port 'management' = " + configured);
          }
        }
      }
      for (Resource svc : base) {
        if (!svc.is("Service") || !service.equals(svc.name())) {
          continue;
        }
        for (Object port : Tree.listAt(svc.tree(), "spec", "ports")) {
          String target = String.valueOf(Tree.at(port, "targetPort"));
          if ("management".equals(target) || configured.equals(target)) {
            violations.add(svc.where() + ": routes to the management port");
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyContainerRequestsAndIsLimitedInCpuAndMemory() {
    List<String> violations = new ArrayList<>();
    for (Resource deployment : deployments()) {
      for (Object container : containers(deployment)) {
        for (String bound : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            if (Tree.at(container, "resources", bound, resource) == null) {
              violations.add(
                  deployment.where()
                      + " "
                      + Tree.string(container, "name")
                      + ": no resources."
                      + bound
                      + "."
                      + resource);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyContainerRunsAsNonRootOnAReadOnlyRootFileSystem() {
    List<String> violations = new ArrayList<>();
    for (Resource deployment : deployments()) {
      Object pod = Tree.at(deployment.tree(), "spec", "template", "spec");
      for (Object container : containers(deployment)) {
        String where = deployment.where() + " " + Tree.string(container, "name");
        Object podLevel = Tree.at(pod, "securityContext", "runAsNonRoot");
        Object containerLevel = Tree.at(container, "securityContext", "runAsNonRoot");
        boolean nonRoot =
            Boolean.TRUE.equals(containerLevel)
                || (containerLevel == null && Boolean.TRUE.equals(podLevel));
        if (!nonRoot) {
          violations.add(where + ": runAsNonRoot is not true");
        }
        if (!Boolean.TRUE.equals(Tree.at(container, "securityContext", "readOnlyRootFilesystem"))) {
          violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(
            Tree.at(container, "securityContext", "allowPrivilegeEscalation"))) {
          violations.add(where + ": allowPrivilegeEscalation is not false");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyDeploymentIsCoveredByAPodDisruptionBudgetAndAnAutoscaler() {
    List<String> violations = new ArrayList<>();
    for (Resource deployment : deployments()) {
      Map<String, Object> podLabels =
          Tree.mapAt(deployment.tree(), "spec", "template", "metadata", "labels");
      boolean budgeted =
          base.stream()
              .filter(r -> r.is("PodDisruptionBudget"))
              .map(r -> Tree.mapAt(r.tree(), "spec", "selector", "matchLabels"))
              .anyMatch(selector -> !selector.isEmpty() && selects(selector, podLabels));
      if (!budgeted) {
        violations.add(deployment.where() + ": no PodDisruptionBudget selects its pods");
      }
      boolean scaled =
          base.stream()
              .filter(r -> r.is("HorizontalPodAutoscaler"))
              .anyMatch(
                  r ->
                      "Deployment".equals(Tree.string(r.tree(), "spec", "scaleTargetRef", "kind"))
                          && deployment
                              .name()
                              .equals(Tree.string(r.tree(), "spec", "scaleTargetRef", "name")));
      if (!scaled) {
        violations.add(deployment.where() + ": no HorizontalPodAutoscaler scales it");
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * A consumer group gives each partition to one member: a replica beyond the partition count of
   * the topics it consumes would sit idle (and an autoscaler would add it under load).
   */
  @Test
  void noServiceScalesBeyondThePartitionsOfTheTopicsItConsumes() {
    Map<String, Integer> partitions = KafkaTopicsTest.partitionsByTopic(Repo.allResources());
    List<String> violations = new ArrayList<>();
    for (String service : Repo.SERVICES) {
      var config = ServiceConfig.of(service);
      for (Resource autoscaler :
          Repo.allResources().stream()
              .filter(r -> r.is("HorizontalPodAutoscaler") && service.equals(r.name()))
              .toList()) {
        Integer maxReplicas = Tree.integer(autoscaler.tree(), "spec", "maxReplicas");
        for (String topic : config.consumedTopics()) {
          Integer topicPartitions = partitions.get(topic);
          if (maxReplicas != null && topicPartitions != null && maxReplicas > topicPartitions) {
            violations.add(
                autoscaler.where()
                    + ": maxReplicas "
                    + maxReplicas
                    + " > "
                    + topicPartitions
                    + " partitions of "
                    + topic);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    return selector.entrySet().stream()
        .allMatch(e -> Objects.equals(String.valueOf(e.getValue()), stringOf(labels, e.getKey())));
  }

  private static String stringOf(Map<String, Object> labels, String key) {
    Object value = labels.get(key);
    return value == null ? null : String.valueOf(value);
  }

  static List<?> containers(Resource deployment) {
    return Tree.listAt(deployment.tree(), "spec", "template", "spec", "containers");
  }
}
