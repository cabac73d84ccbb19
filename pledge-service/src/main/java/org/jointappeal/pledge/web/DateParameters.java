package org.jointappeal.pledge.web;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates and instants in query parameters, read strictly: a bad value is a 400 that names it. */
public final class DateParameters {

  private DateParameters() {}

  /** Null when absent or blank; {@code example} shows the caller the format. */
  public static LocalDate date(String value, String name, String example) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " must be a date, e.g. " + example);
    }
  }

  /** Null when absent or blank; an instant in UTC with its Z. */
  public static Instant instant(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " must be an instant, e.g. 1997-12-01T00:00:00Z");
    }
  }
}
