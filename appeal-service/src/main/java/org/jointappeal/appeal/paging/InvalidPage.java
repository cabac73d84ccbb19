package org.jointappeal.appeal.paging;

/** A limit out of bounds, or a cursor this service did not hand out: 422 invalid-page-request. */
public final class InvalidPage extends RuntimeException {

  private InvalidPage(String detail) {
    super(detail, null, false, false);
  }

  static InvalidPage limit(String value) {
    return new InvalidPage(
        "limit must be a whole number from 1 to "
            + PageRequest.MAX_LIMIT
            + ", not "
            + (value.length() > 20 ? value.substring(0, 20) + "..." : value));
  }

  static InvalidPage cursor() {
    return new InvalidPage("cursor is not one this list handed out: start again without it");
  }
}
