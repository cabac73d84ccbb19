package org.jointappeal.console.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Reads a service's answer as plain maps and lists (the templates show them as they come, so a new
 * field in a service needs no change here), or throws its problem.
 */
public final class ServiceAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceAnswers() {}

  public static Map<String, Object> object(Response response) {
    return JSON.convertValue(body(response), new TypeReference<Map<String, Object>>() {});
  }

  public static List<Map<String, Object>> list(Response response) {
    return JSON.convertValue(body(response), new TypeReference<List<Map<String, Object>>>() {});
  }

  /** The raw body of a 2xx answer (CSV, XML), or the problem. */
  public static String text(Response response) {
    try (response) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      if (response.getStatus() >= 400) {
        throw problem(response.getStatus(), body);
      }
      return body;
    }
  }

  /** The ETag of an answer, for a later If-Match. */
  public static String etag(Response response) {
    return response.getHeaderString("ETag");
  }

  private static Object body(Response response) {
    String text = text(response);
    try {
      return text.isEmpty() ? Map.of() : JSON.readValue(text, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a service answered with unreadable JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  static ServiceProblem problem(int status, String body) {
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "Error " + status
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    String detail = null;
    List<Map<String, Object>> errors = List.of();
    try {
      if (body != null && body.trim().startsWith("{")) {
        Map<String, Object> problem = JSON.readValue(body, Map.class);
        title = problem.get("title") instanceof String t ? t : title;
        detail = problem.get("detail") instanceof String d ? d : null;
        if (problem.get("errors") instanceof List<?> list) {
          errors = (List<Map<String, Object>>) list;
        }
      }
    } catch (IOException e) {
      // not problem+json: the status and its reason phrase still say what happened
    }
    return new ServiceProblem(status, title, detail, errors);
  }
}
