package org.jointappeal.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** pledge-service, called with the user's token (a donor's token sees only its own data). */
@RegisterRestClient(configKey = "pledge-service")
@RegisterProvider(AccessTokenPropagation.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PledgeService {

  String IDEMPOTENCY_KEY = "Idempotency-Key";

  @GET
  @Path("/pledges")
  Response pledges(@QueryParam("appealCode") String appealCode, @QueryParam("limit") int limit);

  @GET
  @Path("/pledges/{id}")
  Response pledge(@PathParam("id") String id);

  /** The cash-in forecast of an appeal (a donor's: its own pledges only). */
  @GET
  @Path("/forecasts/cash")
  Response cashForecast(
      @QueryParam("appealCode") String appealCode,
      @QueryParam("asOf") String asOf,
      @QueryParam("months") String months);

  @GET
  @Path("/pledges/{id}/history")
  Response history(
      @PathParam("id") String id,
      @QueryParam("limit") int limit,
      @QueryParam("cursor") String cursor);

  @POST
  @Path("/pledges")
  @Consumes(MediaType.APPLICATION_JSON)
  Response announce(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Object request);

  @POST
  @Path("/pledges/{id}/commitment")
  @Consumes(MediaType.APPLICATION_JSON)
  Response commit(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Object request);

  @POST
  @Path("/pledges/{id}/cancellation")
  @Consumes(MediaType.APPLICATION_JSON)
  Response cancel(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Object request);

  @POST
  @Path("/pledges/{id}/write-offs")
  @Consumes(MediaType.APPLICATION_JSON)
  Response writeOff(
      @PathParam("id") String id,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @HeaderParam("If-Match") String ifMatch,
      Object request);

  @GET
  @Path("/receipts")
  Response receipts(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @POST
  @Path("/receipts/{id}/allocations")
  @Consumes(MediaType.APPLICATION_JSON)
  Response allocate(
      @PathParam("id") String receiptId,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      Object request);

  @GET
  @Path("/bank-statements")
  Response bankStatements(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @GET
  @Path("/bank-statements/{id}")
  Response bankStatement(@PathParam("id") String id);

  @POST
  @Path("/bank-statements")
  @Consumes(MediaType.APPLICATION_XML)
  Response importBankStatement(byte[] statement);

  @GET
  @Path("/unmatched-receipts")
  Response unmatchedReceipts(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @GET
  @Path("/unmatched-receipts/{id}")
  Response unmatchedReceipt(@PathParam("id") String entryId);

  @POST
  @Path("/unmatched-receipts/{id}/donor-assignment")
  @Consumes(MediaType.APPLICATION_JSON)
  Response assignDonor(@PathParam("id") String entryId, Object request);

  @GET
  @Path("/exchange-rates")
  Response exchangeRates(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

  @POST
  @Path("/exchange-rates")
  @Consumes("text/csv")
  Response uploadExchangeRates(String csv);

  @GET
  @Path("/reconciliation/appeals/{code}")
  Response reconciliation(@PathParam("code") String appealCode);

  @GET
  @Path("/reconciliation/appeals/{code}")
  @Produces("text/csv")
  Response reconciliationCsv(@PathParam("code") String appealCode);

  /** A page of the donor's rows (one per pledge) with the whole donor's totals. */
  @GET
  @Path("/reconciliation/donors/{code}")
  Response donorStatement(
      @PathParam("code") String donorCode,
      @QueryParam("limit") int limit,
      @QueryParam("cursor") String cursor);

  /** The whole statement, every row (the CSV is never paged). */
  @GET
  @Path("/reconciliation/donors/{code}")
  @Produces("text/csv")
  Response donorStatementCsv(@PathParam("code") String donorCode);

  @GET
  @Path("/exports/iati")
  @Produces(MediaType.APPLICATION_XML)
  Response iati(@QueryParam("appeal") String appealCode);
}
