package org.jointappeal.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.jointappeal.notification.known.KnownPledge;
import org.jointappeal.notification.known.KnownPledgeRepository;
import org.jointappeal.notification.known.KnownReceipt;
import org.jointappeal.notification.known.KnownReceiptRepository;
import org.jointappeal.notification.known.PledgeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The minute-by-minute re-evaluation reads, of all known pledges and receipts, only those that
 * could breach the rule now and those its firing alerts are about: loading every one ran the
 * service out of heap in the one-hour soak (docs/performance.md).
 */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class ReevaluationSelectionTest {

  @Inject KnownPledgeRepository pledges;
  @Inject KnownReceiptRepository receipts;
  @Inject ReevaluationSelection reevaluated;
  @Inject AlertRuleRepository rules;
  @Inject AlertService alertService;
  @Inject TestClock clock;

  LocalDate today;

  @BeforeEach
  void defaultClock() {
    clock.reset();
    today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Test
  void anOverdueRuleReadsTheOwedPledgesPastItsBucketAndThoseItsAlertsAreAbout() {
    String appeal = "SEL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    UUID pastBucket = known(appeal, "COMMITTED", due(31, "PENDING"));
    known(appeal, "COMMITTED", due(30, "PENDING")); // day 30 is still the 1-30 bucket
    known(appeal, "ANNOUNCED", due(100, "PENDING")); // not binding
    known(appeal, "PARTIALLY_PAID", due(100, "PAID"), due(-10, "PENDING"));
    UUID partlyPaid = known(appeal, "PARTIALLY_PAID", due(45, "PARTIALLY_PAID"));
    known("ELSEWHERE-" + appeal, "COMMITTED", due(31, "PENDING"));
    UUID rule =
        UUID.fromString(
            Rules.create(
                Rules.uniqueName("overdue-30"),
                "OVERDUE_INSTALMENT",
                appeal,
                "\"minDaysOverdue\":30"));

    assertThat(selectedPledges(rule)).containsExactlyElementsOf(sorted(pastBucket, partlyPaid));

    known(
        pastBucket, appeal, 1, "PAID", due(31, "PAID")); // its alert still fires until re-evaluated
    assertThat(selectedPledges(rule)).containsExactlyElementsOf(sorted(pastBucket, partlyPaid));

    QuarkusTransaction.requiringNew().run(alertService::reevaluateAll);
    assertThat(selectedPledges(rule)).containsExactly(partlyPaid);
  }

  @Test
  void anEventRuleReadsOnlyThePledgesOfItsRecentEvents() {
    String appeal = "SEL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    UUID recent = known(appeal, "CANCELLED", due(-30, "CANCELLED"));
    clock.set(clock.instant().plusSeconds(8 * 24 * 3600));
    UUID rule =
        UUID.fromString(
            Rules.create(
                Rules.uniqueName("cancelled"),
                "PLEDGE_CANCELLED",
                appeal,
                "\"resolveAfter\":\"P7D\""));
    assertThat(selectedPledges(rule)).isEmpty(); // cancelled eight days ago: never fired

    UUID cancelledNow = known(appeal, "CANCELLED", due(-30, "CANCELLED"));
    assertThat(selectedPledges(rule)).containsExactly(cancelledNow).doesNotContain(recent);
  }

  @Test
  void anUnmatchedReceiptRuleReadsOnlyReceiptsUnallocatedLongEnough() {
    UUID old = receipt(11, "5000.00");
    UUID tooRecent = receipt(9, "5000.00");
    UUID allocated = receipt(40, "0.00");
    UUID rule =
        UUID.fromString(
            Rules.create(
                Rules.uniqueName("unmatched-10"),
                "UNMATCHED_RECEIPT",
                null,
                "\"minDaysUnallocated\":10"));
    var selected =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    reevaluated.receipts(rules.findById(rule), today).stream()
                        .map(KnownReceipt::receiptId)
                        .toList());
    assertThat(selected).contains(old).doesNotContain(tooRecent, allocated);
  }

  private List<UUID> selectedPledges(UUID rule) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                reevaluated.pledges(rules.findById(rule), today, clock.instant()).stream()
                    .map(KnownPledge::pledgeId)
                    .toList());
  }

  /** In PostgreSQL's uuid order (unsigned bytes, as the text sorts), the order locks are taken. */
  private static List<UUID> sorted(UUID... ids) {
    return Arrays.stream(ids).sorted(Comparator.comparing(UUID::toString)).toList();
  }

  /** An instalment due {@code daysAgo} before today (negative: in the future). */
  private KnownPledge.Instalment due(int daysAgo, String status) {
    return new KnownPledge.Instalment(
        1,
        today.minusDays(daysAgo),
        new BigDecimal("1000.00"),
        "PAID".equals(status) ? new BigDecimal("1000.00") : BigDecimal.ZERO,
        "USD",
        status);
  }

  /** A new pledge's state as its first event would leave it. */
  private UUID known(String appeal, String status, KnownPledge.Instalment... due) {
    return known(UUID.randomUUID(), appeal, 0, status, due);
  }

  /** A pledge's state as its events would leave it. */
  private UUID known(
      UUID id, String appeal, long version, String status, KnownPledge.Instalment... due) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var pledge = pledges.lockOrCreate(id);
              pledge.update(
                  new PledgeState(
                      id,
                      version,
                      appeal,
                      "GBR",
                      status,
                      new BigDecimal("1000.00"),
                      List.of(due),
                      clock.instant()),
                  clock.instant());
              if (!pledges.isPersistent(pledge)) {
                pledges.persist(pledge);
              }
            });
    return id;
  }

  private UUID receipt(int daysAgo, String unallocated) {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var receipt = receipts.lockOrCreate(id);
              receipt.update(
                  0,
                  "GBR",
                  today.minusDays(daysAgo),
                  new BigDecimal(unallocated),
                  "USD",
                  "RECORDED",
                  clock.instant());
              receipts.persist(receipt);
            });
    return id;
  }
}
