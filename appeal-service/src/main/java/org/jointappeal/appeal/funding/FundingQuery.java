package org.jointappeal.appeal.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jointappeal.appeal.web.InvalidQueryParameter;

/** The query parameters of the funding endpoints, read strictly (a bad value is a 400). */
final class FundingQuery {

  private FundingQuery() {}

  static LocalDate asOf(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidQueryParameter("asOf", "a date, e.g. 1997-07-02");
    }
  }

  /** An instant in UTC, ISO 8601 with the Z (an offset is accepted too). */
  static Instant knownAt(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidQueryParameter("knownAt", "an instant, e.g. 1997-09-01T00:00:00Z");
    }
  }
}
