package org.jointappeal.pledge.forecast;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.web.CsvOrJson;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.DateParameters;
import org.jointappeal.pledge.web.IdempotencyKeys;
import org.jointappeal.pledge.web.Problem;
import org.jointappeal.pledge.web.Roles;

/**
 * The cash-in forecast (docs/forecast.md): when pledged money will arrive, month by month, with p10
 * / p50 / p90, and the projection of funding to the appeal's period end. A donor gets its own
 * pledges only; staff every donor's.
 */
@Path("/forecasts/cash")
public class CashForecastResource {

  static final String CSV = CsvOrJson.CSV;

  private final CashForecastService forecasts;
  private final CurrentCaller caller;
  private final IdempotentRequests idempotency;

  CashForecastResource(
      CashForecastService forecasts, CurrentCaller caller, IdempotentRequests idempotency) {
    this.forecasts = forecasts;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @Operation(summary = "Forecast the cash to be received per month from open pledges")
  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "200",
      description =
          "Each month of the horizon with the exact expected cash in USD and its p10 / p50 / p90,"
              + " the same per original currency, the projection to the appeal's period end, the"
              + " model version, seed, rates and the history fitted on; CSV with Accept: text/csv",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CashForecastView.class),
            examples = @ExampleObject(name = "cis-1997", value = ForecastExamples.FORECAST)),
        @Content(
            mediaType = CSV,
            examples = @ExampleObject(name = "cis-1997-csv", value = ForecastExamples.CSV))
      })
  @APIResponse(
      responseCode = "400",
      description = "asOf not a date, knownAt not an instant, months not a whole number 1 to 36",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad-parameter",
                      value = ForecastExamples.BAD_PARAMETER_PROBLEM)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(
      responseCode = "422",
      description = "An open instalment's currency has no UN rate in force on asOf",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "missing-unore-rate",
                      value = ForecastExamples.MISSING_RATE_PROBLEM)))
  public RestResponse<Object> getCashForecast(
      @Parameter(description = "The appeal forecast; none: every appeal (no period-end projection)")
          @QueryParam("appealCode")
          String appealCode,
      @Parameter(description = "The business date forecast from (default: today)")
          @QueryParam("asOf")
          String asOf,
      @Parameter(
              description =
                  "Only what was recorded at or before this instant (ISO 8601; default: everything"
                      + " recorded so far)")
          @QueryParam("knownAt")
          String knownAt,
      @Parameter(description = "Calendar months forecast, 1 to 36 (default 12)")
          @QueryParam("months")
          String months,
      HttpHeaders headers) {
    var view =
        forecasts.forecast(
            blankToNull(appealCode),
            DateParameters.date(asOf, "asOf", "1997-07-31"),
            DateParameters.instant(knownAt, "knownAt"),
            months(months),
            caller.donorScope());
    return represent(view, headers);
  }

  @Operation(summary = "Project appeals' coverage at period end and publish it for alerts")
  @POST
  @Path("/projections")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "200",
      description =
          "The appeal's projection to its period end as of asOf; published"
              + " (org.jointappeal.forecast.projected.v1) when it changed materially since the"
              + " last one (published: false otherwise, so a retry without a key publishes"
              + " nothing twice)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CashForecastService.Projection.class),
              examples = @ExampleObject(name = "cis-1997", value = ForecastExamples.PROJECTION)))
  @APIResponse(
      responseCode = "400",
      description = "appealCode missing or asOf not a date",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad-parameter",
                      value = ForecastExamples.BAD_PARAMETER_PROBLEM)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  @APIResponse(
      responseCode = "422",
      description =
          "No period end or requirements known, a UN rate missing on asOf, or the key was used"
              + " for another request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "missing-unore-rate",
                      value = ForecastExamples.MISSING_RATE_PROBLEM)))
  public RestResponse<CashForecastService.Projection> projectCashForecast(
      @Parameter(description = "The appeal projected", required = true) @QueryParam("appealCode")
          String appealCode,
      @Parameter(description = "The business date projected from (default: today)")
          @QueryParam("asOf")
          String asOf,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    String appeal = blankToNull(appealCode);
    if (appeal == null) {
      throw new BadRequestException("appealCode is required");
    }
    LocalDate from = DateParameters.date(asOf, "asOf", "1997-07-31");
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "project-cash-forecast",
            Arrays.asList(appeal, from),
            CashForecastService.Projection.class,
            () -> Answer.ok(forecasts.project(appeal, from)));
    return IdempotencyKeys.respond(answer, uri);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static int months(String value) {
    if (value == null || value.isBlank()) {
      return 12;
    }
    try {
      int months = Integer.parseInt(value);
      if (months >= 1 && months <= CashForecastService.MAX_MONTHS) {
        return months;
      }
    } catch (NumberFormatException e) {
      // falls through to the same answer as an out-of-range number
    }
    throw new BadRequestException("months must be a whole number from 1 to 36");
  }

  /** JSON unless the caller prefers CSV (Accept: text/csv). */
  private static RestResponse<Object> represent(CashForecastView view, HttpHeaders headers) {
    return CsvOrJson.represent(view, headers, CashForecastCsv::render);
  }
}
