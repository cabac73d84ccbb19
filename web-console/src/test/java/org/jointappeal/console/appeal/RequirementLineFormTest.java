package org.jointappeal.console.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jointappeal.console.web.ServiceProblem;
import org.junit.jupiter.api.Test;

class RequirementLineFormTest {

  private static RequirementLineForm twoRowsAndABlankOne() {
    return RequirementLineForm.posted(
        List.of("5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f", "", ""),
        List.of("geo", "", "TJK"),
        List.of("UNHCR", "", "iom"),
        List.of("EMERGENCY_ASSISTANCE", "", "MIGRATION_ASSISTANCE"),
        List.of("INTERNALLY_DISPLACED_PERSONS", "", "RETURNEES"),
        List.of("EMERGENCY", "", "NON_EMERGENCY"),
        List.of("", "", ""),
        List.of("600,000.00", "", "500000.00"),
        List.of("usd", "USD", "USD"));
  }

  @Test
  void aBlankRowIsNoLineAndCodesAreInCapitals() {
    var lines = twoRowsAndABlankOne().lines(false);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .containsEntry("country", "GEO")
        .containsEntry("agency", "UNHCR")
        .containsEntry("amount", Map.of("amount", "600000.00", "currency", "USD"))
        .doesNotContainKey("lineId");
    assertThat(lines.get(1)).containsEntry("agency", "IOM").containsEntry("description", null);
  }

  @Test
  void aRevisionKeepsTheIdsOfTheLinesItRestates() {
    var lines = twoRowsAndABlankOne().lines(true);
    assertThat(lines.get(0)).containsEntry("lineId", "5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    assertThat(lines.get(1)).doesNotContainKey("lineId");
  }

  @Test
  void theServicesProblemWithALineIsShownOnThatLineAndOneBlankRowFollows() {
    var problem =
        new ServiceProblem(
            400,
            "Invalid request",
            null,
            List.of(Map.of("field", "requirementLines[1].amount.amount", "message", "too many")));
    var shown = twoRowsAndABlankOne().shown(problem::messageAt, "USD").rows();
    assertThat(shown).hasSize(3);
    assertThat(shown.get(0).problem()).isNull();
    assertThat(shown.get(1).country()).isEqualTo("TJK");
    assertThat(shown.get(1).problem()).isEqualTo("too many");
    assertThat(shown.get(2).country()).isEmpty();
    assertThat(shown.get(2).currency()).isEqualTo("USD");
  }

  @Test
  void aProblemAtAPathDoesNotTakeItsNeighbours() {
    var problem =
        new ServiceProblem(
            422,
            "Rule",
            null,
            List.of(
                Map.of("field", "requirementLines[1].country", "message", "not a country"),
                Map.of("field", "requirementLines[10].country", "message", "elsewhere")));
    assertThat(problem.messageAt("requirementLines[1]")).isEqualTo("not a country");
    assertThat(problem.messageAt("requirementLines[2]")).isNull();
  }

  @Test
  void agenciesAreReadCommaOrSpaceSeparated() {
    assertThat(AppealEditorPages.agencyList("unhcr, IOM  ICRC"))
        .containsExactly("UNHCR", "IOM", "ICRC");
    assertThat(AppealEditorPages.agencyList(" ")).isEmpty();
  }
}
