package org.jointappeal.notification.alert;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jointappeal.notification.ReceiptEvents.aReceipt;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jointappeal.notification.ReceiptEvents;
import org.jointappeal.notification.StackResource;
import org.jointappeal.notification.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receipt left unallocated, by the clock; the default value date is 1997-10-15. */
@QuarkusTest
@StackResource
@TestSecurity(user = "finance", roles = "finance-officer")
class UnmatchedReceiptRuleTest {

  private static final Instant VALUE_DATE_PLUS_9 = Instant.parse("1997-10-24T09:00:00Z");
  private static final Instant VALUE_DATE_PLUS_10 = Instant.parse("1997-10-25T09:00:00Z");

  @Inject TestClock clock;
  @Inject AlertService alertService;

  String rule;
  ReceiptEvents receipt;

  @BeforeEach
  void ruleOfTenDays() {
    clock.reset();
    rule = Rules.uniqueName("unmatched");
    Rules.create(rule, "UNMATCHED_RECEIPT", null, "\"minDaysUnallocated\":10");
    receipt = aReceipt().by("SWE");
  }

  /** The rule watches every receipt, other tests' too: this test's receipt only. */
  private String mine(String path) {
    return "findAll { it.labels.receipt == '" + receipt.id() + "' }" + path;
  }

  @Test
  void aReceiptUnallocatedTenDaysFiresWhenTheClockGetsThere() {
    clock.set(VALUE_DATE_PLUS_9);
    receipt.publishAndAwait(ReceiptEvents.RECORDED);
    Rules.alertsOf(rule).body(mine(""), empty());

    clock.set(VALUE_DATE_PLUS_10);
    alertService.reevaluateAll();

    Rules.alertsOf(rule)
        .body(mine(""), hasSize(1))
        .body(mine("[0].status"), equalTo("FIRING"))
        .body(mine("[0].labels.kind"), equalTo("unmatched-receipt"))
        .body(mine("[0].labels.donor"), equalTo("SWE"))
        .body(mine("[0].labels.receipt"), equalTo(receipt.id().toString()))
        .body(mine("[0].labels.appeal"), nullValue())
        .body(mine("[0].amount.amount"), equalTo("1000000.00"))
        .body(mine("[0].amount.currency"), equalTo("NOK"))
        .body(mine("[0].days"), equalTo(10));
  }

  @Test
  void fullAllocationResolvesTheAlert() {
    clock.set(VALUE_DATE_PLUS_10);
    receipt.publishAndAwait(ReceiptEvents.RECORDED);

    receipt.atVersion(1).unallocated("0.00").publishAndAwait(ReceiptEvents.ALLOCATED);

    Rules.alertsOf(rule).body(mine(""), hasSize(1)).body(mine("[0].status"), equalTo("RESOLVED"));
  }

  @Test
  void aPartialAllocationKeepsItFiringWithTheRestUnallocated() {
    clock.set(VALUE_DATE_PLUS_10);
    receipt.publishAndAwait(ReceiptEvents.RECORDED);

    receipt.atVersion(1).unallocated("250000.00").publishAndAwait(ReceiptEvents.ALLOCATED);

    Rules.alertsOf(rule)
        .body(mine(""), hasSize(1))
        .body(mine("[0].status"), equalTo("FIRING"))
        .body(mine("[0].amount.amount"), equalTo("250000.00"));
  }
}
