package org.jointappeal.appeal.funding;

import jakarta.ws.rs.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
      throw new BadRequestException("asOf must be a date, e.g. 1997-07-02");
    }
  }
}
