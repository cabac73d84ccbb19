package org.jointappeal.notification.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/**
 * Where webhooks may go (docs/security.md): https only, and never to an address inside the
 * operator's network. The exceptions are explicit configuration for local receivers of tests and
 * the local stack; production sets none.
 */
@ConfigMapping(prefix = "notification.webhook")
public interface WebhookConfig {

  /** Outside dev and test, webhooks are https only. */
  @WithDefault("true")
  boolean requireHttps();

  /**
   * Hosts, exactly as written in a webhook URL (e.g. {@code 127.0.0.2}), exempt from the address
   * check: a test's or the local stack's receiver. Empty in production.
   */
  Optional<Set<String>> allowedPrivateHosts();
}
