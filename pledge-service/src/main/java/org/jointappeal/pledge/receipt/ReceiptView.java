package org.jointappeal.pledge.receipt;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

public record ReceiptView(
    UUID id,
    @Schema(example = "NOR") String donorCode,
    Money amount,
    @Schema(description = "USD value at the UNORE in force on the value date") Money usdValue,
    @Schema(type = SchemaType.STRING, example = "7.1") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal unitsPerUsd,
    LocalDate rateEffectiveFrom,
    LocalDate valueDate,
    String bankReference,
    String remittanceText,
    Money allocated,
    @Schema(description = "Not allocated to any pledge: the donor's credit") Money unallocated,
    @Schema(
            description =
                "The part of usdValue no allocation has taken: allocations' USD values and this"
                    + " add up to usdValue exactly")
        Money unallocatedUsd,
    ReceiptStatus status,
    @Schema(description = "Bank charges deducted from the credit (camt.053 Chrgs), if given")
        Money charges,
    @Schema(description = "The booking date of the bank's reversal, if it was reversed")
        LocalDate reversedOn,
    ReceiptSource source,
    List<AllocationView> allocations,
    String recordedBy,
    Instant recordedAt,
    long version) {

  static ReceiptView of(Receipt r, List<Allocation> allocations) {
    return new ReceiptView(
        r.id(),
        r.donorCode().value(),
        r.amount(),
        r.valuation().usd(),
        r.valuation().unitsPerUsd().stripTrailingZeros(),
        r.valuation().rateEffectiveFrom(),
        r.valueDate(),
        r.bankReference(),
        r.remittanceText(),
        r.allocated(),
        r.unallocated(),
        r.unallocatedUsd(),
        r.status(),
        r.charges(),
        r.reversedOn(),
        r.source(),
        allocations.stream().map(AllocationView::of).toList(),
        r.recordedBy(),
        r.recordedAt(),
        r.version());
  }
}
