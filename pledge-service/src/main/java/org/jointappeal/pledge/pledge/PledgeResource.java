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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.IdempotencyKeys;
import org.jointappeal.pledge.web.IfMatch;
import org.jointappeal.pledge.web.PageLinks;
import org.jointappeal.pledge.web.Problem;
import org.jointappeal.pledge.web.Roles;

@Path("/pledges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PledgeResource {

  private final PledgeService pledges;
  private final IdempotentRequests idempotency;
  private final CurrentCaller caller;

  PledgeResource(PledgeService pledges, IdempotentRequests idempotency, CurrentCaller caller) {
    this.pledges = pledges;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @Operation(summary = "Announce a pledge, with its instalments and earmarking")
  @POST
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER})
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "norway-1997", value = PledgeExamples.ANNOUNCE_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "Pledge announced",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PledgeView.class),
              examples = @ExampleObject(name = "announced", value = PledgeExamples.ANNOUNCED)))
  @APIResponse(
      responseCode = "422",
      description = "A pledge rule was violated, or the key was used for another request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
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

  @Operation(summary = "Read a pledge with its instalments, payments and balance")
  @GET
  @Path("/{pledgeId}")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "The pledge",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PledgeView.class),
              examples =
                  @ExampleObject(name = "partially-paid", value = PledgeExamples.PARTIALLY_PAID)))
  @APIResponse(responseCode = "404", description = "No such pledge, or another donor's")
  public RestResponse<PledgeView> getPledge(@PathParam("pledgeId") UUID pledgeId) {
    var pledge = pledges.find(pledgeId, caller.donorScope());
    return RestResponse.ResponseBuilder.ok(pledge).tag(etag(pledge)).build();
  }

  @Operation(summary = "List pledges, a page at a time (a donor sees its own)")
  @GET
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of pledges in scope, by announcement date (then recording, id)",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = PledgeView.class),
              examples = @ExampleObject(name = "pledges", value = PledgeExamples.PLEDGES)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<PledgeView>> listPledges(
      @QueryParam("appealCode") @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}") String appealCode,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(
        pledges.list(appealCode, caller.donorScope(), PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Commit a pledge: the signed agreement turns it into funding")
  @POST
  @Path("/{pledgeId}/commitment")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "agreement", value = PledgeExamples.COMMIT_REQUEST)))
  @APIResponse(
      responseCode = "200",
      description =
          "The pledge is committed; the same commitment again (same agreementReference and"
              + " signedOn) answers the current state without a key and changes nothing",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PledgeView.class),
              examples = @ExampleObject(name = "committed", value = PledgeExamples.COMMITTED)))
  @APIResponse(
      responseCode = "409",
      description =
          "state-conflict: committed otherwise, or no longer announced (the detail says its"
              + " state); If-Match names an older version; or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description = "Signed before the announcement, or the key was used for another request")
  public RestResponse<PledgeView> commitPledge(
      @PathParam("pledgeId") UUID pledgeId,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid CommitPledgeRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "commit-pledge",
            List.of(pledgeId, request),
            PledgeView.class,
            () ->
                Answer.ok(
                    pledges.commit(
                        pledgeId, request, IfMatch.expectedVersion(ifMatch), caller.subject())));
    return IdempotencyKeys.respond(answer, uri, PledgeView::version);
  }

  @Operation(summary = "Cancel a pledge before any payment")
  @POST
  @Path("/{pledgeId}/cancellation")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER})
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "redirected", value = PledgeExamples.CANCEL_REQUEST)))
  @APIResponse(
      responseCode = "200",
      description =
          "The pledge is cancelled; the same cancellation again (same cancelledOn and reason)"
              + " answers the current state without a key and changes nothing",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PledgeView.class),
              examples = @ExampleObject(name = "cancelled", value = PledgeExamples.CANCELLED)))
  @APIResponse(responseCode = "404", description = "No such pledge, or another donor's")
  @APIResponse(
      responseCode = "409",
      description =
          "state-conflict: cancelled otherwise, or written off (the detail says its state);"
              + " If-Match names an older version; or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description =
          "Money was received already, the pledge is no longer open, or the key was used for"
              + " another request")
  public RestResponse<PledgeView> cancelPledge(
      @PathParam("pledgeId") UUID pledgeId,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid CancelPledgeRequest request,
      UriInfo uri) {
    var scope = caller.donorScope();
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "cancel-pledge",
            List.of(pledgeId, request),
            PledgeView.class,
            () ->
                Answer.ok(
                    pledges.cancel(
                        pledgeId,
                        request,
                        IfMatch.expectedVersion(ifMatch),
                        scope,
                        caller.subject())));
    return IdempotencyKeys.respond(answer, uri, PledgeView::version);
  }

  @Operation(summary = "Revalue a pledge at the UN operational rate of another date")
  @POST
  @Path("/{pledgeId}/revaluation")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "corrected-rate", value = PledgeExamples.REVALUE_REQUEST)))
  @APIResponse(
      responseCode = "200",
      description =
          "The pledge is valued at the rate now on file for its announcement date (unchanged if"
              + " it already was)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PledgeView.class),
              examples = @ExampleObject(name = "revalued", value = PledgeExamples.REVALUED)))
  @APIResponse(responseCode = "404", description = "No such pledge")
  @APIResponse(
      responseCode = "409",
      description = "If-Match names an older version, or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description =
          "Money was received already, the pledge is no longer open, no rate is on file, or the"
              + " key was used for another request")
  public RestResponse<PledgeView> revaluePledge(
      @PathParam("pledgeId") UUID pledgeId,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid RevaluePledgeRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "revalue-pledge",
            List.of(pledgeId, request),
            PledgeView.class,
            () ->
                Answer.ok(
                    pledges.revalue(
                        pledgeId, request, IfMatch.expectedVersion(ifMatch), caller.subject())));
    return IdempotencyKeys.respond(answer, uri, PledgeView::version);
  }

  @Operation(summary = "Write off what is still outstanding of a pledge")
  @POST
  @Path("/{pledgeId}/write-offs")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "balance-not-paid",
                      value = PledgeExamples.WRITE_OFF_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "The outstanding remainder is written off (a retry replays this)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WriteOffView.class),
              examples = @ExampleObject(name = "written-off", value = PledgeExamples.WRITE_OFF)))
  @APIResponse(
      responseCode = "200",
      description =
          "The same write-off was made already (same writtenOffOn and reason, another key): the"
              + " write-off made",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WriteOffView.class),
              examples =
                  @ExampleObject(name = "written-off-before", value = PledgeExamples.WRITE_OFF)))
  @APIResponse(responseCode = "400", description = "Invalid body, or no Idempotency-Key")
  @APIResponse(responseCode = "404", description = "No such pledge")
  @APIResponse(
      responseCode = "409",
      description =
          "state-conflict: written off otherwise, or cancelled (the detail says its state);"
              + " If-Match names an older version; or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description =
          "Nothing outstanding (not committed, paid), or the key was used for another request")
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
    return IdempotencyKeys.respond(answer, uri);
  }

  @Operation(summary = "Read one write-off of a pledge")
  @GET
  @Path("/{pledgeId}/write-offs/{writeOffId}")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "The write-off",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WriteOffView.class),
              examples = @ExampleObject(name = "write-off", value = PledgeExamples.WRITE_OFF)))
  @APIResponse(responseCode = "404", description = "No such write-off, or another donor's")
  public WriteOffView getWriteOff(
      @PathParam("pledgeId") UUID pledgeId, @PathParam("writeOffId") UUID writeOffId) {
    return pledges.findWriteOff(pledgeId, writeOffId, caller.donorScope());
  }

  @Operation(summary = "Read a pledge's history of states")
  @GET
  @Path("/{pledgeId}/history")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of the changes: who, when, what, oldest first",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntryView.class),
              examples = @ExampleObject(name = "history", value = PledgeExamples.HISTORY)))
  @APIResponse(responseCode = "404", description = "No such pledge, or another donor's")
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<HistoryEntryView>> getPledgeHistory(
      @PathParam("pledgeId") UUID pledgeId,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(
        pledges.history(pledgeId, caller.donorScope(), PageRequest.of(limit, cursor)), uri);
  }

  private static EntityTag etag(PledgeView pledge) {
    return new EntityTag(Long.toString(pledge.version()));
  }
}
