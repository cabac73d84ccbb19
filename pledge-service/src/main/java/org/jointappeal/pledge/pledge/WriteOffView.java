package org.jointappeal.pledge.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;

public record WriteOffView(
    UUID id,
    UUID pledgeId,
    Money amount,
    Money usdAmount,
    String reason,
    LocalDate writtenOffOn,
    String recordedBy,
    Instant recordedAt) {

  static WriteOffView of(WriteOff w) {
    return new WriteOffView(
        w.id(),
        w.pledgeId(),
        w.amount(),
        w.usdAmount(),
        w.reason(),
        w.writtenOffOn(),
        w.recordedBy(),
        w.recordedAt());
  }
}
