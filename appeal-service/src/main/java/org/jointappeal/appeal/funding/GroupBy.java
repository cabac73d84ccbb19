package org.jointappeal.appeal.funding;

import java.util.Arrays;
import java.util.Locale;
import org.jointappeal.appeal.web.InvalidQueryParameter;

/** The groupings of {@code ?groupBy=}: line attributes, and donor and earmarking level. */
public enum GroupBy {
  COUNTRY(true),
  AGENCY(true),
  SECTOR(true),
  CATEGORY(true),
  PRIORITY(true),
  DONOR(false),
  EARMARKING(false);

  private final boolean ofLines;

  GroupBy(boolean ofLines) {
    this.ofLines = ofLines;
  }

  /** A grouping by a line attribute has requirements; donor and earmarking have none. */
  boolean ofLines() {
    return ofLines;
  }

  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static GroupBy parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Arrays.stream(values())
        .filter(g -> g.parameter().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidQueryParameter(
                    "groupBy", "country, agency, sector, category, priority, donor or earmarking"));
  }
}
