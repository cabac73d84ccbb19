package org.jointappeal.notification.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jointappeal.notification.Money;

/**
 * {@code org.jointappeal.funding.changed.v1}: the fields of the contract notification-service uses.
 */
public record FundingChangedV1(
    String appealCode,
    long version,
    Figures funding,
    LineGroups groups,
    LocalDate occurredOn,
    Instant recordedAt)
    implements FundingEventV1 {

  public static final String TYPE = "org.jointappeal.funding.changed.v1";

  /**
   * Coverage in percent of current requirements (rounded half-even to two decimals), null while
   * there are no requirements; current requirements, funding and unmet in USD (thresholds are
   * compared with funding / requirements, not with the rounded percent).
   */
  public record Figures(
      BigDecimal coveragePercent, Money currentRequirements, Money funding, Money unmet) {}

  /**
   * The appeal's line groups by dimension, as appeal-service computed them; null from an older
   * producer. Kept as the notification-service's copy of the appeal's coverage (a jsonb column).
   */
  public record LineGroups(
      List<LineGroup> country,
      List<LineGroup> agency,
      List<LineGroup> sector,
      List<LineGroup> category,
      List<LineGroup> priority) {

    /** The groups of one dimension, named as a rule's {@code groupBy}; none for another name. */
    public List<LineGroup> of(String dimension) {
      List<LineGroup> groups =
          switch (dimension) {
            case "country" -> country;
            case "agency" -> agency;
            case "sector" -> sector;
            case "category" -> category;
            case "priority" -> priority;
            default -> null;
          };
      return groups == null ? List.of() : groups;
    }
  }

  /**
   * The lines sharing one value of a dimension: their current requirements, the funding placed in
   * them and its coverage (null while the requirements are 0), in USD.
   */
  public record LineGroup(
      String key,
      Money currentRequirements,
      Money funding,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal coveragePercent,
      Money unmet) {}
}
