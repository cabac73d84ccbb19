package org.jointappeal.console.finance;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jointappeal.console.services.AppealService;
import org.jointappeal.console.services.PledgeService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServicePage;
import org.jointappeal.console.web.ServiceProblem;
import org.jointappeal.console.web.Viewer;

/**
 * The money side beyond pledges: receipts, UN operational rates of exchange (table and CSV upload),
 * reconciliation per appeal with ageing (a donor: its own statement), and the IATI file.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class FinancePages {

  @Inject @RestClient PledgeService pledges;
  @Inject @RestClient AppealService appeals;
  @Inject Viewer viewer;

  @Inject
  @Location("receipts.html")
  Template receipts;

  @Inject
  @Location("rates.html")
  Template rates;

  @Inject
  @Location("reconciliation.html")
  Template reconciliation;

  /**
   * {@code cursor}: where the page of receipts starts (the "Next page" link's). A statement may
   * bring thousands of receipts: the page shows them a page at a time, as the service lists them.
   */
  @GET
  @Path("/receipts")
  public TemplateInstance receipts(@QueryParam("cursor") String cursor) {
    var page = ServicePage.of(pledges.receipts(ServicePage.SIZE, cursor));
    return receipts
        .data("viewer", viewer)
        .data("receipts", page.items())
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", page.nextHref("/receipts", "cursor", Map.of()));
  }

  /** {@code cursor}: where the page of the rate table starts (the "Next page" link's). */
  @GET
  @Path("/exchange-rates")
  public TemplateInstance rates(@QueryParam("cursor") String cursor) {
    return ratesPage(cursor, null, null);
  }

  private TemplateInstance ratesPage(
      String cursor, Map<String, Object> uploaded, ServiceProblem problem) {
    var page = ServicePage.of(pledges.exchangeRates(ServicePage.SIZE, cursor));
    return rates
        .data("viewer", viewer)
        .data("rates", page.items())
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", page.nextHref("/exchange-rates", "cursor", Map.of()))
        .data("uploaded", uploaded)
        .data("problem", problem);
  }

  @POST
  @Path("/exchange-rates")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response uploadRates(@RestForm("file") FileUpload file) {
    try {
      if (file == null || file.size() == 0) {
        throw new ServiceProblem(400, "No file", "Choose a CSV file of rates.", List.of());
      }
      String csv = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
      var uploaded = ServiceAnswers.object(pledges.uploadExchangeRates(csv));
      return Response.ok(ratesPage(null, uploaded, null).render()).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500) {
        throw problem;
      }
      return Response.status(problem.status())
          .entity(ratesPage(null, null, problem).render())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A donor sees its own statement, a page of its pledges at a time ({@code cursor}: the "Next
   * page" link's) with the whole totals; the other roles choose an appeal (a row per donor).
   */
  @GET
  @Path("/reconciliation")
  public TemplateInstance reconciliation(
      @QueryParam("appeal") String appeal, @QueryParam("cursor") String cursor) {
    List<String> appealCodes = new ArrayList<>();
    for (var a : ServiceAnswers.list(appeals.appeals(AppealService.LARGEST_PAGE))) {
      if (!"DRAFT".equals(a.get("status"))) {
        appealCodes.add((String) a.get("code"));
      }
    }
    Map<String, Object> statement = null;
    String nextPage = null;
    if (viewer.isDonor() && viewer.donorCode() != null) {
      var answer = pledges.donorStatement(viewer.donorCode(), ServicePage.SIZE, cursor);
      String next = ServicePage.cursorOf(answer.getHeaderString("Link"));
      statement = ServiceAnswers.object(answer);
      nextPage = new ServicePage(List.of(), next).nextHref("/reconciliation", "cursor", Map.of());
    } else if (appeal != null && !appeal.isBlank()) {
      statement = ServiceAnswers.object(pledges.reconciliation(appeal));
    } else if (!appealCodes.isEmpty()) {
      appeal = appealCodes.get(0);
      statement = ServiceAnswers.object(pledges.reconciliation(appeal));
    }
    return reconciliation
        .data("viewer", viewer)
        .data("appeals", appealCodes)
        .data("appeal", appeal)
        .data("statement", statement)
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", nextPage);
  }

  @GET
  @Path("/reconciliation.csv")
  @Produces("text/csv")
  public Response reconciliationCsv(@QueryParam("appeal") String appeal) {
    String body =
        ServiceAnswers.text(
            viewer.isDonor()
                ? pledges.donorStatementCsv(viewer.donorCode())
                : pledges.reconciliationCsv(appeal));
    String name = (viewer.isDonor() ? viewer.donorCode() : appeal) + "-reconciliation.csv";
    return Response.ok(body)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .build();
  }

  @GET
  @Path("/iati.xml")
  @Produces(MediaType.APPLICATION_XML)
  public Response iati(@QueryParam("appeal") String appeal) {
    String body =
        ServiceAnswers.text(pledges.iati(appeal == null || appeal.isBlank() ? null : appeal));
    return Response.ok(body)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"iati-activities"
                + (appeal == null ? "" : "-" + appeal)
                + ".xml\"")
        .build();
  }
}
