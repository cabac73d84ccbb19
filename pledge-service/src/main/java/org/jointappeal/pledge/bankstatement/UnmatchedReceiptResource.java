package org.jointappeal.pledge.bankstatement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.IdempotencyKeys;
import org.jointappeal.pledge.web.PageLinks;
import org.jointappeal.pledge.web.Problem;
import org.jointappeal.pledge.web.Roles;

/**
 * The queue of statement credits a finance officer must resolve: allocate the receipt with {@code
 * POST /receipts/{receiptId}/allocations} (the entry leaves the queue), or first name the donor of
 * an unidentified payer.
 */
@Path("/unmatched-receipts")
@Produces(MediaType.APPLICATION_JSON)
public class UnmatchedReceiptResource {

  private final BankStatementService statements;
  private final IdempotentRequests idempotency;
  private final CurrentCaller caller;

  UnmatchedReceiptResource(
      BankStatementService statements, CurrentCaller caller, IdempotentRequests idempotency) {
    this.idempotency = idempotency;
    this.statements = statements;
    this.caller = caller;
  }

  @Operation(summary = "List statement credits no donor or pledge was found for")
  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description =
          "A page of waiting credits, by value date (then position in the statement, id), each"
              + " with candidate pledges",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = UnmatchedReceiptView.class),
              examples =
                  @ExampleObject(name = "queue", value = BankStatementExamples.UNMATCHED_LIST)))
  @APIResponse(
      responseCode = "422",
      description = "limit out of range, or a cursor not ours",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "invalid-page-request",
                      value = BankStatementExamples.INVALID_PAGE_PROBLEM)))
  public RestResponse<List<UnmatchedReceiptView>> listUnmatchedReceipts(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(statements.unmatched(PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read one unmatched statement credit")
  @GET
  @Path("/{entryId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A waiting credit with candidate pledges",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnmatchedReceiptView.class),
              examples =
                  @ExampleObject(name = "unmatched", value = BankStatementExamples.UNMATCHED)))
  @APIResponse(
      responseCode = "404",
      description = "No such entry, or no longer waiting (allocated, or matched automatically)")
  public UnmatchedReceiptView getUnmatchedReceipt(@PathParam("entryId") UUID entryId) {
    return statements.findUnmatched(entryId);
  }

  @Operation(summary = "Assign an unmatched credit to a donor, recording its receipt")
  @POST
  @Path("/{entryId}/donor-assignment")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      description = "The donor who made the credit",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssignDonorRequest.class),
              examples = @ExampleObject(name = "nor", value = BankStatementExamples.DONOR)))
  @APIResponse(
      responseCode = "200",
      description = "The donor named and the receipt recorded; allocate it next",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnmatchedReceiptView.class),
              examples =
                  @ExampleObject(name = "assigned", value = BankStatementExamples.UNMATCHED)))
  @APIResponse(
      responseCode = "400",
      description = "No donorCode, or not three capital letters",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "invalid-request",
                      value = BankStatementExamples.INVALID_REQUEST_PROBLEM)))
  @APIResponse(responseCode = "404", description = "No such entry, or no longer waiting")
  @APIResponse(
      responseCode = "409",
      description =
          "state-conflict: the entry already has another donor and a receipt (the detail names"
              + " them; the same donor again answers 200 and records nothing), or the key is in"
              + " flight",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "state-conflict",
                      value = BankStatementExamples.PAYER_ALREADY_IDENTIFIED_PROBLEM)))
  @APIResponse(
      responseCode = "422",
      description =
          "The donor is not in the registry, no UNORE rate, or the key was used for another"
              + " request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "idempotency-key-reused",
                      value = BankStatementExamples.KEY_REUSED_PROBLEM)))
  public RestResponse<UnmatchedReceiptView> assignUnmatchedReceiptDonor(
      @PathParam("entryId") UUID entryId,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid AssignDonorRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "assign-unmatched-receipt-donor",
            List.of(entryId, request),
            UnmatchedReceiptView.class,
            () -> Answer.ok(statements.assignDonor(entryId, request, caller.subject())));
    return IdempotencyKeys.respond(answer, uri);
  }

  @Operation(summary = "Register an unmatched credit's payer account for a donor")
  @POST
  @Path("/{entryId}/payer-account")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      description = "The donor the payer's account is registered for",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssignDonorRequest.class),
              examples = @ExampleObject(name = "nor", value = BankStatementExamples.DONOR)))
  @APIResponse(
      responseCode = "200",
      description =
          "The payer's account (IBAN or other, with its scheme) registered for the donor named;"
              + " an unidentified credit also got that donor and its receipt. The same donor again"
              + " answers the current state and records nothing",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnmatchedReceiptView.class),
              examples =
                  @ExampleObject(name = "registered", value = BankStatementExamples.UNMATCHED)))
  @APIResponse(
      responseCode = "400",
      description = "No donorCode, or not three capital letters",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "invalid-request",
                      value = BankStatementExamples.INVALID_REQUEST_PROBLEM)))
  @APIResponse(
      responseCode = "404",
      description = "No such entry, no longer waiting, or no such donor")
  @APIResponse(
      responseCode = "409",
      description =
          "state-conflict: the entry already has another donor and a receipt (the detail names"
              + " them; the same donor again answers 200 and records nothing), or the key is in"
              + " flight",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "state-conflict",
                      value = BankStatementExamples.PAYER_ACCOUNT_STATE_CONFLICT_PROBLEM)))
  @APIResponse(
      responseCode = "422",
      description =
          "The entry names no payer account (no-payer-account), its account has no scheme, or it"
              + " belongs to another donor (iban-of-another-donor, account-of-another-donor), or"
              + " the key was used for another request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "account-of-another-donor",
                      value = BankStatementExamples.ACCOUNT_OF_ANOTHER_DONOR_PROBLEM)))
  public RestResponse<UnmatchedReceiptView> registerUnmatchedReceiptPayerAccount(
      @PathParam("entryId") UUID entryId,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid AssignDonorRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "register-unmatched-receipt-payer-account",
            List.of(entryId, request),
            UnmatchedReceiptView.class,
            () -> Answer.ok(statements.registerPayerAccount(entryId, request, caller.subject())));
    return IdempotencyKeys.respond(answer, uri);
  }
}
