package org.jointappeal.pledge.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jointappeal.pledge.NotYetKnown;

/**
 * {@link NotYetKnown} as a 409 problem with {@code Retry-After} (whole seconds). Kept apart from
 * {@link ProblemMapper} only because that class was being reworked at the same time; it belongs
 * there.
 */
public class NotYetKnownMapper {

  @ServerExceptionMapper
  public RestResponse<Problem> notYetKnown(NotYetKnown e, UriInfo uri) {
    return RestResponse.ResponseBuilder.<Problem>create(409)
        .entity(Problem.of(e.slug(), e.title(), 409, e.getMessage(), URI.create(uri.getPath())))
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()))
        .build();
  }
}
