package org.jointappeal.appeal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused as a problem, like every other
 * refusal. Quarkus checks the Content-Length in a route of its own and ends the exchange with an
 * empty 413 before JAX-RS (and so {@link ProblemMapper}) ever sees the request; this route runs
 * just before it and takes the same decision with the same limit, read from the same setting.
 */
@ApplicationScoped
public class BodyLimit {

  @Inject ObjectMapper json;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  Optional<MemorySize> maxBodySize;

  void install(@Observes Router router) {
    maxBodySize.ifPresent(
        max ->
            router
                .route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(ctx -> refuseOver(ctx, max.asLongValue())));
  }

  private void refuseOver(RoutingContext ctx, long max) {
    long length = contentLength(ctx);
    if (length <= max) {
      ctx.next();
      return;
    }
    var problem =
        Problem.of(
            "request-entity-too-large",
            "Request Entity Too Large",
            413,
            "the body is %d bytes, at most %d are accepted".formatted(length, max),
            instance(ctx.request().path()));
    String body;
    try {
      body = json.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem is always serialisable", e);
    }
    ctx.response()
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        // as Quarkus does: the unread body is not drained, the connection is not reused
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(body);
  }

  /** The path as sent (still percent-encoded); one that is no URI is left out of the answer. */
  private static URI instance(String rawPath) {
    try {
      return URI.create(rawPath);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** -1 when absent (chunked) or unreadable: Quarkus's own route decides then. */
  private static long contentLength(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
