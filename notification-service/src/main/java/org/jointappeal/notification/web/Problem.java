package org.jointappeal.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with field-level violations and an error id for 500s. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
    @Schema(example = "https://jointappeal.org/problems/invalid-request") URI type,
    @Schema(example = "The request is not valid") String title,
    @Schema(example = "400") int status,
    @Schema(example = "invalid: amount.amount") String detail,
    @Schema(example = "/pledges") URI instance,
    List<Violation> errors,
    @Schema(description = "Set on 500s; quote it to the operators") String errorId) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://jointappeal.org/problems/";

  public record Violation(
      @Schema(example = "amount.amount") String field,
      @Schema(example = "must be greater than 0") String message) {}

  /**
   * The request's path as a URI reference. The path arrives decoded ({@code /appeals/a b}, a NUL),
   * so it is quoted again; a path that still cannot be one is left out rather than failing the
   * answer.
   */
  static URI instanceFor(String path) {
    try {
      return new URI(null, null, path, null);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  public static Problem of(String slug, String title, int status, String detail, URI instance) {
    return new Problem(
        URI.create(TYPE_BASE + slug), title, status, detail, instance, List.of(), null);
  }
}
