package org.jointappeal.pledge.donor;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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
import org.jointappeal.pledge.DonorCode;
import org.jointappeal.pledge.idempotency.Answer;
import org.jointappeal.pledge.idempotency.IdempotentRequests;
import org.jointappeal.pledge.paging.PageRequest;
import org.jointappeal.pledge.web.CurrentCaller;
import org.jointappeal.pledge.web.IdempotencyKeys;
import org.jointappeal.pledge.web.IfMatch;
import org.jointappeal.pledge.web.PageLinks;
import org.jointappeal.pledge.web.Roles;

/** The donors registry: finance officers keep it, donors read their own entry. */
@Path("/donors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DonorResource {

  private final DonorService donors;
  private final IdempotentRequests idempotency;
  private final CurrentCaller caller;

  DonorResource(DonorService donors, CurrentCaller caller, IdempotentRequests idempotency) {
    this.idempotency = idempotency;
    this.donors = donors;
    this.caller = caller;
  }

  @Operation(summary = "Register a donor State or organisation")
  @POST
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "norway", value = DonorExamples.REGISTER_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "Donor registered (a retry replays this)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DonorView.class),
              examples = @ExampleObject(name = "norway", value = DonorExamples.NORWAY)))
  @APIResponse(responseCode = "400", description = "Invalid body, or no Idempotency-Key")
  @APIResponse(responseCode = "409", description = "The code is taken, or the key is in flight")
  @APIResponse(responseCode = "422", description = "Code unfit for the kind, invalid IBAN, ...")
  public RestResponse<DonorView> registerDonor(
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      @NotNull @Valid RegisterDonorRequest request,
      UriInfo uri) {
    var answer =
        donors.register(request, caller.subject(), IdempotencyKeys.required(idempotencyKey));
    return RestResponse.ResponseBuilder.<DonorView>create(answer.status())
        .location(uri.getBaseUriBuilder().path(answer.location()).build())
        .entity(answer.body())
        .tag(etag(answer.body()))
        .build();
  }

  @Operation(summary = "List donors (a donor sees itself only)")
  @GET
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of donors by code; a donor gets only itself",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = DonorView.class),
              examples = @ExampleObject(name = "donors", value = DonorExamples.DONORS)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<DonorView>> listDonors(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(donors.list(caller.donorScope(), PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read a donor with its payer accounts")
  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.DONOR, Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "The donor",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DonorView.class),
              examples = @ExampleObject(name = "norway", value = DonorExamples.NORWAY)))
  @APIResponse(responseCode = "404", description = "No such donor, or another donor")
  public RestResponse<DonorView> getDonor(
      @PathParam("code") @Pattern(regexp = "[A-Z]{3}") String code) {
    var donor = donors.find(DonorCode.of(code), caller.donorScope());
    return RestResponse.ResponseBuilder.ok(donor).tag(etag(donor)).build();
  }

  @Operation(summary = "Revise a donor's name, kind or payer accounts")
  @PUT
  @Path("/{code}")
  @RolesAllowed(Roles.FINANCE_OFFICER)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "us-account", value = DonorExamples.REVISE_REQUEST)))
  @APIResponse(
      responseCode = "200",
      description =
          "The donor's name and IBANs are replaced (the same again: 200; with the If-Match read"
              + " before a restatement that took effect, 409: send an Idempotency-Key)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DonorView.class),
              examples =
                  @ExampleObject(name = "united-states", value = DonorExamples.UNITED_STATES)))
  @APIResponse(responseCode = "404", description = "No such donor")
  @APIResponse(
      responseCode = "409",
      description = "If-Match names an older version, or the key is in flight")
  @APIResponse(responseCode = "422", description = "The key was used for another request")
  public RestResponse<DonorView> reviseDonor(
      @PathParam("code") @Pattern(regexp = "[A-Z]{3}") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @NotNull @Valid ReviseDonorRequest request,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "revise-donor",
            List.of(code, request),
            DonorView.class,
            () ->
                Answer.ok(
                    donors.revise(DonorCode.of(code), request, IfMatch.expectedVersion(ifMatch))));
    return IdempotencyKeys.respond(answer, uri, DonorView::version);
  }

  private static EntityTag etag(DonorView donor) {
    return new EntityTag(Long.toString(donor.version()));
  }
}
