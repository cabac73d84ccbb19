package org.jointappeal.appeal.appeal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.appeal.paging.PageRequest;
import org.jointappeal.appeal.web.PageLinks;

/** The public transparency view of appeals: no token, launched and closed appeals only. */
@Path("/public/appeals")
@Produces(MediaType.APPLICATION_JSON)
public class PublicAppealResource {

  private final AppealService appeals;

  PublicAppealResource(AppealService appeals) {
    this.appeals = appeals;
  }

  @Operation(summary = "List launched appeals for the public")
  @GET
  @PermitAll
  @APIResponse(
      responseCode = "200",
      description =
          "A page of the launched and closed appeals with their current requirement lines, newest"
              + " period first (then by code)",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AppealView.class),
              examples = @ExampleObject(name = "appeals", value = AppealExamples.APPEALS)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<AppealView>> listPublicAppeals(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(appeals.listPublished(PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read a launched appeal for the public")
  @GET
  @Path("/{code}")
  @PermitAll
  @APIResponse(
      responseCode = "200",
      description = "One launched or closed appeal with its current requirement lines",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppealView.class),
              examples = @ExampleObject(name = "geo-1997", value = AppealExamples.APPEAL)))
  @APIResponse(responseCode = "404", description = "No such appeal, or still a draft")
  public AppealView getPublicAppeal(@PathParam("code") String code) {
    return appeals.findPublished(code);
  }
}
