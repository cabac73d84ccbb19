package org.jointappeal.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbound policy as production runs it (the defaults: https only, no exempt host), apart from
 * the dev and test profiles' relaxations. Literal addresses only: nothing here asks a DNS server.
 */
class WebhookTargetsTest {

  private static WebhookTargets policy(boolean requireHttps, Set<String> exempt) {
    return new WebhookTargets(
        new WebhookConfig() {
          @Override
          public boolean requireHttps() {
            return requireHttps;
          }

          @Override
          public Optional<Set<String>> allowedPrivateHosts() {
            return Optional.of(exempt);
          }
        });
  }

  private static final WebhookTargets PRODUCTION = policy(true, Set.of());

  @Test
  void plainHttpIsRefusedOutsideDevAndTest() {
    assertThatThrownBy(() -> PRODUCTION.check("http://93.184.215.14/hook"))
        .isInstanceOf(WebhookTargets.Refused.class)
        .hasMessage("only https URLs are allowed");
  }

  @Test
  void httpsToAPublicAddressIsConnectedToThatAddress() throws Exception {
    WebhookTarget target = PRODUCTION.check("https://93.184.215.14:8443/hook?team=geo");

    assertThat(target.https()).isTrue();
    assertThat(target.address().getHostAddress()).isEqualTo("93.184.215.14");
    assertThat(target.port()).isEqualTo(8443);
    assertThat(target.pathAndQuery()).isEqualTo("/hook?team=geo");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://[::ffff:127.0.0.1]/hook", // IPv4-mapped: Java reads it as 127.0.0.1
        "https://[::127.0.0.1]/hook", // IPv4-compatible
        "https://[64:ff9b::a9fe:a9fe]/hook", // NAT64 of 169.254.169.254
        "https://100.64.0.1/hook", // carrier-grade NAT
        "https://0.1.2.3/hook", // "this network"
        "https://[::]/hook",
        "https://[ff02::1]/hook"
      })
  void anAddressInsideInAnyDisguiseIsRefused(String url) {
    assertThatThrownBy(() -> PRODUCTION.check(url))
        .isInstanceOf(WebhookTargets.Refused.class)
        .hasMessageContaining("resolves to");
  }

  @Test
  void anExemptionNamesAHostExactlyAndExemptsNoOther() throws Exception {
    var local = policy(false, Set.of("127.0.0.2"));

    assertThat(local.check("http://127.0.0.2:8089/hook").address().getHostAddress())
        .isEqualTo("127.0.0.2");
    assertThatThrownBy(() -> local.check("http://127.0.0.1:8089/hook"))
        .isInstanceOf(WebhookTargets.Refused.class)
        .hasMessageContaining("loopback");
  }
}
