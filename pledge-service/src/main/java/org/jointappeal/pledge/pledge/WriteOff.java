package org.jointappeal.pledge.pledge;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;

/** A finance officer's decision that a pledge's outstanding remainder will not be received. */
@Entity
@Table(name = "write_off")
public class WriteOff {

  @Id private UUID id;

  @Column(name = "pledge_id", nullable = false)
  private UUID pledgeId;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money amount;

  @Column(name = "usd_amount", nullable = false, precision = 19, scale = 4)
  private BigDecimal usdAmount;

  @Column(nullable = false, length = 300)
  private String reason;

  @Column(name = "written_off_on", nullable = false)
  private LocalDate writtenOffOn;

  @Column(name = "recorded_by", nullable = false, length = 200)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected WriteOff() {}

  WriteOff(
      UUID pledgeId,
      Money amount,
      Money usd,
      String reason,
      LocalDate writtenOffOn,
      String recordedBy,
      Instant recordedAt) {
    this.id = UUID.randomUUID();
    this.pledgeId = pledgeId;
    this.amount = amount;
    this.usdAmount = usd.amount();
    this.reason = reason;
    this.writtenOffOn = writtenOffOn;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public UUID id() {
    return id;
  }

  public UUID pledgeId() {
    return pledgeId;
  }

  public Money amount() {
    return amount;
  }

  public Money usdAmount() {
    return Money.of(usdAmount, "USD");
  }

  public String reason() {
    return reason;
  }

  public LocalDate writtenOffOn() {
    return writtenOffOn;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
