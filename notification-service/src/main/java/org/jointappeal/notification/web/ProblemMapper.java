package org.jointappeal.notification.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jointappeal.notification.AlreadyExists;
import org.jointappeal.notification.DomainRuleViolation;
import org.jointappeal.notification.NotFound;
import org.jointappeal.notification.RequestInFlight;
import org.jointappeal.notification.paging.InvalidPage;

/**
 * Every error leaves as RFC 9457 problem+json: one method per exception type, the most specific
 * wins. Nothing internal (stack, class name, SQL) ever reaches the caller. The same in every
 * service; what only this service refuses is mapped in {@link ServiceProblems}.
 */
public class ProblemMapper {

  @ServerExceptionMapper
  public RestResponse<Problem> rule(DomainRuleViolation e, UriInfo uri) {
    var rule = e.rule();
    return respond(
        new Problem(
            URI.create(Problem.TYPE_BASE + rule.slug()),
            rule.title(),
            422,
            e.getMessage(),
            instance(uri),
            e.errors().stream().map(v -> new Problem.Violation(v.field(), v.message())).toList(),
            null));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> exists(AlreadyExists e, UriInfo uri) {
    return respond(
        Problem.of("already-exists", "Already exists", 409, e.getMessage(), instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalidPage(InvalidPage e, UriInfo uri) {
    return respond(
        Problem.of(
            "invalid-page-request",
            "The page request is not valid",
            422,
            e.getMessage(),
            instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> inFlight(RequestInFlight e, UriInfo uri) {
    return respond(
        Problem.of(
            "request-in-flight",
            "The same request is in progress",
            409,
            e.getMessage(),
            instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> noKey(IdempotencyKeys.MissingIdempotencyKey e, UriInfo uri) {
    return respond(
        Problem.of(
            "idempotency-key-required",
            "An Idempotency-Key is required",
            400,
            e.getMessage(),
            instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notFound(NotFound e, UriInfo uri) {
    return respond(Problem.of("not-found", "Not found", 404, e.getMessage(), instance(uri)));
  }

  /**
   * Bean Validation on request bodies and parameters (quarkus #36276: map this type, not its
   * parent).
   */
  @ServerExceptionMapper
  public RestResponse<Problem> invalid(ResteasyReactiveViolationException e, UriInfo uri) {
    if (e.getConstraintViolations().stream().anyMatch(v -> !fromRequest(v))) {
      return unexpected(e, uri); // a violation on an internal bean is our bug, not the caller's
    }
    List<Problem.Violation> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(field(v.getPropertyPath()), v.getMessage()))
            .sorted(Comparator.comparing(Problem.Violation::field))
            .toList();
    var detail =
        errors.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
    return respond(
        new Problem(
            URI.create(Problem.TYPE_BASE + "invalid-request"),
            "The request is not valid",
            400,
            "invalid: " + detail,
            instance(uri),
            errors,
            null));
  }

  /** Quarkus maps this subtype itself; ours must name it to win (unknown fields, wrong types). */
  @ServerExceptionMapper
  public RestResponse<Problem> mismatched(MismatchedInputException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unreadable(JsonProcessingException e, UriInfo uri) {
    if (e instanceof PlainText.RefusedInBody refused) {
      return controlCharacters(jsonPath(refused), uri);
    }
    var errors = new ArrayList<Problem.Violation>();
    String detail = "the body is not valid JSON";
    if (e instanceof UnrecognizedPropertyException unknown) {
      detail = "unknown field";
      errors.add(new Problem.Violation(jsonPath(unknown), "unknown field"));
    } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      detail = "a field has the wrong type or format";
      errors.add(new Problem.Violation(jsonPath(mapping), "wrong type or format"));
    }
    return respond(
        new Problem(
            URI.create(Problem.TYPE_BASE + "unreadable-body"),
            "The body cannot be read",
            400,
            detail,
            instance(uri),
            errors,
            null));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> controlCharacters(PlainText.RefusedInParameter e, UriInfo uri) {
    return controlCharacters(e.parameter(), uri);
  }

  private static RestResponse<Problem> controlCharacters(String field, UriInfo uri) {
    return respond(
        new Problem(
            URI.create(Problem.TYPE_BASE + "control-characters"),
            "Text contains control characters",
            422,
            "control characters (other than tab and newline) are not allowed in: " + field,
            instance(uri),
            List.of(new Problem.Violation(field, "control characters are not allowed")),
            null));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unauthenticated(UnauthorizedException e, UriInfo uri) {
    return RestResponse.ResponseBuilder.create(
            RestResponse.Status.UNAUTHORIZED, unauthenticatedProblem(instance(uri)))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .type(Problem.MEDIA_TYPE)
        .build();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
    return respond(forbiddenProblem(instance(uri)));
  }

  /** No bearer token at all (an invalid one is answered before the API, without a body). */
  static Problem unauthenticatedProblem(URI instance) {
    return Problem.of(
        "unauthenticated", "Authentication required", 401, "send a bearer token", instance);
  }

  static Problem forbiddenProblem(URI instance) {
    return Problem.of("forbidden", "Forbidden", 403, "your role does not allow this", instance);
  }

  /** JAX-RS's own answers: unknown path (404), wrong method (405), content type (415), 403 ... */
  @ServerExceptionMapper
  public RestResponse<Problem> http(WebApplicationException e, UriInfo uri) {
    // Quarkus REST's Jackson reader wraps malformed JSON as a plain 400 (no mapper sees the parse
    // error itself): it is still an unreadable body, not a generic bad request
    if (e.getCause() instanceof JsonProcessingException unreadableJson) {
      return unreadable(unreadableJson, uri);
    }
    Response response = e.getResponse();
    int status = response.getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    var reason = Response.Status.fromStatusCode(status);
    String title = reason == null ? "Request rejected" : reason.getReasonPhrase();
    String slug = reason == null ? "http-" + status : title.toLowerCase().replace(' ', '-');
    return respond(Problem.of(slug, title, status, safeDetail(status), instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
    String errorId = UUID.randomUUID().toString();
    Log.errorf(e, "unexpected error errorId=%s", errorId);
    return respond(
        new Problem(
            URI.create(Problem.TYPE_BASE + "internal-error"),
            "Internal error",
            500,
            "the request could not be completed; quote the errorId to the operators",
            instance(uri),
            List.of(),
            errorId));
  }

  /** The problem as its own status, typed {@code application/problem+json}. */
  public static RestResponse<Problem> respond(Problem problem) {
    // create(int): RestResponse.Status has no constant for 422
    return RestResponse.ResponseBuilder.<Problem>create(problem.status())
        .entity(problem)
        .type(Problem.MEDIA_TYPE)
        .build();
  }

  private static String safeDetail(int status) {
    return switch (status) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed on this resource";
      case 406 -> "no acceptable representation";
      case 413 -> "the body is too large";
      case 415 -> ServiceProblems.UNSUPPORTED_MEDIA_TYPE;
      case 403 -> "not allowed for this caller";
      default -> "the request was rejected";
    };
  }

  public static URI instance(UriInfo uri) {
    return Problem.instanceFor(uri.getPath());
  }

  private static boolean fromRequest(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
        return node.getKind() == ElementKind.PARAMETER;
      }
    }
    return false;
  }

  /** "announce.request.amount.currency" -> "amount.currency"; a plain parameter keeps its name. */
  private static String field(Path path) {
    List<String> names = new ArrayList<>();
    boolean parameterSeen = false;
    for (Path.Node node : path) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
        case PARAMETER -> {
          parameterSeen = true;
          names.add(node.getName());
        }
        default -> {
          if (parameterSeen
              && names.size() == 1
              && names.get(0) != null
              && !names.get(0).contains(".")) {
            names.clear(); // the body parameter's own name means nothing to the caller
            parameterSeen = false;
          }
          String name = node.getName();
          // an index belongs to the container named by the previous node: lines[0].amount
          if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
            int last = names.size() - 1;
            names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            if (name != null && !name.startsWith("<")) { // "<list element>" names nothing
              names.add(name);
            }
          } else if (node.getIndex() != null) {
            names.add((name == null ? "" : name) + "[" + node.getIndex() + "]");
          } else if (name != null) {
            names.add(name);
          }
        }
      }
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
