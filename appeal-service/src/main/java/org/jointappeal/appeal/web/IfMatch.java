package org.jointappeal.appeal.web;

import jakarta.ws.rs.BadRequestException;
import java.util.OptionalLong;

/** Reads an If-Match header holding one of our ETags (the aggregate's version). */
public final class IfMatch {

  private IfMatch() {}

  public static OptionalLong expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return OptionalLong.empty();
    }
    String value = ifMatch.trim().replace("W/", "").replace("\"", "");
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new BadRequestException("If-Match must be an ETag this service issued");
    }
  }
}
