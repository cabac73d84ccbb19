package org.jointappeal.console.home;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A donor's own pledges at a glance: totals per currency (announced, paid, outstanding; cancelled
 * pledges left out), the next instalment due and the overdue ones. The pledges come from
 * pledge-service with the donor's token, so they are only its own.
 */
@TemplateData
public record DonorSummary(
    int pledges,
    List<CurrencyTotal> totals,
    Map<String, Object> nextDue,
    List<Map<String, Object>> overdue) {

  @TemplateData
  public record CurrencyTotal(
      String currency, BigDecimal pledged, BigDecimal paid, BigDecimal outstanding) {}

  @SuppressWarnings("unchecked")
  static DonorSummary of(List<Map<String, Object>> pledges, LocalDate today) {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    List<Map<String, Object>> open = new ArrayList<>();
    List<Map<String, Object>> overdue = new ArrayList<>();
    for (var pledge : pledges) {
      if ("CANCELLED".equals(pledge.get("status"))) {
        continue;
      }
      var amount = (Map<String, Object>) pledge.get("amount");
      String currency = (String) amount.get("currency");
      BigDecimal[] sum =
          sums.computeIfAbsent(
              currency, c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(decimal(amount));
      sum[1] = sum[1].add(decimal(pledge.get("paid")));
      sum[2] = sum[2].add(decimal(pledge.get("outstanding")));
      for (var instalment : (List<Map<String, Object>>) pledge.get("instalments")) {
        Object status = instalment.get("status");
        var due = new LinkedHashMap<String, Object>(instalment);
        due.put("pledgeId", pledge.get("id"));
        due.put("appealCode", pledge.get("appealCode"));
        if ("OVERDUE".equals(status)) {
          overdue.add(due);
        } else if ("PENDING".equals(status) || "PARTIALLY_PAID".equals(status)) {
          open.add(due);
        }
      }
    }
    List<CurrencyTotal> totals = new ArrayList<>();
    sums.forEach((c, s) -> totals.add(new CurrencyTotal(c, s[0], s[1], s[2])));
    var nextDue =
        open.stream()
            .filter(i -> !LocalDate.parse((String) i.get("dueOn")).isBefore(today))
            .min(Comparator.comparing(i -> (String) i.get("dueOn")))
            .or(() -> open.stream().min(Comparator.comparing(i -> (String) i.get("dueOn"))))
            .orElse(null);
    return new DonorSummary(pledges.size(), totals, nextDue, overdue);
  }

  private static BigDecimal decimal(Object money) {
    if (money instanceof Map<?, ?> m && m.get("amount") != null) {
      return new BigDecimal(m.get("amount").toString());
    }
    return BigDecimal.ZERO;
  }
}
