package org.jointappeal.pledge.pledge;

import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.money.MoneyRequest;

/** Arranges pledges through the service itself, whoever the test's HTTP caller is. */
final class PledgeFixtures {

  private PledgeFixtures() {}

  private static PledgeService service() {
    return Arc.container().instance(PledgeService.class).get();
  }

  static String announceAsFinanceOfficer(
      String appeal, String donor, String amount, String currency) {
    return announce(appeal, donor, amount, currency, null, null);
  }

  static String announce(
      String appeal,
      String donor,
      String amount,
      String currency,
      EarmarkingRequest earmarking,
      List<InstalmentRequest> instalments) {
    var request =
        new AnnouncePledgeRequest(
            appeal,
            donor,
            new MoneyRequest(new BigDecimal(amount), currency),
            LocalDate.parse("1997-07-02"),
            "Steering Group, Geneva, 2 July 1997",
            earmarking,
            instalments);
    return service()
        .announce(request, DonorScope.everyone(), "fixture", Optional.empty())
        .body()
        .id()
        .toString();
  }

  static void commit(String pledgeId) {
    service()
        .commit(
            UUID.fromString(pledgeId),
            new CommitPledgeRequest(
                "AGR-" + pledgeId.substring(0, 8), LocalDate.parse("1997-09-15")),
            OptionalLong.empty(),
            "fixture");
  }

  static void writeOff(String pledgeId) {
    service()
        .writeOff(
            UUID.fromString(pledgeId),
            new WriteOffRequest("fixture", LocalDate.parse("1997-11-30")),
            OptionalLong.empty(),
            "fixture",
            new IdempotencyKey(UUID.randomUUID().toString()));
  }
}
