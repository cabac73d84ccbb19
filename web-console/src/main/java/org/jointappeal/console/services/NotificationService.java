package org.jointappeal.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

  /** The first page of the alerts (newest first); read with ServicePage. */
  @GET
  @Path("/alerts")
  Response alerts(@QueryParam("state") String state, @QueryParam("appeal") String appealCode);

  @GET
  @Path("/alert-rules")
  Response alertRules(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @GET
  @Path("/silences")
  Response silences(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  String IDEMPOTENCY_KEY = "Idempotency-Key";

  @POST
  @Path("/alert-rules")
  @Consumes(MediaType.APPLICATION_JSON)
  Response createAlertRule(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Object rule);

  @DELETE
  @Path("/alert-rules/{ruleId}")
  Response deleteAlertRule(@PathParam("ruleId") String ruleId);

  @POST
  @Path("/silences")
  @Consumes(MediaType.APPLICATION_JSON)
  Response createSilence(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Object silence);

  @DELETE
  @Path("/silences/{silenceId}")
  Response expireSilence(@PathParam("silenceId") String silenceId);

  @GET
  @Path("/subscriptions")
  Response subscriptions(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @POST
  @Path("/subscriptions")
  @Consumes(MediaType.APPLICATION_JSON)
  Response subscribe(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Object subscription);

  @DELETE
  @Path("/subscriptions/{subscriptionId}")
  Response unsubscribe(@PathParam("subscriptionId") String subscriptionId);
}
