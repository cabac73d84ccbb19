package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Webhooks leave production by https only and never to an address inside the operator's network
 * (docs/security.md): notification-service's defaults say so, only its dev and test profiles relax
 * them, and no deployment descriptor relaxes them again.
 */
class WebhookPolicyTest {

  private static final String REQUIRE_HTTPS = "notification.webhook.require-https";
  private static final String EXEMPT_HOSTS = "notification.webhook.allowed-private-hosts";

  @Test
  void theServiceDefaultsRequireHttpsAndExemptNoHost() {
    var config = ServiceConfig.of("notification-service");
    assertThat(config.value(REQUIRE_HTTPS)).as(REQUIRE_HTTPS).hasValue("true");
    assertThat(config.value(EXEMPT_HOSTS)).as(EXEMPT_HOSTS + " without profile").isEmpty();
    assertThat(config.value("%prod." + REQUIRE_HTTPS)).isEmpty();
    assertThat(config.value("%prod." + EXEMPT_HOSTS)).isEmpty();
  }

  @Test
  void noDeploymentRelaxesTheOutboundPolicy() {
    List<String> variables = new ArrayList<>();
    for (String key : List.of(REQUIRE_HTTPS, EXEMPT_HOSTS)) {
      String name = ServiceConfig.environmentName(key);
      variables.add(name);
      variables.add("_PROD_" + name);
    }
    assertThat(ServiceEnvironmentTest.composeEnvironment("notification-service").keySet())
        .as("compose.yaml environment of notification-service")
        .doesNotContainAnyElementsOf(variables);
    assertThat(ServiceEnvironmentTest.kubernetesEnvironment("notification-service").keySet())
        .as("Kubernetes environment of notification-service (base and overlays)")
        .doesNotContainAnyElementsOf(variables);
  }
}
