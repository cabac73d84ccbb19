package org.jointappeal.appeal.funding;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.appeal.web.Roles;

@Path("/appeals/{code}/funding")
public class FundingResource {

  static final String CSV = "text/csv";

  private final FundingService funding;

  FundingResource(FundingService funding) {
    this.funding = funding;
  }

  @Operation(
      summary =
          "Read an appeal's funding and coverage, as of a date or grouped by a line dimension")
  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description =
          "Requirements, pledged, committed, paid, funding, coverage, unmet: for the appeal, per"
              + " requirement line and per group; as CSV with Accept: text/csv",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FundingStatus.class),
            examples = @ExampleObject(name = "geo-1997", value = FundingExamples.STATUS)),
        @Content(
            mediaType = CSV,
            examples = @ExampleObject(name = "geo-1997-csv", value = FundingExamples.CSV))
      })
  @APIResponse(
      responseCode = "400",
      description = "asOf is not a date, knownAt not an instant, or an unknown groupBy")
  @APIResponse(responseCode = "404", description = "No such appeal")
  public RestResponse<Object> getFunding(
      @PathParam("code") String code,
      @Parameter(description = "Figures at the end of this business date (ISO date)")
          @QueryParam("asOf")
          String asOf,
      @Parameter(
              description =
                  "Figures as the platform knew them at this instant (ISO 8601, e.g."
                      + " 1997-09-01T00:00:00Z): only what was recorded by then")
          @QueryParam("knownAt")
          String knownAt,
      @Parameter(description = "country, agency, sector, category, priority, donor or earmarking")
          @QueryParam("groupBy")
          String groupBy,
      HttpHeaders headers) {
    var status =
        funding.status(
            code, FundingQuery.asOf(asOf), FundingQuery.knownAt(knownAt), GroupBy.parse(groupBy));
    return FundingRepresentation.of(status, headers);
  }

  @Operation(summary = "Read an appeal's funding flows by donor and status (FTS flow summary)")
  @GET
  @Path("/flow-summary")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description = "The funding status shaped like an FTS flow summary",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FlowSummary.class),
              examples = @ExampleObject(name = "geo-1997", value = FundingExamples.FLOW_SUMMARY)))
  @APIResponse(
      responseCode = "400",
      description = "asOf is not a date, knownAt not an instant, or an unknown groupBy")
  @APIResponse(responseCode = "404", description = "No such appeal")
  public FlowSummary getFlowSummary(
      @PathParam("code") String code,
      @QueryParam("asOf") String asOf,
      @QueryParam("knownAt") String knownAt,
      @QueryParam("groupBy") String groupBy) {
    return FlowSummary.of(
        funding.status(
            code, FundingQuery.asOf(asOf), FundingQuery.knownAt(knownAt), GroupBy.parse(groupBy)));
  }
}
