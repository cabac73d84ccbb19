package org.jointappeal.notification.web;

import static org.jointappeal.notification.web.ProblemMapper.instance;
import static org.jointappeal.notification.web.ProblemMapper.respond;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jointappeal.notification.Forbidden;

/**
 * The problems only notification-service answers with; the shared ones are in {@link
 * ProblemMapper}.
 */
public class ServiceProblems {

  /** The detail of a 415. */
  static final String UNSUPPORTED_MEDIA_TYPE = "send application/json";

  @ServerExceptionMapper
  public RestResponse<Problem> forbiddenAct(Forbidden e, UriInfo uri) {
    return respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage(), instance(uri)));
  }

  /** A parameter that cannot be read, e.g. {@code ?status=BOGUS}: 400, naming the field. */
  @ServerExceptionMapper
  public RestResponse<Problem> invalidParameter(InvalidParameter e, UriInfo uri) {
    return respond(
        new Problem(
            URI.create(Problem.TYPE_BASE + "invalid-request"),
            "The request is not valid",
            400,
            "invalid: " + e.field(),
            instance(uri),
            List.of(new Problem.Violation(e.field(), e.reason())),
            null));
  }
}
