package org.jointappeal.console.services;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * notification-service's live alerts, for the console's SSE relay. The token is passed explicitly:
 * the stream outlives the request that opened it, so it cannot be read from the request later.
 */
@RegisterRestClient(configKey = "notification-service")
public interface AlertStream {

  @GET
  @Path("/alerts/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  Multi<SseEvent<String>> follow(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

  @GET
  @Path("/alerts")
  @Produces(MediaType.APPLICATION_JSON)
  Response alerts(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("state") String state);
}
