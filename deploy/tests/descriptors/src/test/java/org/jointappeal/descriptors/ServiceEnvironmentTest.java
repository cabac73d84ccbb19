package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointappeal.descriptors.Repo.Resource;
import org.junit.jupiter.api.Test;

/**
 * The variables compose and Kubernetes give each service are keys the service reads (a misspelt one
 * would be silently ignored, and the local default used instead), and the ones without a production
 * default are all there.
 */
class ServiceEnvironmentTest {

  @Test
  void composeSetsOnlyKeysTheServiceReads() {
    List<String> violations = new ArrayList<>();
    for (String service : Repo.SERVICES) {
      var config = ServiceConfig.of(service);
      for (String variable : composeEnvironment(service).keySet()) {
        if (!config.reads(variable)) {
          violations.add("compose.yaml " + service + ": " + variable + " is read by nothing");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void kubernetesSetsOnlyKeysTheServiceReads() {
    List<String> violations = new ArrayList<>();
    for (String service : Repo.SERVICES) {
      var config = ServiceConfig.of(service);
      for (Map.Entry<String, String> variable : kubernetesEnvironment(service).entrySet()) {
        if (!config.reads(variable.getKey())) {
          violations.add(
              variable.getValue()
                  + " "
                  + service
                  + ": "
                  + variable.getKey()
                  + " is read by nothing");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void composeGivesEveryServiceWhatItNeedsInProduction() {
    for (String service : Repo.SERVICES) {
      assertThat(composeEnvironment(service).keySet())
          .as("compose.yaml environment of %s", service)
          .containsAll(ServiceConfig.REQUIRED_IN_DEPLOYMENT);
    }
  }

  @Test
  void kubernetesGivesEveryServiceWhatItNeedsInProduction() {
    for (String service : Repo.SERVICES) {
      assertThat(kubernetesEnvironment(service).keySet())
          .as("Kubernetes environment of %s (Deployment env and its ConfigMaps)", service)
          .containsAll(ServiceConfig.REQUIRED_IN_DEPLOYMENT);
    }
  }

  /** Kubernetes holds no secret in the repository: ConfigMaps carry none, Deployments refer. */
  @Test
  void kubernetesTakesCredentialsFromSecrets() {
    List<String> violations = new ArrayList<>();
    for (Resource resource : Repo.allResources()) {
      if (resource.is("ConfigMap")) {
        for (String key : Tree.mapAt(resource.tree(), "data").keySet()) {
          if (looksSecret(key)) {
            violations.add(resource.where() + ": " + key + " in a ConfigMap");
          }
        }
      }
      if (resource.is("Secret")) {
        violations.add(resource.where() + ": a Secret in the repository");
      }
      if (resource.is("Deployment")) {
        for (Object container : KubernetesWorkloadsTest.containers(resource)) {
          for (Object env : Tree.listAt(container, "env")) {
            String name = Tree.string(env, "name");
            if (looksSecret(name) && Tree.at(env, "valueFrom", "secretKeyRef") == null) {
              violations.add(resource.where() + ": " + name + " not from a Secret");
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** Compose's passwords are variables with a local demo default, never a literal. */
  @Test
  void composeTakesPasswordsFromTheEnvironment() {
    List<String> violations = new ArrayList<>();
    Map<String, Object> services = Tree.mapAt(Repo.composeFile(), "services");
    services.forEach(
        (name, service) ->
            environment(service)
                .forEach(
                    (variable, value) -> {
                      if (looksSecret(variable) && !value.matches("\\$\\{[A-Z0-9_]+(:-[^}]*)?}")) {
                        violations.add(name + ": " + variable + " is a literal");
                      }
                    }));
    assertThat(violations).isEmpty();
  }

  private static boolean looksSecret(String variable) {
    return variable.contains("PASSWORD") || variable.contains("SECRET");
  }

  static Map<String, String> composeEnvironment(String service) {
    Object definition = Tree.at(Repo.composeFile(), "services", service);
    assertThat(definition).as("compose service %s", service).isNotNull();
    return environment(definition);
  }

  /** Compose's environment as a map, whichever of its two forms (map or KEY=value list). */
  private static Map<String, String> environment(Object service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object node = Tree.at(service, "environment");
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> environment.put(String.valueOf(k), String.valueOf(v)));
    } else if (node instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        environment.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return environment;
  }

  /**
   * Variable name -> where it is set: the env of the service's Deployment and the data of the
   * ConfigMaps its containers load, in the base and in every overlay's patches.
   */
  static Map<String, String> kubernetesEnvironment(String service) {
    List<Resource> resources = Repo.allResources();
    Map<String, String> environment = new LinkedHashMap<>();
    List<Resource> deployments =
        resources.stream().filter(r -> r.is("Deployment") && service.equals(r.name())).toList();
    assertThat(deployments).as("Deployment %s", service).isNotEmpty();
    Set<String> configMaps = new java.util.TreeSet<>();
    for (Resource deployment : deployments) {
      for (Object container : KubernetesWorkloadsTest.containers(deployment)) {
        for (Object env : Tree.listAt(container, "env")) {
          environment.put(Tree.string(env, "name"), deployment.where());
        }
        for (Object source : Tree.listAt(container, "envFrom")) {
          String name = Tree.string(source, "configMapRef", "name");
          if (name != null) {
            configMaps.add(name);
          }
        }
      }
    }
    for (Resource configMap :
        resources.stream()
            .filter(r -> r.is("ConfigMap") && configMaps.contains(r.name()))
            .toList()) {
      Tree.mapAt(configMap.tree(), "data")
          .keySet()
          .forEach(key -> environment.put(key, configMap.where()));
    }
    return environment;
  }
}
