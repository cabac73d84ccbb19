package org.jointappeal.pledge.receipt;

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
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.IdempotencyKeys;
import org.jointappeal.pledge.web.PageLinks;
import org.jointappeal.pledge.web.Roles;

@Path("/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource {

  private final ReceiptService receipts;
  private final CurrentCaller caller;

  ReceiptResource(ReceiptService receipts, CurrentCaller caller) {
    this.receipts = receipts;
    this.caller = caller;
  }

  @Operation(summary = "Record money received from a donor")
  @POST
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "bank-advice", value = ReceiptExamples.RECORD_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "Receipt recorded, valued at the UNORE in force on its value date",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReceiptView.class),
              examples = @ExampleObject(name = "recorded", value = ReceiptExamples.RECORDED)))
  @APIResponse(responseCode = "400", description = "Invalid body, or no Idempotency-Key")
  @APIResponse(
      responseCode = "409",
      description = "A request with the same Idempotency-Key is still in progress")
  @APIResponse(
      responseCode = "422",
      description =
          "No UNORE rate for the currency on the value date, too many decimals, an unknown donor,"
              + " a value date in the future, or the key was used for another request")
  public RestResponse<ReceiptView> recordReceipt(
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      @NotNull @Valid RecordReceiptRequest request,
      UriInfo uri) {
    var answer =
        receipts.record(request, caller.subject(), IdempotencyKeys.required(idempotencyKey));
    return RestResponse.ResponseBuilder.<ReceiptView>create(answer.status())
        .location(uri.getBaseUriBuilder().path(answer.location()).build())
        .entity(answer.body())
        .build();
  }

  @Operation(summary = "List receipts, by value date (a donor sees its own)")
  @GET
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of receipts in scope, by value date (then recording, id)",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ReceiptView.class),
              examples = @ExampleObject(name = "receipts", value = ReceiptExamples.RECEIPTS)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<ReceiptView>> listReceipts(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(
        receipts.list(caller.donorScope(), PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read a receipt with its allocations")
  @GET
  @Path("/{receiptId}")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "The receipt and its allocations",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReceiptView.class),
              examples = @ExampleObject(name = "allocated", value = ReceiptExamples.RECEIPT)))
  @APIResponse(responseCode = "404", description = "No such receipt, or another donor's")
  public ReceiptView getReceipt(@PathParam("receiptId") UUID receiptId) {
    return receipts.find(receiptId, caller.donorScope());
  }

  @Operation(summary = "Allocate a receipt to pledges and their instalments")
  @POST
  @Path("/{receiptId}/allocations")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "whole-receipt", value = ReceiptExamples.ALLOCATE_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "Allocated, with the realised exchange gain or loss (a retry replays this)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AllocationView.class),
              examples =
                  @ExampleObject(name = "exchange-gain", value = ReceiptExamples.ALLOCATION)))
  @APIResponse(responseCode = "400", description = "Invalid body, or no Idempotency-Key")
  @APIResponse(responseCode = "404", description = "No such receipt")
  @APIResponse(
      responseCode = "409",
      description =
          "A concurrent allocation changed the receipt or pledge, or the key is in flight")
  @APIResponse(
      responseCode = "422",
      description =
          "Another donor's pledge, another currency, more than the receipt's unallocated amount"
              + " or the pledge's outstanding amount, or a pledge that is not committed (cancelled,"
              + " written off, paid); or the key was used for another request")
  public RestResponse<AllocationView> allocateReceipt(
      @PathParam("receiptId") UUID receiptId,
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      @NotNull @Valid AllocateReceiptRequest request,
      UriInfo uri) {
    var answer =
        receipts.allocate(
            receiptId, request, caller.subject(), IdempotencyKeys.required(idempotencyKey));
    return RestResponse.ResponseBuilder.<AllocationView>create(answer.status())
        .location(uri.getBaseUriBuilder().path(answer.location()).build())
        .entity(answer.body())
        .build();
  }

  @Operation(summary = "Read one allocation of a receipt")
  @GET
  @Path("/{receiptId}/allocations/{allocationId}")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "The allocation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AllocationView.class),
              examples = @ExampleObject(name = "allocation", value = ReceiptExamples.ALLOCATION)))
  @APIResponse(responseCode = "404", description = "No such allocation, or another donor's")
  public AllocationView getAllocation(
      @PathParam("receiptId") UUID receiptId, @PathParam("allocationId") UUID allocationId) {
    return receipts.findAllocation(receiptId, allocationId, caller.donorScope());
  }
}
