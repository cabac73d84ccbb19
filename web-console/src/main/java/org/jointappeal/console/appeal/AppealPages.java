package org.jointappeal.console.appeal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jointappeal.console.publicview.GroupView;
import org.jointappeal.console.services.AppealService;
import org.jointappeal.console.web.Charts;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServicePage;
import org.jointappeal.console.web.ServiceProblem;
import org.jointappeal.console.web.Viewer;

/**
 * An appeal as its users see it: requirement lines original against current, revisions, funding by
 * each dimension, funding over time, any as-of date, CSV, and the audit history where allowed.
 */
@Path("/appeals/{code}")
@Produces(MediaType.TEXT_HTML)
public class AppealPages {

  static final List<String> DIMENSIONS =
      List.of("country", "agency", "sector", "category", "priority");

  @Inject @RestClient AppealService appeals;
  @Inject Viewer viewer;

  @Inject
  @Location("appeal.html")
  Template page;

  /**
   * {@code revisionsCursor}, {@code historyCursor}: where the page of revisions or of the history
   * starts (each list's "Next page" link gives its own); none: the first.
   */
  @GET
  public TemplateInstance appeal(
      @PathParam("code") String code,
      @QueryParam("asOf") String asOf,
      @QueryParam("revisionsCursor") String revisionsCursor,
      @QueryParam("historyCursor") String historyCursor) {
    String date = validDate(asOf);
    var appeal = ServiceAnswers.object(appeals.appeal(code));
    boolean draft = "DRAFT".equals(appeal.get("status"));
    var query = new LinkedHashMap<String, String>();
    query.put("asOf", date);
    query.put("revisionsCursor", revisionsCursor);
    query.put("historyCursor", historyCursor);
    String self = "/appeals/" + code;
    // a draft has no revisions and no funding yet: appeal-service answers for launched ones only
    var revisions =
        draft
            ? new ServicePage(List.of(), null)
            : ServicePage.of(appeals.revisions(code, ServicePage.SIZE, revisionsCursor));
    Map<String, Object> original = null;
    if (!draft) {
      // the first page starts with the original (number 0); a later one does not
      original =
          blank(revisionsCursor) == null && !revisions.items().isEmpty()
              ? revisions.items().get(0)
              : ServiceAnswers.object(appeals.revision(code, 0));
    }
    var history = new ServicePage(List.of(), null);
    if (viewer.mayReadAppealHistory()) {
      history = ServicePage.of(appeals.history(code, ServicePage.SIZE, historyCursor));
    }
    var template =
        draft
            ? page.instance()
                .data("code", code)
                .data("asOf", date)
                .data("funding", null)
                .data("fingerprint", "draft")
                .data("dimensions", List.of())
            : figures(page.instance(), code, date);
    return template
        .data("viewer", viewer)
        .data("today", LocalDate.now(ZoneOffset.UTC).toString())
        .data("appeal", appeal)
        .data("original", original)
        .data("revisions", revisions.items())
        .data("revisionsNext", revisions.nextHref(self, "revisionsCursor", query))
        .data("revisionsFirst", ServicePage.firstHref(self, "revisionsCursor", query))
        .data("history", history.items())
        .data("historyNext", history.nextHref(self, "historyCursor", query))
        .data("historyFirst", ServicePage.firstHref(self, "historyCursor", query))
        .data("timeline", Timeline.of(appeal, appeals, LocalDate.now(ZoneOffset.UTC)));
  }

  /**
   * The figures alone, for the page's poll: 204 while they are what the page shows ({@code shown}
   * is their fingerprint), so nothing is redrawn until a pledge or receipt changes them.
   */
  @GET
  @Path("/figures")
  public Response figures(
      @PathParam("code") String code,
      @QueryParam("asOf") String asOf,
      @QueryParam("shown") String shown) {
    String date = validDate(asOf);
    var funding = ServiceAnswers.object(appeals.funding(code, date, null));
    if (fingerprint(funding).equals(shown)) {
      return Response.noContent().build();
    }
    var fragment = figures(page.getFragment("figures").instance(), code, date, funding);
    return Response.ok(fragment.data("viewer", viewer).render()).build();
  }

