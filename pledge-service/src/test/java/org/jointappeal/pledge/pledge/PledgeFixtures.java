package org.jointappeal.pledge.pledge;

import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jointappeal.pledge.donor.DonorScope;
import org.jointappeal.pledge.money.MoneyRequest;

/** Arranges pledges through the service itself, whoever the test's HTTP caller is. */
final class PledgeFixtures {

  private PledgeFixtures() {}

  static String announceAsFinanceOfficer(
      String appeal, String donor, String amount, String currency) {
    var request =
        new AnnouncePledgeRequest(
            appeal,
            donor,
            new MoneyRequest(new BigDecimal(amount), currency),
            LocalDate.parse("1997-07-02"),
            "Steering Group, Geneva, 2 July 1997");
    return Arc.container()
        .instance(PledgeService.class)
        .get()
        .announce(request, DonorScope.everyone())
        .id()
        .toString();
  }
}
