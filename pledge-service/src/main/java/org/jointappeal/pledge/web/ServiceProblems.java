package org.jointappeal.pledge.web;

import static org.jointappeal.pledge.web.ProblemMapper.instance;
import static org.jointappeal.pledge.web.ProblemMapper.respond;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jointappeal.pledge.Forbidden;
import org.jointappeal.pledge.NotYetKnown;
import org.jointappeal.pledge.StateConflict;
import org.jointappeal.pledge.VersionConflict;

/** The problems only pledge-service answers with; the shared ones are in {@link ProblemMapper}. */
public class ServiceProblems {

  /** The detail of a 415. */
  static final String UNSUPPORTED_MEDIA_TYPE =
      "send application/json (text/csv for a rate table, application/xml for a bank statement)";

  /** A 409 with {@code Retry-After} (whole seconds): the thing may be known in a moment. */
  @ServerExceptionMapper
  public RestResponse<Problem> notYetKnown(NotYetKnown e, UriInfo uri) {
    return RestResponse.ResponseBuilder.<Problem>create(409)
        .entity(Problem.of(e.slug(), e.title(), 409, e.getMessage(), instance(uri)))
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()))
        .build();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> stateConflict(StateConflict e, UriInfo uri) {
    return respond(
        Problem.of(
            "state-conflict",
            "The pledge has already taken another transition",
            409,
            e.getMessage(),
            instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> forbiddenAct(Forbidden e, UriInfo uri) {
    return respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage(), instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> conflict(VersionConflict e, UriInfo uri) {
    return respond(
        Problem.of("version-conflict", "Version conflict", 409, e.getMessage(), instance(uri)));
  }

  /** A concurrent command changed the same receipt or pledge first (its @Version moved on). */
  @ServerExceptionMapper
  public RestResponse<Problem> concurrent(OptimisticLockException e, UriInfo uri) {
    return respond(
        Problem.of(
            "version-conflict",
            "Version conflict",
            409,
            "changed concurrently by another request: read again and retry",
            instance(uri)));
  }
}
