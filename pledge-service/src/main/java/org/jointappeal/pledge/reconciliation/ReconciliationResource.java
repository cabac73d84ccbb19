package org.jointappeal.pledge.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.web.CsvOrJson;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.DateParameters;
import org.jointappeal.pledge.web.PageLinks;
import org.jointappeal.pledge.web.Problem;
import org.jointappeal.pledge.web.Roles;

/**
 * Reconciliation: pledged, committed, received, outstanding, overdue by age, written off and the
 * realised exchange gains and losses. Donors see their own pledges only; staff (finance officers,
 * auditors, appeal managers) see every donor's.
 */
@Path("/reconciliation")
public class ReconciliationResource {

  static final String CSV = CsvOrJson.CSV;

  private final ReconciliationService reconciliation;
  private final CurrentCaller caller;

  ReconciliationResource(ReconciliationService reconciliation, CurrentCaller caller) {
    this.reconciliation = reconciliation;
    this.caller = caller;
  }

  @Operation(
      summary =
          "Reconcile an appeal: pledged, committed, received, outstanding and overdue per donor")
  @GET
  @Path("/appeals/{appealCode}")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "200",
      description =
          "A row per donor (a donor sees only its own row) and the totals; as CSV with Accept:"
              + " text/csv",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Reconciliation.class),
            examples = @ExampleObject(name = "cis-1997", value = ReconciliationExamples.APPEAL)),
        @Content(
            mediaType = CSV,
            examples = @ExampleObject(name = "cis-1997-csv", value = ReconciliationExamples.CSV))
      })
  @APIResponse(
      responseCode = "400",
      description = "asOf is not a date",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad-as-of",
                      value = ReconciliationExamples.BAD_AS_OF_PROBLEM)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  public RestResponse<Object> getAppealReconciliation(
      @PathParam("appealCode") String appealCode,
      @Parameter(
              description =
                  "Figures exact as of this business date (default: today): only what was dated"
                      + " on or before it counts, overdue money is aged at it")
          @QueryParam("asOf")
          String asOf,
      @Parameter(
              description =
                  "Only what was recorded at or before this instant (ISO 8601, e.g."
                      + " 1997-12-01T00:00:00Z): what the platform would have said then")
          @QueryParam("knownAt")
          String knownAt,
      HttpHeaders headers) {
    return represent(
        reconciliation.ofAppeal(appealCode, asOf(asOf), knownAt(knownAt), caller.donorScope()),
        headers);
  }

  @Operation(summary = "Reconcile a donor's pledges over all appeals, a page at a time")
  @GET
  @Path("/donors/{donorCode}")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "200",
      description =
          "A page of rows, one per pledge of the donor over all appeals, by appeal, announcement"
              + " date, recording time and id; the totals are the whole donor's on every page. As"
              + " CSV (Accept: text/csv) the whole statement: every row, limit and cursor do not"
              + " apply",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Reconciliation.class),
            examples = @ExampleObject(name = "nor", value = ReconciliationExamples.DONOR)),
        @Content(
            mediaType = CSV,
            examples = @ExampleObject(name = "nor-csv", value = ReconciliationExamples.DONOR_CSV))
      })
  @APIResponse(
      responseCode = "400",
      description = "asOf is not a date",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad-as-of",
                      value = ReconciliationExamples.BAD_AS_OF_PROBLEM)))
  @APIResponse(
      responseCode = "404",
      description = "No such donor, or another donor's view (same answer: nothing leaks)")
  @APIResponse(
      responseCode = "422",
      description = "limit out of range, or a cursor not ours",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "invalid-page-request",
                      value = ReconciliationExamples.INVALID_PAGE_PROBLEM)))
  public RestResponse<Object> getDonorReconciliation(
      @PathParam("donorCode") String donorCode,
      @Parameter(
              description =
                  "Figures exact as of this business date (default: today): only what was dated"
                      + " on or before it counts, overdue money is aged at it")
          @QueryParam("asOf")
          String asOf,
      @Parameter(
              description =
                  "Only what was recorded at or before this instant (ISO 8601, e.g."
                      + " 1997-12-01T00:00:00Z): what the platform would have said then")
          @QueryParam("knownAt")
          String knownAt,
      @Parameter(description = PageLinks.LIMIT + "; JSON only") @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR + "; JSON only") @QueryParam("cursor")
          String cursor,
      HttpHeaders headers,
      UriInfo uri) {
    var page = PageRequest.of(limit, cursor);
    if (CsvOrJson.prefersCsv(headers)) {
      return CsvOrJson.csv(
          ReconciliationCsv.render(
              reconciliation.ofDonorWhole(
                  donorCode, asOf(asOf), knownAt(knownAt), caller.donorScope())));
    }
    var rows =
        reconciliation.ofDonor(donorCode, asOf(asOf), knownAt(knownAt), caller.donorScope(), page);
    return PageLinks.respond((Object) rows.view(), rows.next(), uri);
  }

  private static LocalDate asOf(String value) {
    return DateParameters.date(value, "asOf", "1997-12-01");
  }

  private static Instant knownAt(String value) {
    return DateParameters.instant(value, "knownAt");
  }

  /** JSON unless the caller prefers CSV (Accept: text/csv). */
  private static RestResponse<Object> represent(Reconciliation view, HttpHeaders headers) {
    return CsvOrJson.represent(view, headers, ReconciliationCsv::render);
  }
}
