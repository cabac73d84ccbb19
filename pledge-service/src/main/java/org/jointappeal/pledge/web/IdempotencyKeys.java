package org.jointappeal.pledge.web;

import java.util.Optional;
import org.jointappeal.pledge.idempotency.IdempotencyKey;

/** Reads the Idempotency-Key header of a creating POST. */
public final class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";

  private IdempotencyKeys() {}

  /** For operations older than the header, whose clients may not send it yet. */
  public static Optional<IdempotencyKey> optional(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new IdempotencyKey(header.trim()));
    } catch (IllegalArgumentException e) {
      throw new MissingIdempotencyKey(e.getMessage());
    }
  }

  public static IdempotencyKey required(String header) {
    return optional(header)
        .orElseThrow(() -> new MissingIdempotencyKey("send an Idempotency-Key header"));
  }

  /** Answered 400 {@code idempotency-key-required}. */
  public static final class MissingIdempotencyKey extends RuntimeException {
    MissingIdempotencyKey(String detail) {
      super(detail, null, false, false);
    }
  }
}
