package org.jointappeal.pledge.donor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payer account that is not an IBAN, as camt.053 names it ({@code Othr/Id} and its scheme). */
public record PayerAccountRequest(
    @Schema(
            example = "USABA",
            description =
                "camt.053 SchmeNm/Cd or SchmeNm/Prtry: BBAN, USABA (routing + account), ZENGIN...;"
                    + " absent = UNSPECIFIED")
        @Size(max = 35)
        String scheme,
    @Schema(example = "021000021-123456789") @NotBlank @Size(max = 42) String identifier) {

  public PayerAccount toAccount() {
    return PayerAccount.of(scheme, identifier);
  }
}
