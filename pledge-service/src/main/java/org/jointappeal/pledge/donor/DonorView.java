package org.jointappeal.pledge.donor;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DonorView(
    @Schema(example = "NOR") String code,
    @Schema(example = "Norway") String name,
    DonorKind kind,
    @Schema(description = "Bank accounts the donor pays from, used to match bank statements")
        List<String> ibans,
    @Schema(
            description =
                "Accounts other than IBANs (camt.053 Othr/Id with its scheme), matched as IBANs are")
        List<PayerAccount> accounts,
    long version) {

  static DonorView of(Donor d) {
    return new DonorView(
        d.code().value(),
        d.name(),
        d.kind(),
        d.ibans().stream().sorted().toList(),
        d.accounts(),
        d.version());
  }
}
