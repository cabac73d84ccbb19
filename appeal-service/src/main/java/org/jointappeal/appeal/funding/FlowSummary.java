package org.jointappeal.appeal.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.appeal.money.Money;

/**
 * The funding status shaped like OCHA FTS's flow summary: requirements (original and revised),
 * funding and pledges, progress (coverage), and the same per group.
 */
public record FlowSummary(
    @Schema(example = "CIS-1997") String appealCode,
    LocalDate asOf,
    Requirements requirements,
    Totals funding,
    List<Group> groups) {

  public record Requirements(Money originalRequirements, Money revisedRequirements) {}

  public record Totals(
      @Schema(description = "committed + paid") Money totalFunding,
      Money pledgeTotal,
      Money unmetRequirements,
      @Schema(type = SchemaType.STRING, example = "41.27", description = "coverage in %")
          @JsonFormat(shape = JsonFormat.Shape.STRING)
          BigDecimal progress) {}

  public record Group(
      @Schema(example = "country") String type,
      @Schema(example = "GEO", description = "NOT_SPECIFIED for what cannot be placed") String name,
      Money requirements,
      Money funding,
      Money pledges,
      @Schema(type = SchemaType.STRING, example = "41.27")
          @JsonFormat(shape = JsonFormat.Shape.STRING)
          BigDecimal coverage) {}

  static FlowSummary of(FundingStatus s) {
    var groups = new ArrayList<Group>();
    if (s.groups() != null) {
      for (GroupFunding g : s.groups()) {
        groups.add(group(s.groupBy(), g));
      }
      groups.add(group(s.groupBy(), s.groupsNotSpecified()));
    }
    return new FlowSummary(
        s.appealCode(),
        s.asOf(),
        new Requirements(s.originalRequirements(), s.currentRequirements()),
        new Totals(s.funding(), s.pledged(), s.unmet(), s.coveragePercent()),
        groups);
  }

  private static Group group(String type, GroupFunding g) {
    return new Group(
        type,
        g.key() == null ? "NOT_SPECIFIED" : g.key(),
        g.currentRequirements(),
        g.funding(),
        g.pledged(),
        g.coveragePercent());
  }
}
