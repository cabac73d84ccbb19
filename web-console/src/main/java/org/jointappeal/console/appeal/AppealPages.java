package org.jointappeal.console.appeal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jointappeal.console.publicview.GroupView;
import org.jointappeal.console.services.AppealService;
import org.jointappeal.console.web.Charts;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServiceCalls;
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
  @Inject ServiceCalls calls;

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
    // Everything below depends only on the appeal: all asked for at the same time (the figures,
    // each dimension and each month of the timeline are a funding call of their own).
    // A draft has no revisions and no funding yet: appeal-service answers for launched ones only.
    CompletableFuture<ServicePage> revisions =
        draft
            ? CompletableFuture.completedFuture(new ServicePage(List.of(), null))
            : calls.start(
                () -> ServicePage.of(appeals.revisions(code, ServicePage.SIZE, revisionsCursor)));
    // the first page of revisions starts with the original (number 0); a later one does not
    CompletableFuture<Map<String, Object>> laterPagesOriginal =
        draft || blank(revisionsCursor) == null
            ? CompletableFuture.completedFuture(null)
            : calls.start(() -> ServiceAnswers.object(appeals.revision(code, 0)));
    CompletableFuture<ServicePage> history =
        viewer.mayReadAppealHistory()
            ? calls.start(
                () -> ServicePage.of(appeals.history(code, ServicePage.SIZE, historyCursor)))
            : CompletableFuture.completedFuture(new ServicePage(List.of(), null));
    var figures = draft ? null : startFigures(code, date);
    var template =
        draft
            ? page.instance()
                .data("code", code)
                .data("asOf", date)
                .data("funding", null)
                .data("fingerprint", "draft")
                .data("dimensions", List.of())
            : figures.into(page.instance());
    var revisionsPage = ServiceCalls.join(revisions);
    var historyPage = ServiceCalls.join(history);
    Map<String, Object> original = ServiceCalls.join(laterPagesOriginal);
    if (original == null && !revisionsPage.items().isEmpty()) {
      original = revisionsPage.items().get(0);
    }
    return template
        .data("viewer", viewer)
        .data("today", LocalDate.now(ZoneOffset.UTC).toString())
        .data("appeal", appeal)
        .data("original", original)
        .data("revisions", revisionsPage.items())
        .data("revisionsNext", revisionsPage.nextHref(self, "revisionsCursor", query))
        .data("revisionsFirst", ServicePage.firstHref(self, "revisionsCursor", query))
        .data("history", historyPage.items())
        .data("historyNext", historyPage.nextHref(self, "historyCursor", query))
        .data("historyFirst", ServicePage.firstHref(self, "historyCursor", query));
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
    var figures = startFigures(code, date);
    if (fingerprint(ServiceCalls.join(figures.funding())).equals(shown)) {
      return Response.noContent().build();
    }
    var fragment = figures.into(page.getFragment("figures").instance());
    return Response.ok(fragment.data("viewer", viewer).render()).build();
  }

  /**
   * Funding over time, loaded by the page (htmx) once it is shown: one funding call per month end
   * (twelve for a one-year appeal), more than the rest of the page together, so the page does not
   * wait for them.
   */
  @GET
  @Path("/timeline")
  public TemplateInstance timeline(@PathParam("code") String code) {
    var appeal = ServiceAnswers.object(appeals.appeal(code));
    return page.getFragment("timeline")
        .instance()
        .data("appeal", appeal)
        .data(
            "timeline",
            Timeline.start(appeal, appeals, calls, LocalDate.now(ZoneOffset.UTC)).get());
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

  /** The funding and its five groupings, asked for at the same time. */
  private Figures startFigures(String code, String asOf) {
    var funding = calls.start(() -> ServiceAnswers.object(appeals.funding(code, asOf, null)));
    List<CompletableFuture<GroupView>> dimensions = new ArrayList<>();
    for (String dimension : DIMENSIONS) {
      dimensions.add(
          calls.start(
              () ->
                  GroupView.of(
                      dimension, ServiceAnswers.object(appeals.funding(code, asOf, dimension)))));
    }
    return new Figures(code, asOf, funding, dimensions);
  }

  /** The figures section's data once its calls have answered. */
  private record Figures(
      String code,
      String asOf,
      CompletableFuture<Map<String, Object>> funding,
      List<CompletableFuture<GroupView>> dimensions) {

    TemplateInstance into(TemplateInstance template) {
      var status = ServiceCalls.join(funding);
      return template
          .data("code", code)
          .data("asOf", asOf)
          .data("funding", status)
          .data("fingerprint", fingerprint(status))
          .data("dimensions", dimensions.stream().map(ServiceCalls::join).toList());
    }
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
  @TemplateData
  public record Timeline(List<Map<String, Object>> months, String chart) {

    /** Starts one funding call per month end at once; {@link Supplier#get} assembles them. */
    static Supplier<Timeline> start(
        Map<String, Object> appeal, AppealService appeals, ServiceCalls calls, LocalDate today) {
      if (appeal.get("periodStart") == null || "DRAFT".equals(appeal.get("status"))) {
        return () -> new Timeline(List.of(), null);
      }
      String code = (String) appeal.get("code");
      YearMonth from = YearMonth.from(LocalDate.parse((String) appeal.get("periodStart")));
      LocalDate periodEnd = LocalDate.parse((String) appeal.get("periodEnd"));
      YearMonth to = YearMonth.from(periodEnd.isBefore(today) ? periodEnd : today);
      Map<YearMonth, CompletableFuture<Map<String, Object>>> months = new LinkedHashMap<>();
      for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
        String end = month.atEndOfMonth().toString();
        months.put(
            month, calls.start(() -> ServiceAnswers.object(appeals.funding(code, end, null))));
      }
      return () -> assemble(months);
    }

    private static Timeline assemble(Map<YearMonth, CompletableFuture<Map<String, Object>>> calls) {
      List<Map<String, Object>> months = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      Map<String, List<Object>> series = new LinkedHashMap<>();
      for (String measure : List.of("Pledged", "Committed", "Paid")) {
        series.put(measure, new ArrayList<>());
      }
      for (var call : calls.entrySet()) {
        YearMonth month = call.getKey();
        var funding = ServiceCalls.join(call.getValue());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month.toString());
        row.put("asOf", month.atEndOfMonth().toString());
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
