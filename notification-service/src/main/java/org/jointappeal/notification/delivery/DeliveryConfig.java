package org.jointappeal.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How notifications are sent: sweeps, leases, retries with exponential backoff. */
@ConfigMapping(prefix = "notification.delivery")
public interface DeliveryConfig {

  /** How often pending deliveries are looked for, besides right after each dispatch commits. */
  @WithDefault("PT1S")
  Duration sweepInterval();

  @WithDefault("20")
  @Min(1)
  int batchSize();

  /** How long a claimed delivery is this instance's to send; after that another may take it. */
  @WithDefault("PT1M")
  Duration leaseDuration();

  /** Attempts before a delivery is given up as FAILED. */
  @WithDefault("8")
  @Min(1)
  int maxAttempts();

  /** Wait after the first failed attempt; doubled after each further one, up to maxBackoff. */
  @WithDefault("PT10S")
  Duration initialBackoff();

  @WithDefault("PT1H")
  Duration maxBackoff();

  /**
   * The deadline of one webhook attempt, covering connect, request, response headers and the whole
   * response body: a receiver that answers and then trickles its body is cut off here. Must be well
   * under {@link #leaseDuration()} (at most half), so an attempt never outlives its lease.
   */
  @WithDefault("PT10S")
  Duration requestTimeout();

  /** Deliveries being sent at once, over all targets. */
  @WithDefault("8")
  @Min(1)
  int senderThreads();

  /**
   * Deliveries waiting for one target (a webhook host and port; all mail shares the SMTP server): a
   * target that is slow only delays its own. More due deliveries for a full target are left for a
   * later sweep.
   */
  @WithDefault("20")
  @Min(1)
  int perTargetBacklog();

  /** Base of the links to GET /alerts/{id} in notifications. */
  @WithDefault("http://127.0.0.1:8083")
  String alertBaseUrl();
}
