package org.jointappeal.appeal.funding;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** The public transparency view: no token; launched and closed appeals; aggregates only. */
@Path("/public/appeals/{code}/funding")
public class PublicFundingResource {

  private final FundingService funding;
  private final TransparencyConfig config;

  PublicFundingResource(FundingService funding, TransparencyConfig config) {
    this.funding = funding;
    this.config = config;
  }

  @Operation(summary = "Read a launched appeal's aggregate funding for the public")
  @GET
  @PermitAll
  @Produces({MediaType.APPLICATION_JSON, FundingResource.CSV})
  @APIResponse(
      responseCode = "200",
      description = "The appeal's funding, per line and per country, agency, sector, priority",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FundingStatus.class),
            examples = @ExampleObject(name = "geo-1997", value = FundingExamples.STATUS)),
        @Content(
            mediaType = FundingResource.CSV,
            examples = @ExampleObject(name = "geo-1997-csv", value = FundingExamples.CSV))
      })
  @APIResponse(
      responseCode = "400",
      description = "asOf is not a date, knownAt not an instant, or an unknown groupBy")
  @APIResponse(responseCode = "403", description = "groupBy=donor while donor detail is off")
  @APIResponse(responseCode = "404", description = "No such appeal, or still a draft")
  public RestResponse<Object> getPublicFunding(
      @PathParam("code") String code,
      @QueryParam("asOf") String asOf,
      @QueryParam("knownAt") String knownAt,
      @QueryParam("groupBy") String groupBy,
      HttpHeaders headers) {
    var grouping = GroupBy.parse(groupBy);
    if (grouping == GroupBy.DONOR && !config.donorDetail()) {
      throw new ForbiddenException("per-donor figures are not public");
    }
    var status =
        funding.publicStatus(
            code, FundingQuery.asOf(asOf), FundingQuery.knownAt(knownAt), grouping);
    return FundingRepresentation.of(status, headers);
  }
}
