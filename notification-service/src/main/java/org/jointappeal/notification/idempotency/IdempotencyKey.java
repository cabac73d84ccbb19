package org.jointappeal.notification.idempotency;

import java.util.regex.Pattern;

/** A client's Idempotency-Key: 1 to 200 visible ASCII characters (a UUID, typically). */
public record IdempotencyKey(String value) {

  private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,200}");

  public IdempotencyKey {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("an Idempotency-Key is 1 to 200 visible ASCII characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
