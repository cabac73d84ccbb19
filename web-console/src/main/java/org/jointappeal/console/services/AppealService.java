package org.jointappeal.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** appeal-service, called with the user's token. */
@RegisterRestClient(configKey = "appeal-service")
@RegisterProvider(AccessTokenPropagation.class)
@Produces(MediaType.APPLICATION_JSON)
public interface AppealService {

  String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** The largest page a list gives (docs/problems.md#paging). */
  int LARGEST_PAGE = 1000;

  @GET
  @Path("/appeals")
  Response appeals(@QueryParam("limit") int limit);

  /** One page of the appeals (read with ServicePage): from the start without a cursor. */
  @GET
  @Path("/appeals")
  Response appealsPage(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @GET
  @Path("/appeals/{code}")
  Response appeal(@PathParam("code") String code);

  @GET
  @Path("/appeals/{code}/revisions")
  Response revisions(
      @PathParam("code") String code,
      @QueryParam("limit") int limit,
      @QueryParam("cursor") String cursor);

  @GET
  @Path("/appeals/{code}/revisions/{number}")
  Response revision(@PathParam("code") String code, @PathParam("number") int number);

  @GET
  @Path("/appeals/{code}/history")
  Response history(
      @PathParam("code") String code,
      @QueryParam("limit") int limit,
      @QueryParam("cursor") String cursor);

  @GET
  @Path("/appeals/{code}/funding")
  Response funding(
      @PathParam("code") String code,
      @QueryParam("asOf") String asOf,
      @QueryParam("groupBy") String groupBy);

  @GET
  @Path("/appeals/{code}/funding")
  @Produces("text/csv")
  Response fundingCsv(@PathParam("code") String code, @QueryParam("asOf") String asOf);

  /**
   * The Idempotency-Key (made when the form was shown) lets a double submit replay the first answer
   * wherever the service honours it, and costs nothing where it does not.
   */
  @POST
  @Path("/appeals")
  @Consumes(MediaType.APPLICATION_JSON)
  Response create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Object request);

  @PUT
  @Path("/appeals/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response update(
      @PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, Object request);

  @POST
  @Path("/appeals/{code}/launch")
  Response launch(@PathParam("code") String code, @QueryParam("launchedOn") String launchedOn);

  @POST
  @Path("/appeals/{code}/revisions")
  @Consumes(MediaType.APPLICATION_JSON)
  Response revise(
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      Object request);

  @POST
  @Path("/appeals/{code}/close")
  Response close(@PathParam("code") String code);
}
