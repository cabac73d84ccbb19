package org.jointappeal.appeal;

/** A request with the same Idempotency-Key is still being processed: 409, retry later. */
public final class RequestInFlight extends RuntimeException {

  private RequestInFlight(String detail) {
    super(detail, null, false, false);
  }

  public static RequestInFlight of(String key) {
    return new RequestInFlight(
        "a request with Idempotency-Key " + key + " is still in progress: retry later");
  }
}
