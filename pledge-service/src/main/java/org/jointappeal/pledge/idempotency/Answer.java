package org.jointappeal.pledge.idempotency;

/**
 * What a command answered: its status, the created resource's path (null when none) and body.
 * Stored with the Idempotency-Key, and replayed as it was for a retry of the same request.
 */
public record Answer<T>(int status, String location, T body) {

  public static <T> Answer<T> created(String location, T body) {
    return new Answer<>(201, location, body);
  }

  public static <T> Answer<T> ok(T body) {
    return new Answer<>(200, null, body);
  }

  public static <T> Answer<T> noContent() {
    return new Answer<>(204, null, null);
  }
}
