package org.jointappeal.pledge.pledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.IdempotencyKeys;
import org.jointappeal.pledge.web.IfMatch;
import org.jointappeal.pledge.web.Problem;
import org.jointappeal.pledge.web.Roles;

@Path("/pledges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PledgeResource {

  private final PledgeService pledges;
  private final CurrentCaller caller;

  PledgeResource(PledgeService pledges, CurrentCaller caller) {
    this.pledges = pledges;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER})
  @APIResponse(responseCode = "201", description = "Pledge announced")
  @APIResponse(
      responseCode = "422",
      description = "A pledge rule was violated",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "missing-rate",
                      value = PledgeExamples.MISSING_RATE_PROBLEM)))
  @APIResponse(responseCode = "403", description = "A donor pledging for another donor")
  @APIResponse(
      responseCode = "409",
      description = "A request with the same Idempotency-Key is still in progress")
  public RestResponse<PledgeView> announcePledge(
      @Parameter(
              description =
                  "Optional here (older clients do not send it): with it, a retry of the same"
                      + " request replays the first answer; the same key with another body is a"
                      + " 422")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid AnnouncePledgeRequest request,
      UriInfo uri) {
    var answer =
        pledges.announce(
            request,
            caller.donorScope(),
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey));
    return RestResponse.ResponseBuilder.<PledgeView>create(answer.status())
        .location(uri.getBaseUriBuilder().path(answer.location()).build())
        .entity(answer.body())
        .tag(etag(answer.body()))
        .build();
  }

  @GET
  @Path("/{pledgeId}")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(responseCode = "200", description = "The pledge")
  @APIResponse(responseCode = "404", description = "No such pledge, or another donor's")
  public RestResponse<PledgeView> getPledge(@PathParam("pledgeId") UUID pledgeId) {
    var pledge = pledges.find(pledgeId, caller.donorScope());
    return RestResponse.ResponseBuilder.ok(pledge).tag(etag(pledge)).build();
  }

  @GET
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  public List<PledgeView> listPledges(
      @QueryParam("appealCode") @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}") String appealCode) {
    return pledges.list(appealCode, caller.donorScope());
  }

  @POST
  @Path("/{pledgeId}/commitment")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @APIResponse(responseCode = "200", description = "The pledge is committed")
  @APIResponse(responseCode = "409", description = "If-Match names an older version")
  @APIResponse(
      responseCode = "422",
      description = "Not announced, or signed before the announcement")
  public RestResponse<PledgeView> commitPledge(
      @PathParam("pledgeId") UUID pledgeId,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid CommitPledgeRequest request) {
    var pledge =
        pledges.commit(pledgeId, request, IfMatch.expectedVersion(ifMatch), caller.subject());
    return RestResponse.ResponseBuilder.ok(pledge).tag(etag(pledge)).build();
  }

  @POST
  @Path("/{pledgeId}/cancellation")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER})
  @APIResponse(responseCode = "200", description = "The pledge is cancelled")
  @APIResponse(responseCode = "404", description = "No such pledge, or another donor's")
  @APIResponse(responseCode = "409", description = "If-Match names an older version")
  @APIResponse(
      responseCode = "422",
      description = "Money was received already, or the pledge is no longer open")
  public RestResponse<PledgeView> cancelPledge(
      @PathParam("pledgeId") UUID pledgeId,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid CancelPledgeRequest request) {
    var pledge =
        pledges.cancel(
            pledgeId,
            request,
            IfMatch.expectedVersion(ifMatch),
            caller.donorScope(),
            caller.subject());
    return RestResponse.ResponseBuilder.ok(pledge).tag(etag(pledge)).build();
  }

  @POST
  @Path("/{pledgeId}/revaluation")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @APIResponse(
      responseCode = "200",
      description =
          "The pledge is valued at the rate now on file for its announcement date (unchanged if"
              + " it already was)")
  @APIResponse(responseCode = "404", description = "No such pledge")
  @APIResponse(responseCode = "409", description = "If-Match names an older version")
  @APIResponse(
      responseCode = "422",
      description =
          "Money was received already, the pledge is no longer open, or no rate is on file")
  public RestResponse<PledgeView> revaluePledge(
      @PathParam("pledgeId") UUID pledgeId,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid RevaluePledgeRequest request) {
    var pledge =
        pledges.revalue(pledgeId, request, IfMatch.expectedVersion(ifMatch), caller.subject());
    return RestResponse.ResponseBuilder.ok(pledge).tag(etag(pledge)).build();
  }

  @POST
  @Path("/{pledgeId}/write-offs")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @APIResponse(
      responseCode = "201",
      description = "The outstanding remainder is written off (a retry replays this)")
  @APIResponse(responseCode = "400", description = "Invalid body, or no Idempotency-Key")
  @APIResponse(responseCode = "404", description = "No such pledge")
  @APIResponse(
      responseCode = "409",
      description = "If-Match names an older version, or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description = "Nothing outstanding (already written off, cancelled, not committed)")
  public RestResponse<WriteOffView> writeOffPledge(
      @PathParam("pledgeId") UUID pledgeId,
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid WriteOffRequest request,
      UriInfo uri) {
    var answer =
        pledges.writeOff(
            pledgeId,
            request,
            IfMatch.expectedVersion(ifMatch),
            caller.subject(),
            IdempotencyKeys.required(idempotencyKey));
    return RestResponse.ResponseBuilder.<WriteOffView>create(answer.status())
        .location(uri.getBaseUriBuilder().path(answer.location()).build())
        .entity(answer.body())
        .build();
  }

  @GET
  @Path("/{pledgeId}/write-offs/{writeOffId}")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(responseCode = "200", description = "The write-off")
  @APIResponse(responseCode = "404", description = "No such write-off, or another donor's")
  public WriteOffView getWriteOff(
      @PathParam("pledgeId") UUID pledgeId, @PathParam("writeOffId") UUID writeOffId) {
    return pledges.findWriteOff(pledgeId, writeOffId, caller.donorScope());
  }

  @GET
  @Path("/{pledgeId}/history")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(responseCode = "200", description = "Every change: who, when, what, oldest first")
  @APIResponse(responseCode = "404", description = "No such pledge, or another donor's")
  public List<HistoryEntryView> getPledgeHistory(@PathParam("pledgeId") UUID pledgeId) {
    return pledges.history(pledgeId, caller.donorScope());
  }

  private static EntityTag etag(PledgeView pledge) {
    return new EntityTag(Long.toString(pledge.version()));
  }
}