  /** An appeal manager launches a draft on a business date (the service checks the rest). */
  @POST
  @Path("/launch")
  public Response launch(@PathParam("code") String code, @RestForm String launchedOn) {
    ServiceAnswers.object(appeals.launch(code, blank(launchedOn)));
    return Response.seeOther(URI.create("/appeals/" + code)).build();
  }

  @POST
  @Path("/close")
  public Response close(@PathParam("code") String code) {
    ServiceAnswers.object(appeals.close(code));
    return Response.seeOther(URI.create("/appeals/" + code)).build();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @GET
  @Path("/funding.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("code") String code, @QueryParam("asOf") String asOf) {
    String date = validDate(asOf);
    String body = ServiceAnswers.text(appeals.fundingCsv(code, date));
    String name = code + "-funding" + (date == null ? "" : "-" + date) + ".csv";
    return Response.ok(body)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .build();
  }

  private TemplateInstance figures(TemplateInstance template, String code, String asOf) {
    return figures(template, code, asOf, ServiceAnswers.object(appeals.funding(code, asOf, null)));
  }

  private TemplateInstance figures(
      TemplateInstance template, String code, String asOf, Map<String, Object> funding) {
    List<GroupView> dimensions = new ArrayList<>();
    for (String dimension : DIMENSIONS) {
      dimensions.add(
          GroupView.of(dimension, ServiceAnswers.object(appeals.funding(code, asOf, dimension))));
    }
    return template
        .data("code", code)
        .data("asOf", asOf)
        .data("funding", funding)
        .data("fingerprint", fingerprint(funding))
        .data("dimensions", dimensions);
  }

  static String fingerprint(Map<String, Object> funding) {
    return Integer.toHexString(funding.toString().hashCode());
  }

  /** A date the service will take, or a 400 page before any call. */
  private static String validDate(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(asOf).toString();
    } catch (DateTimeParseException e) {
      throw new ServiceProblem(400, "Not a date", "as of: " + asOf + " is not a date", List.of());
    }
  }

  /** Pledged, committed and paid at the end of each month of the appeal's period, to date. */
  @io.quarkus.qute.TemplateData
  public record Timeline(List<Map<String, Object>> months, String chart) {

    static Timeline of(Map<String, Object> appeal, AppealService appeals, LocalDate today) {
      if (appeal.get("periodStart") == null || "DRAFT".equals(appeal.get("status"))) {
        return new Timeline(List.of(), null);
      }
      String code = (String) appeal.get("code");
      YearMonth from = YearMonth.from(LocalDate.parse((String) appeal.get("periodStart")));
      LocalDate periodEnd = LocalDate.parse((String) appeal.get("periodEnd"));
      YearMonth to = YearMonth.from(periodEnd.isBefore(today) ? periodEnd : today);
      List<Map<String, Object>> months = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      Map<String, List<Object>> series = new LinkedHashMap<>();
      for (String measure : List.of("Pledged", "Committed", "Paid")) {
        series.put(measure, new ArrayList<>());
      }
      for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
        String end = month.atEndOfMonth().toString();
        var funding = ServiceAnswers.object(appeals.funding(code, end, null));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month.toString());
        row.put("asOf", end);
        row.put("pledged", funding.get("pledged"));
        row.put("committed", funding.get("committed"));
        row.put("paid", funding.get("paid"));
        months.add(row);
        labels.add(month.toString());
        series.get("Pledged").add(Charts.amountOf(funding.get("pledged")));
        series.get("Committed").add(Charts.amountOf(funding.get("committed")));
        series.get("Paid").add(Charts.amountOf(funding.get("paid")));
      }
      return new Timeline(months, Charts.timeline(labels, series));
    }
  }
}
