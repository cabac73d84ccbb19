package org.jointappeal.console.bankstatement;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jointappeal.console.services.PledgeService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServicePage;
import org.jointappeal.console.web.ServiceProblem;
import org.jointappeal.console.web.Viewer;

/**
 * A finance officer's bank side: camt.053 upload with the import's summary (a large statement is
 * imported in the background: its page shows a progress bar until the import ends), the statements
 * imported, and the queue of credits no pledge took automatically, with one-click allocation of a
 * suggestion and donor assignment of an unidentified payer.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BankStatementPages {

  /** A service's cursor: base64url, as the services write it. */
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,2000}");

  @Inject @RestClient PledgeService pledges;
  @Inject Viewer viewer;

  @Inject
  @Location("bank-statements.html")
  Template statements;

  @Inject
  @Location("bank-statement.html")
  Template statement;

  @Inject
  @Location("unmatched.html")
  Template unmatched;

  /** {@code cursor}: where the page of statements starts (the "Next page" link's). */
  @GET
  @Path("/bank-statements")
  public TemplateInstance statements(@QueryParam("cursor") String cursor) {
    return statementsPage(cursor, null);
  }

  private TemplateInstance statementsPage(String cursor, ServiceProblem problem) {
    var page = ServicePage.of(pledges.bankStatements(ServicePage.SIZE, cursor));
    return statements
        .data("viewer", viewer)
        .data("statements", page.items())
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", page.nextHref("/bank-statements", "cursor", Map.of()))
        .data("problem", problem);
  }

  @POST
  @Path("/bank-statements")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(@RestForm("file") FileUpload file) {
    try {
      if (file == null || file.size() == 0) {
        throw new ServiceProblem(400, "No file", "Choose a camt.053 file to upload.", List.of());
      }
      byte[] xml = Files.readAllBytes(file.uploadedFile());
      var imported = ServiceAnswers.object(pledges.importBankStatement(xml));
      return Response.seeOther(URI.create("/bank-statements/" + imported.get("id"))).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500) {
        throw problem;
      }
      return Response.status(problem.status())
          .entity(statementsPage(null, problem).render())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Path("/bank-statements/{id}")
  public TemplateInstance statement(@PathParam("id") String id) {
    return statement
        .data("viewer", viewer)
        .data("statement", ServiceAnswers.object(pledges.bankStatement(uuid(id))));
  }

  /**
   * The progress bar alone, for the statement page's poll (the browser asks the console, the
   * console asks pledge-service with the user's token). Once the import has ended, the whole page
   * is reloaded to show its summary, or why it was refused.
   */
  @GET
  @Path("/bank-statements/{id}/progress")
  public Response progress(@PathParam("id") String id) {
    var current = ServiceAnswers.object(pledges.bankStatement(uuid(id)));
    Object status = current.get("status");
    if (!"RECEIVED".equals(status) && !"IMPORTING".equals(status)) {
      return Response.ok("").header("HX-Refresh", "true").build();
    }
    return Response.ok(
            statement
                .getFragment("progress")
                .instance()
                .data("viewer", viewer)
                .data("statement", current)
                .render())
        .build();
  }

  /**
   * {@code cursor}: where the page of the queue starts (the "Next page" link's). An allocation or
   * an assignment comes back to the page it was made on.
   */
  @GET
  @Path("/unmatched-receipts")
  public TemplateInstance queue(
      @QueryParam("done") String done, @QueryParam("cursor") String cursor) {
    return queuePage(done, cursor(cursor), null, null);
  }

  private TemplateInstance queuePage(
      String done, String cursor, String entryId, ServiceProblem problem) {
    var page = ServicePage.of(pledges.unmatchedReceipts(ServicePage.SIZE, cursor));
    return unmatched
        .data("viewer", viewer)
        .data("entries", page.items())
        .data("cursor", cursor)
        .data("firstPage", cursor == null)
        .data("nextPage", page.nextHref("/unmatched-receipts", "cursor", Map.of()))
        .data("done", done)
        .data("problemEntry", entryId)
        .data("problem", problem);
  }

  /**
   * The page of the queue to come back to: the console's own redirect, so only a cursor's
   * characters.
   */
  private static String cursor(String cursor) {
    return cursor != null && CURSOR.matcher(cursor).matches() ? cursor : null;
  }

  private static String queueAfter(String done, String cursor) {
    var query = new LinkedHashMap<String, String>();
    query.put("done", done);
    query.put("cursor", cursor(cursor));
    return ServicePage.href("/unmatched-receipts", query);
  }

  @POST
  @Path("/unmatched-receipts/{entryId}/allocation")
  public Response allocate(
      @PathParam("entryId") String entryId,
      @RestForm String receiptId,
      @RestForm String pledgeId,
      @RestForm String amount,
      @RestForm String currency,
      @RestForm String instalmentNumber,
      @RestForm String idempotencyKey,
      @RestForm String cursor) {
    var request = new LinkedHashMap<String, Object>();
    request.put("pledgeId", pledgeId);
    request.put("amount", Map.of("amount", amount, "currency", currency));
    if (instalmentNumber != null && !instalmentNumber.isBlank()) {
      request.put("instalmentNumber", Integer.valueOf(instalmentNumber));
    }
    try {
      ServiceAnswers.object(pledges.allocate(uuid(receiptId), idempotencyKey, request));
      return Response.seeOther(URI.create(queueAfter("allocated", cursor))).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500) {
        throw problem;
      }
      return Response.status(problem.status())
          .entity(queuePage(null, cursor(cursor), entryId, problem).render())
          .build();
    }
  }

  @POST
  @Path("/unmatched-receipts/{entryId}/donor-assignment")
  public Response assignDonor(
      @PathParam("entryId") String entryId, @RestForm String donorCode, @RestForm String cursor) {
    var request = new LinkedHashMap<String, Object>();
    request.put("donorCode", donorCode == null ? null : donorCode.trim().toUpperCase());
    try {
      ServiceAnswers.object(pledges.assignDonor(uuid(entryId), request));
      return Response.seeOther(URI.create(queueAfter("assigned", cursor))).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500) {
        throw problem;
      }
      return Response.status(problem.status())
          .entity(queuePage(null, cursor(cursor), entryId, problem).render())
          .build();
    }
  }

  private static String uuid(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ServiceProblem(404, "Not Found", null, List.of());
    }
  }

  /** A fresh key per rendered allocation button: a double click allocates once. */
  public static String newKey() {
    return UUID.randomUUID().toString();
  }
}
