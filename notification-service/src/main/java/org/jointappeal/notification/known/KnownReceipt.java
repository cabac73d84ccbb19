package org.jointappeal.notification.known;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the receipt rule reads of a receipt, from {@code pledge-events}; pledge-service owns it. */
@Entity
@Table(name = "known_receipt")
public class KnownReceipt {

  @Id
  @Column(name = "receipt_id")
  private UUID receiptId;

  @Column(name = "donor_code", nullable = false, length = 3)
  private String donorCode;

  @Column(name = "value_date", nullable = false)
  private LocalDate valueDate;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal unallocated;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, length = 30)
  private String status;

  /** pledge-service's aggregate version: an older state never overwrites a newer one. */
  @Column(nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected KnownReceipt() {}

  KnownReceipt(UUID receiptId) {
    this.receiptId = receiptId;
    this.version = -1; // receipt versions start at 0
  }

  /** Takes a newer state; returns false, changing nothing, for a stale one. */
  public boolean update(
      long version,
      String donorCode,
      LocalDate valueDate,
      BigDecimal unallocated,
      String currency,
      String status,
      Instant at) {
    if (version <= this.version) {
      return false;
    }
    this.version = version;
    this.donorCode = donorCode;
    this.valueDate = valueDate;
    this.unallocated = unallocated;
    this.currency = currency;
    this.status = status;
    this.updatedAt = at;
    return true;
  }

  public UUID receiptId() {
    return receiptId;
  }

  public String donorCode() {
    return donorCode;
  }

  public LocalDate valueDate() {
    return valueDate;
  }

  public BigDecimal unallocated() {
    return unallocated;
  }

  public String currency() {
    return currency;
  }
}
