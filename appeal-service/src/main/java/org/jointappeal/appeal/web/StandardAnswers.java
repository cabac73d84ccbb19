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
 * method: 401 (no body: OIDC answers before the API), 403 and, where the path names a resource, 404
 * (another donor's resource is a 404 too, so nothing leaks). A resource documents a 403 or 404 only
 * where it means something more, as a one-line description; this filter adds the problem body and
 * its example. Every other error answer gets the {@code Problem} schema, since every error is one.
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
      responses.addAPIResponse(
          "401",
          OASFactory.createAPIResponse()
              .description(
                  "No bearer token, or one not valid here (expired, another realm or audience):"
                      + " an empty body, answered before the API"));
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
              // the body of a 403 or 404 (the standard ones above, and those a resource names,
              // public ones too) is the standard problem, unless the resource gave one
              switch (status) {
                case "403" -> withProblem(response, forbidden(path));
                case "404" -> withProblem(response, notFound(path));
                default -> {
                  if (status.matches("[45]\\d\\d") && !status.equals("401")) {
                    withProblem(
                        response,
                        OASFactory.createContent()
                            .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()));
                  }
                }
              }
              // a problem body a resource gave with its example only: its schema is the Problem
              MediaType problem =
                  response.getContent() == null
                      ? null
                      : response.getContent().getMediaType(Problem.MEDIA_TYPE);
              if (problem != null && problem.getSchema() == null) {
                problem.schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
              }
            });
  }

  /**
   * The resource's own answer for the status where it wrote one (its description stays), else a new
   * one; its body is the standard problem unless the resource gave one.
   */
  private static APIResponse standard(
      APIResponses responses, String status, String defaultDescription) {
    APIResponse response = responses.getAPIResponse(status);
    if (response == null || isQuarkusDefault(response)) {
      response = OASFactory.createAPIResponse().description(defaultDescription);
      responses.addAPIResponse(status, response);
    }
    return response;
  }

  private static void withProblem(APIResponse response, Content standardProblem) {
    if (response.getContent() == null) {
      response.content(standardProblem);
    }
  }

  private static boolean isQuarkusDefault(APIResponse response) {
    // what Quarkus adds by itself to a secured operation, when the resource said nothing
    return response.getContent() == null
        && ("Not Authorized".equals(response.getDescription())
            || "Not Allowed".equals(response.getDescription()));
  }

  private static Content forbidden(String path) {
    return problem(path, "forbidden", "Forbidden", 403, "your role does not allow this");
  }

  private static Content notFound(String path) {
    return problem(path, "not-found", "Not found", 404, "no such resource, or not one you may see");
  }

  private static Content problem(
      String path, String slug, String title, int status, String detail) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "https://jointappeal.org/problems/" + slug);
    example.put("title", title);
    example.put("status", status);
    example.put("detail", detail);
    example.put("instance", path);
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType()
                .addExample(slug, OASFactory.createExample().value(example)));
  }
}
