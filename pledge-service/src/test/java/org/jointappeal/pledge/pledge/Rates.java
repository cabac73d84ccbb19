package org.jointappeal.pledge.pledge;

import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jointappeal.pledge.fx.UnoreRateService;

final class Rates {

  private Rates() {}

  static void record(String currency, String effectiveFrom, String unitsPerUsd) {
    Arc.container()
        .instance(UnoreRateService.class)
        .get()
        .record(currency, LocalDate.parse(effectiveFrom), new BigDecimal(unitsPerUsd));
  }
}
