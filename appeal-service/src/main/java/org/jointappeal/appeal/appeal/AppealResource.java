package org.jointappeal.appeal.appeal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
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
import org.jointappeal.appeal.idempotency.Answer;
import org.jointappeal.appeal.idempotency.IdempotentRequests;
import org.jointappeal.appeal.paging.PageRequest;
import org.jointappeal.appeal.web.CurrentCaller;
import org.jointappeal.appeal.web.IdempotencyKeys;
import org.jointappeal.appeal.web.IfMatch;
import org.jointappeal.appeal.web.PageLinks;
import org.jointappeal.appeal.web.Problem;
import org.jointappeal.appeal.web.Roles;

@Path("/appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

  private final AppealService appeals;
  private final IdempotentRequests idempotency;
  private final CurrentCaller caller;

  AppealResource(AppealService appeals, CurrentCaller caller, IdempotentRequests idempotency) {
    this.idempotency = idempotency;
    this.appeals = appeals;
    this.caller = caller;
  }

  @Operation(summary = "Define a draft appeal with its requirement lines")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPEAL_MANAGER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CreateAppealRequest.class),
              examples = @ExampleObject(name = "cis-1997", value = AppealExamples.CREATE_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "Draft appeal created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppealView.class),
              examples = @ExampleObject(name = "cis-1997", value = AppealExamples.DRAFT)))
  @APIResponse(
      responseCode = "409",
      description = "An appeal with this code exists, or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description = "An appeal rule was violated, or the key was used for another request")
  public RestResponse<AppealView> createAppeal(
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid CreateAppealRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "create-appeal",
            request,
            AppealView.class,
            () -> {
              var appeal = appeals.create(request, caller.subject());
              return Answer.created("/appeals/" + appeal.code(), appeal);
            });
    return IdempotencyKeys.respond(answer, uri, AppealView::version);
  }

  @Operation(summary = "Restate a draft appeal (title, period, agencies, lines)")
  @PUT
  @Path("/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPEAL_MANAGER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UpdateAppealRequest.class),
              examples = @ExampleObject(name = "cis-1997", value = AppealExamples.UPDATE_REQUEST)))
  @APIResponse(
      responseCode = "200",
      description = "The draft, restated as a whole",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppealView.class),
              examples = @ExampleObject(name = "cis-1997", value = AppealExamples.RESTATED_DRAFT)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(
      responseCode = "409",
      description =
          "If-Match names an older version (as a retry of a restatement that took effect does:"
              + " send an Idempotency-Key to get its answer again), or the key is in flight",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "version-conflict",
                      value = AppealExamples.VERSION_CONFLICT_PROBLEM)))
  @APIResponse(responseCode = "428", description = "If-Match is required")
  @APIResponse(
      responseCode = "422",
      description =
          "Not a draft (a launched appeal changes only through revisions), a rule, or the key"
              + " was used for another request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "not-draft", value = AppealExamples.NOT_DRAFT_PROBLEM)))
  public RestResponse<AppealView> updateDraft(
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid UpdateAppealRequest request,
      UriInfo uri) {
    var expected =
        IfMatch.expectedVersion(ifMatch)
            .orElseThrow(() -> new WebApplicationException("If-Match is required", 428));
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "update-appeal",
            List.of(code, request),
            AppealView.class,
            () -> Answer.ok(appeals.update(code, request, expected, caller.subject())));
    return IdempotencyKeys.respond(answer, uri, AppealView::version);
  }

  @Operation(summary = "Launch a draft appeal: its requirements become the original ones")
  @POST
  @Path("/{code}/launch")
  @RolesAllowed(Roles.APPEAL_MANAGER)
  @APIResponse(
      responseCode = "200",
      description =
          "The appeal is launched and published; or it was launched already, on the same date or"
              + " none was named (a retry): its current state, nothing changes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppealView.class),
              examples = @ExampleObject(name = "geo-1997", value = AppealExamples.LAUNCHED)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(
      responseCode = "409",
      description =
          "If-Match names an older version (version-conflict), the appeal was launched on"
              + " another date or is closed (state-conflict, naming its state), or the key is in"
              + " flight")
  @APIResponse(
      responseCode = "422",
      description =
          "No requirement lines, a launch date in the future, or the key was used for another"
              + " request")
  public RestResponse<AppealView> launchAppeal(
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(
              description =
                  "The business date of the launch, if not today (e.g. an appeal issued before it"
                      + " was recorded here); never in the future")
          @QueryParam("launchedOn")
          String launchedOn,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    var date = businessDate(launchedOn);
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "launch-appeal",
            Arrays.asList(code, date),
            AppealView.class,
            () ->
                Answer.ok(
                    appeals.launch(
                        code, IfMatch.expectedVersion(ifMatch), date, caller.subject())));
    return IdempotencyKeys.respond(answer, uri, AppealView::version);
  }

  @Operation(summary = "Revise a launched appeal's requirement lines from an effective date")
  @POST
  @Path("/{code}/revisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPEAL_MANAGER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReviseAppealRequest.class),
              examples =
                  @ExampleObject(name = "mid-year", value = AppealExamples.REVISION_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "The revision is recorded and published; the appeal with its new lines",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppealView.class),
              examples = @ExampleObject(name = "cis-1997", value = AppealExamples.REVISED)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(
      responseCode = "409",
      description = "If-Match names an older version, or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description =
          "Not launched, effective before the previous revision, an unknown line id, or the key"
              + " was used for another request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "not-open", value = AppealExamples.NOT_OPEN_PROBLEM)))
  public RestResponse<AppealView> reviseAppeal(
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid ReviseAppealRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "revise-appeal",
            List.of(code, request),
            AppealView.class,
            () -> {
              var appeal =
                  appeals.revise(code, request, IfMatch.expectedVersion(ifMatch), caller.subject());
              return Answer.created(
                  "/appeals/" + appeal.code() + "/revisions/" + appeal.revision(), appeal);
            });
    return IdempotencyKeys.respond(answer, uri, AppealView::version);
  }

  @Operation(summary = "List an appeal's revisions, the original first")
  @GET
  @Path("/{code}/revisions")
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description =
          "A page of the revisions since the launch, oldest (the original, number 0) first",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionView.class),
              examples = @ExampleObject(name = "geo-1997", value = AppealExamples.REVISIONS)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<RevisionView>> listRevisions(
      @PathParam("code") String code,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(appeals.revisions(code, PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read one revision of an appeal with the lines it stated")
  @GET
  @Path("/{code}/revisions/{number}")
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description = "One revision with its lines",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RevisionView.class),
              examples = @ExampleObject(name = "mid-year", value = AppealExamples.REVISION)))
  @APIResponse(responseCode = "404", description = "No such appeal or revision")
  public RevisionView getRevision(@PathParam("code") String code, @PathParam("number") int number) {
    return appeals.revision(code, number);
  }

  @Operation(summary = "Close a launched appeal")
  @POST
  @Path("/{code}/close")
  @RolesAllowed(Roles.APPEAL_MANAGER)
  @APIResponse(
      responseCode = "200",
      description =
          "The appeal is closed and published; or it was closed already (a retry): its current"
              + " state, nothing changes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppealView.class),
              examples = @ExampleObject(name = "geo-1997", value = AppealExamples.CLOSED)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(
      responseCode = "409",
      description = "If-Match names an older version, or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description = "Not launched, or the key was used for another request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "not-open", value = AppealExamples.NOT_OPEN_PROBLEM)))
  public RestResponse<AppealView> closeAppeal(
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "close-appeal",
            code,
            AppealView.class,
            () ->
                Answer.ok(appeals.close(code, IfMatch.expectedVersion(ifMatch), caller.subject())));
    return IdempotencyKeys.respond(answer, uri, AppealView::version);
  }

  @Operation(summary = "Read an appeal's audit trail")
  @GET
  @Path("/{code}/history")
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of the changes: who (token subject), when, what; oldest first",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AppealHistoryEntry.class),
              examples = @ExampleObject(name = "revised", value = AppealExamples.HISTORY)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<AppealHistoryEntry>> getHistory(
      @PathParam("code") String code,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(appeals.history(code, PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read an appeal with its current requirement lines")
  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description = "The appeal with its requirement lines",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AppealView.class),
              examples = @ExampleObject(name = "geo-1997", value = AppealExamples.APPEAL)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  public RestResponse<AppealView> getAppeal(@PathParam("code") String code) {
    var appeal = appeals.find(code);
    return RestResponse.ResponseBuilder.ok(appeal).tag(etag(appeal)).build();
  }

  @Operation(summary = "List appeals, a page at a time")
  @GET
  @RolesAllowed({Roles.APPEAL_MANAGER, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of appeals, newest period first (then by code)",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AppealView.class),
              examples = @ExampleObject(name = "appeals", value = AppealExamples.APPEALS)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<AppealView>> listAppeals(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(appeals.list(PageRequest.of(limit, cursor)), uri);
  }

  private static LocalDate businessDate(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("launchedOn must be a date, e.g. 1996-11-20");
    }
  }

  private static EntityTag etag(AppealView appeal) {
    return new EntityTag(Long.toString(appeal.version()));
  }
}
