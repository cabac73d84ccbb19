package org.jointappeal.appeal.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every secured operation can give, written once here instead of on each resource
 * method: 401, 403 and, where the path names a resource, 404 (another donor's resource is a 404
 * too, so nothing leaks). A resource documents a 403 or 404 only where it means something more, as
 * a one-line description; this filter adds the problem body and its example. Every error answer's
 * problem body gets the {@code Problem} schema. The examples are the problems {@link ProblemMapper}
 * answers with.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardAnswers implements OASFilter {

  static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .values()
                    .forEach(operation -> addStandardAnswers(path, operation)));
  }

  private static void addStandardAnswers(String path, Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      return;
    }
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    if (secured) {
      // the body is this filter's, whatever a resource wrote
      responses.addAPIResponse(
          "401",
          OASFactory.createAPIResponse()
              .description(
                  "No bearer token: the unauthenticated problem. A token not valid here (expired,"
                      + " forged, another realm or audience): an empty body, answered before the"
                      + " API"));
      standard(responses, "403", "The caller's role does not allow this");
      if (path.contains("{")) {
        standard(
            responses,
            "404",
            "No such resource, or one the caller may not see (the same answer: nothing leaks)");
      }
    }
    responses
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if (!status.matches("[45]\\d\\d")) {
                return;
              }
              if (response.getContent() == null) {
                response.content(standardBody(path, status));
              }
              // a problem body a resource gave with its example only: its schema is the Problem
              MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
              if (problem != null && problem.getSchema() == null) {
                problem.schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
              }
            });
  }

  /** The answer for the status unless the resource wrote one (its description stays). */
  private static void standard(APIResponses responses, String status, String description) {
    APIResponse response = responses.getAPIResponse(status);
    if (response == null || isQuarkusDefault(response)) {
      responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
    }
  }

  private static boolean isQuarkusDefault(APIResponse response) {
    // what Quarkus adds by itself to a secured operation, when the resource said nothing
    return response.getContent() == null
        && ("Not Authorized".equals(response.getDescription())
            || "Not Allowed".equals(response.getDescription()));
  }

  /** A problem body: with its example where every operation answers it alike. */
  private static Content standardBody(String path, String status) {
    return switch (status) {
      case "401" -> example(ProblemMapper.unauthenticatedProblem(null), path);
      case "403" -> example(ProblemMapper.forbiddenProblem(null), path);
      case "404" ->
          example(
              Problem.of(
                  "not-found", "Not found", 404, "no such resource, or not one you may see", null),
              path);
      default ->
          OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType());
    };
  }

  /** The problem as an example; its instance is the operation's path (a template, not a URI). */
  private static Content example(Problem problem, String path) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("type", problem.type().toString());
    value.put("title", problem.title());
    value.put("status", problem.status());
    value.put("detail", problem.detail());
    value.put("instance", path);
    String name = problem.type().toString().substring(Problem.TYPE_BASE.length());
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().addExample(name, OASFactory.createExample().value(value)));
  }
}
