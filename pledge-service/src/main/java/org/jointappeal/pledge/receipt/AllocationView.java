package org.jointappeal.pledge.receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

public record AllocationView(
    UUID id,
    UUID receiptId,
    UUID pledgeId,
    Money amount,
    @Schema(description = "The amount at the receipt's rate") Money usdAmount,
    @Schema(description = "The same amount at the pledge's rate") Money pledgeRateUsd,
    @Schema(description = "usdAmount minus pledgeRateUsd: realised gain (+) or loss (-)")
        Money exchangeGainLoss,
    List<InstalmentShare> instalments,
    @Schema(description = "The receipt's value date: its USD value is at the UNORE in force then")
        LocalDate valueDate,
    @Schema(
            description =
                "The business date from which the money counts as paid to the pledge: the value"
                    + " date, or the pledge's announcement date if the money arrived before it")
        LocalDate paidOn,
    @Schema(
            description =
                "When its receipt's reversal undid it: from this business date it no longer counts"
                    + " as paid; null while it stands")
        LocalDate reversedOn,
    String recordedBy,
    Instant recordedAt) {

  public record InstalmentShare(int number, Money amount) {}

  static AllocationView of(Allocation a) {
    String currency = a.amount().currency();
    return new AllocationView(
        a.id(),
        a.receiptId(),
        a.pledgeId(),
        a.amount(),
        a.usdAmount(),
        a.pledgeRateUsd(),
        a.exchangeGain(),
        a.parts().stream()
            .map(p -> new InstalmentShare(p.instalmentNumber(), Money.of(p.amount(), currency)))
            .toList(),
        a.valueDate(),
        a.paidOn(),
        a.reversedOn(),
        a.recordedBy(),
        a.recordedAt());
  }
}
