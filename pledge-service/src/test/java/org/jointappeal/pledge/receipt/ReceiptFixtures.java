package org.jointappeal.pledge.receipt;

import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jointappeal.pledge.DonorScope;
import org.jointappeal.pledge.fx.UnoreRateService;
import org.jointappeal.pledge.idempotency.IdempotencyKey;
import org.jointappeal.pledge.money.MoneyRequest;
import org.jointappeal.pledge.pledge.AnnouncePledgeRequest;
import org.jointappeal.pledge.pledge.CancelPledgeRequest;
import org.jointappeal.pledge.pledge.CommitPledgeRequest;
import org.jointappeal.pledge.pledge.InstalmentRequest;
import org.jointappeal.pledge.pledge.PledgeService;
import org.jointappeal.pledge.pledge.WriteOffRequest;

/** Arranges rates, pledges and receipts through the services, whoever the HTTP caller is. */
final class ReceiptFixtures {

  private ReceiptFixtures() {}

  private static PledgeService pledges() {
    return Arc.container().instance(PledgeService.class).get();
  }

  static void rate(String currency, String effectiveFrom, String unitsPerUsd) {
    Arc.container()
        .instance(UnoreRateService.class)
        .get()
        .record(currency, LocalDate.parse(effectiveFrom), new BigDecimal(unitsPerUsd));
  }

  static MoneyRequest money(String amount, String currency) {
    return new MoneyRequest(new BigDecimal(amount), currency);
  }

  /** Announced on 2 July 1997 and committed on 15 September 1997; returns its id. */
  static String committedPledge(
      String appeal, String donor, String amount, String currency, List<InstalmentRequest> parts) {
    var announced =
        pledges()
            .announce(
                new AnnouncePledgeRequest(
                    appeal,
                    donor,
                    money(amount, currency),
                    LocalDate.parse("1997-07-02"),
                    "Steering Group, Geneva, 2 July 1997",
                    null,
                    parts),
                DonorScope.everyone(),
                "fixture",
                Optional.empty())
            .body()
            .id();
    pledges()
        .commit(
            announced,
            new CommitPledgeRequest("AGR-" + announced, LocalDate.parse("1997-09-15")),
            OptionalLong.empty(),
            "fixture");
    return announced.toString();
  }

  static String committedPledge(String appeal, String donor, String amount, String currency) {
    return committedPledge(appeal, donor, amount, currency, null);
  }

  static void cancel(String pledgeId) {
    pledges()
        .cancel(
            UUID.fromString(pledgeId),
            new CancelPledgeRequest(LocalDate.parse("1997-10-01"), "fixture"),
            OptionalLong.empty(),
            DonorScope.everyone(),
            "fixture");
  }

  static void writeOff(String pledgeId) {
    pledges()
        .writeOff(
            UUID.fromString(pledgeId),
            new WriteOffRequest("Balance will not be paid", LocalDate.parse("1997-11-30")),
            OptionalLong.empty(),
            "fixture",
            new IdempotencyKey(UUID.randomUUID().toString()));
  }

  static String receipt(String donor, String amount, String currency, String valueDate) {
    return Arc.container()
        .instance(ReceiptService.class)
        .get()
        .record(
            new RecordReceiptRequest(
                donor,
                money(amount, currency),
                LocalDate.parse(valueDate),
                "BANK-" + UUID.randomUUID(),
                "Contribution CIS 1997"),
            "fixture",
            new IdempotencyKey(UUID.randomUUID().toString()))
        .body()
        .id()
        .toString();
  }
}
