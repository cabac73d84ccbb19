package org.jointappeal.appeal.web;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters arrive percent-decoded, so {@code /pledges/%00} hands a NUL to the
 * resource; it is refused here, before any query reaches the database.
 */
public class PlainParameters {

  @ServerRequestFilter
  public void refuseControlCharacters(UriInfo uri) {
    refuseIn(uri.getPathParameters());
    refuseIn(uri.getQueryParameters());
  }

  private static void refuseIn(Map<String, List<String>> parameters) {
    parameters.forEach(
        (name, values) -> {
          if (PlainText.hasControlCharacter(name)) {
            throw new PlainText.RefusedInParameter("a parameter name");
          }
          for (String value : values) {
            if (PlainText.hasControlCharacter(value)) {
              throw new PlainText.RefusedInParameter(name);
            }
          }
        });
  }
}
