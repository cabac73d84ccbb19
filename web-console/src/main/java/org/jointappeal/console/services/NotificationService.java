package org.jointappeal.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service, called with the user's token (a donor sees only its own alerts). */
@RegisterRestClient(configKey = "notification-service")
@RegisterProvider(AccessTokenPropagation.class)
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationService {

  @GET
  @Path("/alerts")
  Response alerts(@QueryParam("state") String state, @QueryParam("appeal") String appealCode);

  @GET
  @Path("/alert-rules")
  Response alertRules();

  @GET
  @Path("/silences")
  Response silences();
}
