package org.jointappeal.appeal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over its route's limit is refused as a problem, like every other refusal: the service's
 * {@code http.max-body-size} (1 MB) everywhere, {@code quarkus.http.limits.max-body-size} only on
 * the POSTs of its {@code http.large-body-posts} (a bank statement, whose import refuses one over
 * its own limit). Quarkus checks the Content-Length against its one limit in a route of its own and
 * ends the exchange with an empty 413 before JAX-RS (and so {@link ProblemMapper}) ever sees the
 * request; this route runs just before it. A body sent without a Content-Length (chunked) is held
 * to Quarkus's limit while it is read.
 */
@ApplicationScoped
public class BodyLimit {

  @Inject ObjectMapper json;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  Optional<MemorySize> transportLimit;

  @Inject BodyLimitConfig config;

  void install(@Observes Router router) {
    long everywhere = config.maxBodySize().asLongValue();
    long large = transportLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    Set<String> largeBodyPosts = Set.copyOf(config.largeBodyPosts().orElse(List.of()));
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
        .handler(ctx -> refuseOver(ctx, takesLargeBody(ctx, largeBodyPosts) ? large : everywhere));
  }

  private static boolean takesLargeBody(RoutingContext ctx, Set<String> largeBodyPosts) {
    if (largeBodyPosts.isEmpty() || ctx.request().method() != HttpMethod.POST) {
      return false;
    }
    String path = ctx.normalizedPath();
    return largeBodyPosts.contains(
        path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
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
