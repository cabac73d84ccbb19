package org.jointappeal.pledge.pledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.MoneyRequest;

public record AnnouncePledgeRequest(
    @Schema(example = "CIS-1997") @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}")
        String appealCode,
    @Schema(
            example = "NOR",
            description =
                "Finance officers name the donor; a donor may omit it (its token decides)")
        @Pattern(regexp = "[A-Z]{3}")
        String donorCode,
    @NotNull @Valid MoneyRequest amount,
    @Schema(example = "1997-07-02") @NotNull LocalDate announcedOn,
    @Schema(example = "Steering Group, Geneva, 2 July 1997") @Size(max = 300) String occasion,
    @Schema(description = "Where the money may go; absent = UNEARMARKED") @Valid
        EarmarkingRequest earmarking,
    @Schema(
            description =
                "The payment schedule, summing exactly to the amount; absent = one instalment of"
                    + " the whole amount, due on the last day of the appeal's period (or on the"
                    + " announcement date, if that is later)")
        @Size(min = 1, max = 120)
        List<@NotNull @Valid InstalmentRequest> instalments) {

  /** The request as before earmarking and schedules: unearmarked, one instalment. */
  public AnnouncePledgeRequest(
      String appealCode,
      String donorCode,
      MoneyRequest amount,
      LocalDate announcedOn,
      String occasion) {
    this(appealCode, donorCode, amount, announcedOn, occasion, null, null);
  }
}
