package org.jointappeal.pledge.bankstatement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jointappeal.pledge.web.PageLinks;
import org.jointappeal.pledge.web.Problem;
import org.jointappeal.pledge.web.Roles;

@Path("/bank-statements")
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {

  private final BankStatementService statements;
  private final CurrentCaller caller;

  BankStatementResource(BankStatementService statements, CurrentCaller caller) {
    this.statements = statements;
    this.caller = caller;
  }

  /**
   * No Idempotency-Key: the statement's own identity (Stmt/Id and account IBAN) is the natural key,
   * so a retry, or the same file sent again, is recognised without one. A large file is imported in
   * the background: 202, and its Location shows the progress.
   */
  @Operation(summary = "Import a camt.053 bank statement: receipts recorded and matched to pledges")
  @POST
  @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      description = "An ISO 20022 camt.053 statement (camt.053.001.02 or a later .001.0x version)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              examples =
                  @ExampleObject(name = "one-credit", value = BankStatementExamples.STATEMENT)))
  @APIResponse(
      responseCode = "202",
      description =
          "More entries than pledge.bank-statements.synchronous-max-entries (or an earlier"
              + " statement of the account still importing): queued; poll the Location",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BankStatementView.class),
              examples =
                  @ExampleObject(name = "importing", value = BankStatementExamples.IMPORTING)))
  @APIResponse(
      responseCode = "201",
      description = "Imported: receipts recorded, confident matches allocated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BankStatementView.class),
              examples = @ExampleObject(name = "imported", value = BankStatementExamples.IMPORTED)))
  @APIResponse(
      responseCode = "200",
      description =
          "Imported before (same Stmt/Id and account): the first import's answer; nothing written"
              + " (202 while the first is still importing)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BankStatementView.class),
              examples =
                  @ExampleObject(name = "imported-before", value = BankStatementExamples.IMPORTED)))
  @APIResponse(
      responseCode = "400",
      description = "Not well-formed XML, or a document type declaration (refused)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unreadable",
                      value = BankStatementExamples.UNREADABLE_PROBLEM)))
  @APIResponse(
      responseCode = "413",
      description = "Larger than pledge.bank-statements.max-size",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "too-large",
                      value = BankStatementExamples.TOO_LARGE_PROBLEM)))
  @APIResponse(
      responseCode = "415",
      description = "Not application/xml or text/xml",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unsupported-media-type",
                      value = BankStatementExamples.UNSUPPORTED_MEDIA_TYPE_PROBLEM)))
  @APIResponse(
      responseCode = "422",
      description =
          "Not a camt.053 statement, or an element missing or wrong (errors names each place);"
              + " a currency without a UNORE rate on a value date; nothing was imported (a queued"
              + " file found so in the background ends REFUSED, with this problem)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "invalid", value = BankStatementExamples.INVALID_PROBLEM)))
  public RestResponse<BankStatementView> importBankStatement(byte[] statement, UriInfo uri) {
    var answer = statements.importStatement(statement, caller.subject());
    return RestResponse.ResponseBuilder.<BankStatementView>create(answer.status())
        .location(uri.getBaseUriBuilder().path(answer.location()).build())
        .entity(answer.body())
        .build();
  }

  @Operation(summary = "List imported bank statements, newest first")
  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description =
          "A page of statements, the latest received first, each with its status, progress and"
              + " summary (its entries are in GET /bank-statements/{id})",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = BankStatementSummaryView.class),
              examples = @ExampleObject(name = "statements", value = BankStatementExamples.LIST)))
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
  public RestResponse<List<BankStatementSummaryView>> listBankStatements(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(statements.list(PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read a bank statement import: its status, progress and outcome")
  @GET
  @Path("/{bankStatementId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "Its status and progress; once imported, what it did and each credit taken",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BankStatementView.class),
              examples = {
                @ExampleObject(name = "imported", value = BankStatementExamples.IMPORTED),
                @ExampleObject(name = "importing", value = BankStatementExamples.IMPORTING),
                @ExampleObject(name = "refused", value = BankStatementExamples.REFUSED)
              }))
  @APIResponse(responseCode = "404", description = "No such statement")
  public BankStatementView getBankStatement(@PathParam("bankStatementId") UUID bankStatementId) {
    return statements.find(bankStatementId);
  }
}
