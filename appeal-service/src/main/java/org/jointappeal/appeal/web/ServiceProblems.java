package org.jointappeal.appeal.web;

import static org.jointappeal.appeal.web.ProblemMapper.instance;
import static org.jointappeal.appeal.web.ProblemMapper.respond;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jointappeal.appeal.StateConflict;
import org.jointappeal.appeal.VersionConflict;

/** The problems only appeal-service answers with; the shared ones are in {@link ProblemMapper}. */
public class ServiceProblems {

  /** The detail of a 415. */
  static final String UNSUPPORTED_MEDIA_TYPE = "send application/json";

  @ServerExceptionMapper
  public RestResponse<Problem> stateConflict(StateConflict e, UriInfo uri) {
    return respond(
        Problem.of(
            "state-conflict",
            "The appeal has already taken another transition",
            409,
            e.getMessage(),
            instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> conflict(VersionConflict e, UriInfo uri) {
    return respond(
        Problem.of("version-conflict", "Version conflict", 409, e.getMessage(), instance(uri)));
  }

  /** Two writers raced past the If-Match check: the later flush lost. */
  @ServerExceptionMapper
  public RestResponse<Problem> raced(OptimisticLockException e, UriInfo uri) {
    return respond(
        Problem.of(
            "version-conflict",
            "Version conflict",
            409,
            "the resource was changed concurrently: read it again",
            instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalidParameter(InvalidQueryParameter e, UriInfo uri) {
    return respond(
        new Problem(
            URI.create(Problem.TYPE_BASE + "bad-request"),
            "Bad Request",
            400,
            e.getMessage(),
            instance(uri),
            List.of(new Problem.Violation(e.parameter(), e.getMessage())),
            null));
  }
}
