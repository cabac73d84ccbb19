package org.jointappeal.console.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DonorSummaryTest {

  private static Map<String, Object> money(String amount, String currency) {
    return Map.of("amount", amount, "currency", currency);
  }

  private static Map<String, Object> pledge(
      String id, String status, String amount, String paid, List<Map<String, Object>> instalments) {
    return Map.of(
        "id",
        id,
        "appealCode",
        "CIS-1997",
        "status",
        status,
        "amount",
        money(amount, "NOK"),
        "paid",
        money(paid, "NOK"),
        "outstanding",
        money(new BigDecimal(amount).subtract(new BigDecimal(paid)).toPlainString(), "NOK"),
        "instalments",
        instalments);
  }

  private static Map<String, Object> instalment(String dueOn, String amount, String status) {
    return Map.of("dueOn", dueOn, "amount", money(amount, "NOK"), "status", status);
  }

  @Test
  void totalsPerCurrencyLeaveCancelledPledgesOutAndFindWhatIsDueAndOverdue() {
    var summary =
        DonorSummary.of(
            List.of(
                pledge(
                    "a",
                    "COMMITTED",
                    "1000.00",
                    "250.00",
                    List.of(
                        instalment("1997-06-30", "250.00", "PAID"),
                        instalment("1997-09-30", "250.00", "OVERDUE"),
                        instalment("1997-12-31", "500.00", "PENDING"))),
                pledge(
                    "b",
                    "ANNOUNCED",
                    "100.10",
                    "0.00",
                    List.of(instalment("1997-11-30", "100.10", "PENDING"))),
                pledge(
                    "c",
                    "CANCELLED",
                    "999.00",
                    "0.00",
                    List.of(instalment("1997-10-31", "999.00", "CANCELLED")))),
            LocalDate.of(1997, 10, 15));

    assertThat(summary.totals()).hasSize(1);
    var nok = summary.totals().get(0);
    assertThat(nok.pledged()).isEqualByComparingTo("1100.10");
    assertThat(nok.paid()).isEqualByComparingTo("250.00");
    assertThat(nok.outstanding()).isEqualByComparingTo("850.10");
    assertThat(summary.nextDue())
        .containsEntry("dueOn", "1997-11-30")
        .containsEntry("pledgeId", "b");
    assertThat(summary.overdue())
        .singleElement()
        .satisfies(i -> assertThat(i).containsEntry("dueOn", "1997-09-30"));
  }
}
