package org.jointappeal.notification.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.notification.idempotency.Answer;
import org.jointappeal.notification.idempotency.IdempotencyKey;

/**
 * Reads the Idempotency-Key header of a command, and turns a command's (possibly replayed) answer
 * into the response.
 */
public final class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";

  /** The header's contract, the same on every command. */
  public static final String DESCRIPTION =
      "Optional: with it, a retry of the same request by the same caller replays the first answer"
          + " (status, Location, body) and has no second effect; the same key with another body"
          + " is a 422 idempotency-key-reused; while the first is in progress, a 409"
          + " request-in-flight";

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

  /** The answer as it was given the first time: status, Location (if any) and body. */
  public static <T> RestResponse<T> respond(Answer<T> answer, UriInfo uri) {
    return respond(answer, uri, body -> null);
  }

  /** As {@link #respond(Answer, UriInfo)}, with the body's version as the ETag. */
  public static <T> RestResponse<T> respond(
      Answer<T> answer, UriInfo uri, Function<T, Object> version) {
    var response = RestResponse.ResponseBuilder.<T>create(answer.status()).entity(answer.body());
    if (answer.location() != null) {
      response.location(uri.getBaseUriBuilder().path(answer.location()).build());
    }
    Object tag = answer.body() == null ? null : version.apply(answer.body());
    if (tag != null) {
      response.tag(new EntityTag(tag.toString()));
    }
    return response.build();
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
