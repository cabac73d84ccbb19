package org.jointappeal.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages behind the login are never stored by the browser: after logout the back button asks the
 * console again, which sends the browser to the login page instead of showing a copy.
 */
public class NoStoreFilter {

  @ServerResponseFilter
  public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/webjars") && !path.startsWith("/static")) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    response.getHeaders().putSingle("Referrer-Policy", "same-origin");
    response.getHeaders().putSingle("X-Frame-Options", "DENY");
  }
}
