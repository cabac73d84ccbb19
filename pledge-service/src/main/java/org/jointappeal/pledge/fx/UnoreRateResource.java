package org.jointappeal.pledge.fx;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
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
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.IdempotencyKeys;
import org.jointappeal.pledge.web.PageLinks;
import org.jointappeal.pledge.web.Roles;

/**
 * UN operational rates of exchange, as finance officers load them from the UN Treasury's tables.
 */
@Path("/exchange-rates")
public class UnoreRateResource {

  private final UnoreRateService rates;
  private final IdempotentRequests idempotency;
  private final CurrentCaller caller;

  UnoreRateResource(UnoreRateService rates, CurrentCaller caller, IdempotentRequests idempotency) {
    this.idempotency = idempotency;
    this.rates = rates;
    this.caller = caller;
  }

  @Operation(summary = "Record the UN operational rate of a currency from a date")
  @PUT
  @Path("/{currency}/{effectiveFrom}")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(name = "first", value = UnoreRateExamples.FIRST_REQUEST),
                @ExampleObject(name = "correction", value = UnoreRateExamples.CORRECTION_REQUEST)
              }))
  @APIResponse(
      responseCode = "201",
      description = "The rate was recorded (version 1)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RateView.class),
              examples = @ExampleObject(name = "first", value = UnoreRateExamples.RECORDED)))
  @APIResponse(
      responseCode = "200",
      description =
          "A rate was on file for this currency and date: corrected as a new version (another"
              + " value), or unchanged (the same value)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RateView.class),
              examples = @ExampleObject(name = "corrected", value = UnoreRateExamples.CORRECTED)))
  @APIResponse(
      responseCode = "422",
      description =
          "unitsPerUsd is not a decimal string, or not a usable rate; or the key was used for"
              + " another request")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  public RestResponse<RateView> recordRate(
      @PathParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency,
      @PathParam("effectiveFrom") LocalDate effectiveFrom,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid RecordRateRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "record-rate",
            List.of(currency, effectiveFrom, request),
            RateView.class,
            () -> {
              var recorded =
                  rates.record(
                      currency, effectiveFrom, request.rate(), request.reason(), caller.subject());
              return recorded.outcome() == UnoreRateService.Outcome.CREATED
                  ? Answer.created(
                      "/exchange-rates/" + currency + "/" + effectiveFrom, recorded.rate())
                  : Answer.ok(recorded.rate());
            });
    return IdempotencyKeys.respond(answer, uri);
  }

  @Operation(summary = "List the recorded versions of one UN operational rate")
  @GET
  @Path("/{currency}/{effectiveFrom}/versions")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "200",
      description = "A page of the rate's versions, the first recording first (empty if none)",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RateVersionView.class),
              examples =
                  @ExampleObject(name = "corrected-once", value = UnoreRateExamples.VERSIONS)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<RateVersionView>> listRateVersions(
      @PathParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency,
      @PathParam("effectiveFrom") LocalDate effectiveFrom,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(
        rates.versions(currency, effectiveFrom, PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Upload a table of UN operational rates (CSV or JSON)")
  @POST
  @Consumes("text/csv")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @APIResponse(
      responseCode = "200",
      description =
          "Every rate of the table recorded (new, or revising the same currency and date)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RateTableView.class),
              examples =
                  @ExampleObject(name = "october-1997", value = UnoreRateExamples.TABLE_RECORDED)))
  @APIResponse(
      responseCode = "422",
      description =
          "The table has errors: each line at fault is listed, nothing was recorded; or the key"
              + " was used for another request")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  public RestResponse<RateTableView> uploadRateTable(
      @Parameter(description = "Optional: a retry of the same table replays the first answer")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @RequestBody(
              description =
                  "UNORE table: currency,unitsPerUsd,effectiveFrom per line (a header line of"
                      + " those names is optional; effectiveFrom a day or a month)",
              content =
                  @Content(
                      mediaType = "text/csv",
                      examples =
                          @ExampleObject(
                              name = "october-1997",
                              value = UnoreRateExamples.TABLE_CSV)))
          String csv) {
    var answer = rates.recordTable(csv, caller.subject(), IdempotencyKeys.optional(idempotencyKey));
    return RestResponse.ResponseBuilder.<RateTableView>create(answer.status())
        .entity(answer.body())
        .build();
  }

  @Operation(summary = "List UN operational rates in force, by currency and date")
  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "200",
      description = "A page of the rate table, by currency and effective date",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RateView.class),
              examples = @ExampleObject(name = "rates", value = UnoreRateExamples.RATES)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<RateView>> listRates(
      @QueryParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency,
      @Parameter(
              description =
                  "Only the rate in force on this date, per currency (none where the date's"
                      + " month and the month before have no rate)")
          @QueryParam("asOf")
          LocalDate asOf,
      @Parameter(
              description =
                  "The table as it was known at this instant: corrections recorded later are"
                      + " left out")
          @QueryParam("knownAt")
          Instant knownAt,
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(
        rates.list(currency, asOf, knownAt, PageRequest.of(limit, cursor)), uri);
  }
}
