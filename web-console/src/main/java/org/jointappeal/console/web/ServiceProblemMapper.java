package org.jointappeal.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's problem that no page handled itself becomes a page with the same status: another
 * donor's pledge is "not found" here exactly as in pledge-service, nothing more is said.
 */
public class ServiceProblemMapper {

  @Inject
  @Location("error.html")
  Template error;

  @Inject Viewer viewer;

  @ServerExceptionMapper
  public Response problem(ServiceProblem problem) {
    int status = problem.status();
    String heading =
        switch (status) {
          case 404 -> "Not found";
          case 403 -> "Not allowed";
          case 401 -> "Please log in again";
          default -> problem.title();
        };
    String text =
        status == 404
            ? "There is nothing here, or nothing you may see."
            : status >= 500 ? "A service could not answer. Try again in a moment." : problem.text();
    return Response.status(status < 400 ? 502 : status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(
            error
                .data("viewer", viewer)
                .data("status", status)
                .data("heading", heading)
                .data("text", text)
                .render())
        .build();
  }
}
