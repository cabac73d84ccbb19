package org.jointappeal.appeal.appeal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jointappeal.appeal.money.MoneyRequest;

/** Arranges appeals through the service itself, whoever the test's HTTP caller is. */
public final class AppealFixtures {

  private AppealFixtures() {}

  public static CreateAppealRequest request(String code) {
    return new CreateAppealRequest(
        code,
        "Test appeal",
        List.of("UNHCR", "IOM"),
        LocalDate.parse("1997-01-01"),
        LocalDate.parse("1997-12-31"),
        null,
        List.of(
            new RequirementLineRequest(
                null,
                "GEO",
                "UNHCR",
                Sector.PROTECTION,
                CategoryOfConcern.REFUGEES,
                Priority.EMERGENCY,
                null,
                new MoneyRequest(new BigDecimal("600000.00"), "USD")),
            new RequirementLineRequest(
                null,
                "TJK",
                "IOM",
                Sector.MIGRATION_MANAGEMENT,
                CategoryOfConcern.ILLEGAL_MIGRANTS,
                Priority.NON_EMERGENCY,
                null,
                new MoneyRequest(new BigDecimal("400000.00"), "USD"))));
  }

  /** A launched appeal with USD 1 000 000 of requirements. */
  public static void launched(String code) {
    var service = io.quarkus.arc.Arc.container().instance(AppealService.class).get();
    service.create(request(code), "fixture");
    service.launch(code, java.util.OptionalLong.empty(), null, "fixture");
  }
}
