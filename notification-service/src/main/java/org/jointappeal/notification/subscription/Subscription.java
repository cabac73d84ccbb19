package org.jointappeal.notification.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jointappeal.notification.DonorScope;

/**
 * A subscriber's wish to be notified of the alerts matching its filters (rule, appeal, donor) on
 * one channel. A donor's subscriptions always carry its donor code as filter.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

  @Id private UUID id;

  @Column(nullable = false, length = 200)
  private String subscriber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Channel channel;

  @Column(name = "email_address", length = 320)
  private String emailAddress;

  @Column(name = "webhook_url", length = 2000)
  private String webhookUrl;

  @Column(name = "webhook_secret", length = 200)
  private String webhookSecret;

  @Column(length = 64)
  private String rule;

  @Column(name = "appeal_code", length = 32)
  private String appealCode;

  @Column(name = "donor_code", length = 8)
  private String donorCode;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Subscription() {}

  Subscription(
      String subscriber,
      Channel channel,
      String emailAddress,
      String webhookUrl,
      String webhookSecret,
      String rule,
      String appealCode,
      String donorCode,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.subscriber = subscriber;
    this.channel = channel;
    this.emailAddress = emailAddress;
    this.webhookUrl = webhookUrl;
    this.webhookSecret = webhookSecret;
    this.rule = rule;
    this.appealCode = appealCode;
    this.donorCode = donorCode;
    this.createdAt = createdAt;
  }

  /** Every filter set must equal the alert's label of that name. */
  public boolean matches(Map<String, String> labels) {
    return (rule == null || rule.equals(labels.get("rule")))
        && (appealCode == null || appealCode.equals(labels.get("appeal")))
        && (donorCode == null || donorCode.equals(labels.get(DonorScope.DONOR_LABEL)));
  }

  public UUID id() {
    return id;
  }

  public String subscriber() {
    return subscriber;
  }

  public Channel channel() {
    return channel;
  }

  public String emailAddress() {
    return emailAddress;
  }

  public String webhookUrl() {
    return webhookUrl;
  }

  /** For signing only; never part of a view. */
  public String webhookSecret() {
    return webhookSecret;
  }

  public String rule() {
    return rule;
  }

  public String appealCode() {
    return appealCode;
  }

  public String donorCode() {
    return donorCode;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
