package org.jointappeal.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** appeal-service's public part: no token at all, whoever is looking. */
@RegisterRestClient(configKey = "appeal-service")
@Produces(MediaType.APPLICATION_JSON)
public interface PublicAppeals {

  @GET
  @Path("/public/appeals")
  Response appeals(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @GET
  @Path("/public/appeals/{code}")
  Response appeal(@PathParam("code") String code);

  @GET
  @Path("/public/appeals/{code}/funding")
  Response funding(@PathParam("code") String code, @QueryParam("groupBy") String groupBy);
}
