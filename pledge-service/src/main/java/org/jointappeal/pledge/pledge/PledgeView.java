package org.jointappeal.pledge.pledge;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

public record PledgeView(
    UUID id,
    @Schema(example = "CIS-1997") String appealCode,
    @Schema(example = "NOR") String donorCode,
    Money amount,
    @Schema(description = "USD value at the UNORE in force on the announcement date")
        Money usdValue,
    @Schema(type = SchemaType.STRING, example = "7.08") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal unitsPerUsd,
    LocalDate rateEffectiveFrom,
    LocalDate announcedOn,
    String occasion,
    PledgeStatus status,
    String agreementReference,
    LocalDate committedOn,
    Earmarking earmarking,
    List<InstalmentView> instalments,
    Money paid,
    Money outstanding,
    Money writtenOff,
    Money paidUsd,
    @Schema(description = "The outstanding amount at the pledge's rate") Money outstandingUsd,
    Money writtenOffUsd,
    LocalDate cancelledOn,
    String cancellationReason,
    LocalDate writtenOffOn,
    String writeOffReason,
    long version) {

  static PledgeView of(Pledge p) {
    String currency = p.amount().currency();
    return new PledgeView(
        p.id(),
        p.appealCode(),
        p.donorCode().value(),
        p.amount(),
        p.valuation().usd(),
        p.valuation().unitsPerUsd().stripTrailingZeros(),
        p.valuation().rateEffectiveFrom(),
        p.announcedOn(),
        p.occasion(),
        p.status(),
        p.agreementReference(),
        p.committedOn(),
        p.earmarking(),
        p.instalments().stream().map(i -> InstalmentView.of(i, currency)).toList(),
        p.paid(),
        p.outstanding(),
        p.writtenOff(),
        p.paidUsd(),
        p.outstandingUsd(),
        p.writtenOffUsd(),
        p.cancelledOn(),
        p.cancellationReason(),
        p.writtenOffOn(),
        p.writeOffReason(),
        p.version());
  }
}
