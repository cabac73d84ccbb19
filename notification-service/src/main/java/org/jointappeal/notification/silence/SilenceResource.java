package org.jointappeal.notification.silence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.jointappeal.notification.idempotency.Answer;
import org.jointappeal.notification.idempotency.IdempotentRequests;
import org.jointappeal.notification.paging.PageRequest;
import org.jointappeal.notification.web.CurrentCaller;
import org.jointappeal.notification.web.IdempotencyKeys;
import org.jointappeal.notification.web.PageLinks;
import org.jointappeal.notification.web.Roles;

@Path("/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {

  private final SilenceService silences;
  private final IdempotentRequests idempotency;
  private final CurrentCaller caller;

  SilenceResource(SilenceService silences, CurrentCaller caller, IdempotentRequests idempotency) {
    this.idempotency = idempotency;
    this.silences = silences;
    this.caller = caller;
  }

  @Operation(summary = "List silences by end, active and past")
  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of the silences, newest first (then by id), expired ones included",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SilenceView.class),
              examples = @ExampleObject(name = "silences", value = SilenceExamples.SILENCES)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<SilenceView>> listSilences(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(silences.list(PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read a silence")
  @GET
  @Path("/{silenceId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "One silence",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SilenceView.class),
              examples = @ExampleObject(name = "revision", value = SilenceExamples.CREATED)))
  @APIResponse(responseCode = "404", description = "No such silence")
  public SilenceView getSilence(@PathParam("silenceId") UUID silenceId) {
    return silences.find(silenceId);
  }

  @Operation(summary = "Silence alerts whose labels match, for a period")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "201",
      description = "Created; its author is the caller",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SilenceView.class),
              examples = @ExampleObject(name = "revision", value = SilenceExamples.CREATED)))
  @APIResponse(responseCode = "400", description = "The body is not a valid silence")
  @APIResponse(
      responseCode = "422",
      description =
          "It ends before it starts, or is already over; or the key was used for another request")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  public RestResponse<SilenceView> createSilence(
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      examples = @ExampleObject(name = "revision", value = SilenceExamples.CREATE)))
          @Valid
          @NotNull
          CreateSilenceRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "create-silence",
            request,
            SilenceView.class,
            () -> {
              var created = silences.create(request, caller.subject());
              return Answer.created("/silences/" + created.id(), created);
            });
    return IdempotencyKeys.respond(answer, uri);
  }

  @Operation(summary = "End a silence now")
  @DELETE
  @Path("/{silenceId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "204",
      description = "Expired now; kept in the history (an expired silence again: 204, unchanged)")
  @APIResponse(responseCode = "404", description = "No such silence")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  @APIResponse(responseCode = "422", description = "The key was used for another request")
  public RestResponse<Void> expireSilence(
      @PathParam("silenceId") UUID silenceId,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "expire-silence",
            silenceId,
            Void.class,
            () -> {
              silences.expire(silenceId);
              return Answer.<Void>noContent();
            });
    return IdempotencyKeys.respond(answer, uri);
  }
}
