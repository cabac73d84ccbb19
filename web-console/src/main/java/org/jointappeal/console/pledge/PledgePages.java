package org.jointappeal.console.pledge;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jointappeal.console.services.AppealService;
import org.jointappeal.console.services.PledgeService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServicePage;
import org.jointappeal.console.web.ServiceProblem;
import org.jointappeal.console.web.Viewer;

/**
 * Pledges: a donor announces its own (earmarking from the appeal's lines, an instalment schedule)
 * and may cancel; a finance officer filters all pledges, commits, writes off and cancels. Every
 * change carries the version the page showed (If-Match), so a concurrent change is explained, not
 * overwritten.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PledgePages {

  @Inject @RestClient PledgeService pledges;
  @Inject @RestClient AppealService appeals;
  @Inject Viewer viewer;

  @Inject
  @Location("pledges.html")
  Template list;

  @Inject
  @Location("pledge.html")
  Template page;

  @Inject
  @Location("announce.html")
  Template announce;

  @GET
  @Path("/pledges")
  public TemplateInstance pledges(
      @QueryParam("appeal") String appeal,
      @QueryParam("donor") String donor,
      @QueryParam("status") String status,
      @QueryParam("overdue") boolean overdue) {
    String appealCode = appeal == null || appeal.isBlank() ? null : appeal.trim();
    var all = ServiceAnswers.list(pledges.pledges(appealCode, AppealService.LARGEST_PAGE));
    List<Map<String, Object>> shown = new ArrayList<>();
    var donors = new TreeSet<String>();
    for (var pledge : all) {
      donors.add((String) pledge.get("donorCode"));
      if (donor != null && !donor.isBlank() && !donor.equals(pledge.get("donorCode"))) {
        continue;
      }
      if (status != null && !status.isBlank() && !status.equals(pledge.get("status"))) {
        continue;
      }
      if (overdue && !hasOverdue(pledge)) {
        continue;
      }
      shown.add(pledge);
    }
    var appealCodes = new ArrayList<String>();
    for (var a : ServiceAnswers.list(appeals.appeals(AppealService.LARGEST_PAGE))) {
      appealCodes.add((String) a.get("code"));
    }
    return list.data("viewer", viewer)
        .data("pledges", shown)
        .data("appeals", appealCodes)
        .data("donors", donors)
        .data(
            "statuses",
            List.of("ANNOUNCED", "COMMITTED", "PARTIALLY_PAID", "PAID", "CANCELLED", "WRITTEN_OFF"))
        .data(
            "filter",
            Map.of(
                "appeal", appealCode == null ? "" : appealCode,
                "donor", donor == null ? "" : donor,
                "status", status == null ? "" : status,
                "overdue", overdue));
  }

  @SuppressWarnings("unchecked")
  private static boolean hasOverdue(Map<String, Object> pledge) {
    for (var i : (List<Map<String, Object>>) pledge.get("instalments")) {
      if ("OVERDUE".equals(i.get("status"))) {
        return true;
      }
    }
    return false;
  }

  /** {@code historyCursor}: where the page of the pledge's history starts ("Next page" link's). */
  @GET
  @Path("/pledges/{id}")
  public TemplateInstance pledge(
      @PathParam("id") String id, @QueryParam("historyCursor") String historyCursor) {
    return pledgePage(id, historyCursor, null, null);
  }

  private TemplateInstance pledgePage(
      String id, String historyCursor, String action, ServiceProblem problem) {
    var answer = pledges.pledge(checkedId(id));
    String etag = ServiceAnswers.etag(answer);
    var pledge = ServiceAnswers.object(answer);
    var history = ServicePage.of(pledges.history(id, ServicePage.SIZE, historyCursor));
    var query = new LinkedHashMap<String, String>();
    query.put("historyCursor", historyCursor);
    String self = "/pledges/" + id;
    return page.data("viewer", viewer)
        .data("pledge", pledge)
        .data("etag", etag)
        .data("history", history.items())
        .data("historyNext", history.nextHref(self, "historyCursor", query))
        .data("historyFirst", ServicePage.firstHref(self, "historyCursor", query))
        .data("today", LocalDate.now(ZoneOffset.UTC).toString())
        .data("action", action)
        .data("problem", problem);
  }

  @POST
  @Path("/pledges/{id}/commitment")
  public Response commit(
      @PathParam("id") String id,
      @RestForm String etag,
      @RestForm String agreementReference,
      @RestForm String signedOn) {
    var body = new LinkedHashMap<String, Object>();
    body.put("agreementReference", blankToNull(agreementReference));
    body.put("signedOn", blankToNull(signedOn));
    return act(id, "commit", () -> pledges.commit(checkedId(id), etag, body));
  }

  @POST
  @Path("/pledges/{id}/cancellation")
  public Response cancel(
      @PathParam("id") String id,
      @RestForm String etag,
      @RestForm String cancelledOn,
      @RestForm String reason) {
    var body = new LinkedHashMap<String, Object>();
    body.put("cancelledOn", blankToNull(cancelledOn));
    body.put("reason", blankToNull(reason));
    return act(id, "cancel", () -> pledges.cancel(checkedId(id), etag, body));
  }

  @POST
  @Path("/pledges/{id}/write-off")
  public Response writeOff(
      @PathParam("id") String id,
      @RestForm String etag,
      @RestForm String idempotencyKey,
      @RestForm String writtenOffOn,
      @RestForm String reason) {
    var body = new LinkedHashMap<String, Object>();
    body.put("writtenOffOn", blankToNull(writtenOffOn));
    body.put("reason", blankToNull(reason));
    return act(id, "write-off", () -> pledges.writeOff(checkedId(id), idempotencyKey, etag, body));
  }

  /** Runs a transition; on a problem the pledge page again, the problem next to the action. */
  private Response act(String id, String action, Supplier<Response> call) {
    try {
      ServiceAnswers.object(call.get());
      return Response.seeOther(URI.create("/pledges/" + id)).build();
    } catch (ServiceProblem problem) {
      if (problem.status() == 404) {
        throw problem;
      }
      ServiceProblem shown = problem;
      if (problem.status() == 409 || problem.status() == 412) {
        shown =
            new ServiceProblem(
                409,
                "Changed meanwhile",
                "Someone changed this pledge after you opened it (its figures below are the new"
                    + " ones). Check them, then try again.",
                List.of());
      }
      return Response.status(problem.status())
          .entity(pledgePage(id, null, action, shown).render())
          .build();
    }
  }

  // under /pledges, not /appeals/{code}/...: JAX-RS would match AppealPages' path first
  @GET
  @Path("/pledges/new")
  public TemplateInstance announceForm(@QueryParam("appeal") String code) {
    if (!viewer.isDonor() && !viewer.isFinanceOfficer()) {
      // pledge-service lets donors and finance officers announce: no one else gets a form
      throw new ServiceProblem(403, "Forbidden", null, List.of());
    }
    if (code == null || code.isBlank()) {
      throw new ServiceProblem(404, "Not Found", null, List.of());
    }
    return announceForm(code, new LinkedHashMap<>(), null);
  }

  private TemplateInstance announceForm(
      String code, Map<String, Object> form, ServiceProblem problem) {
    var appeal = ServiceAnswers.object(appeals.appeal(code));
    form.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    form.putIfAbsent("announcedOn", LocalDate.now(ZoneOffset.UTC).toString());
    form.putIfAbsent("instalments", List.of(Map.of("dueOn", "", "amount", "")));
    return announce
        .data("viewer", viewer)
        .data("appeal", appeal)
        .data("choices", EarmarkingChoices.of(appeal))
        .data(
            "levels", List.of("UNEARMARKED", "SOFTLY_EARMARKED", "EARMARKED", "TIGHTLY_EARMARKED"))
        .data("form", form)
        .data("problem", problem);
  }

  @POST
  @Path("/pledges")
  public Response announce(
      @RestForm("appealCode") String code,
      @RestForm String idempotencyKey,
      @RestForm String donorCode,
      @RestForm String currency,
      @RestForm String amount,
      @RestForm String announcedOn,
      @RestForm String occasion,
      @RestForm String earmarkingLevel,
      @RestForm String agency,
      @RestForm String country,
      @RestForm String sector,
      @RestForm String requirementLineId,
      @RestForm List<String> instalmentDueOn,
      @RestForm List<String> instalmentAmount) {
    String cur = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
    var request = new LinkedHashMap<String, Object>();
    request.put("appealCode", code);
    if (viewer.isFinanceOfficer()) {
      request.put("donorCode", blankToNull(donorCode));
    }
    request.put("amount", money(amount, cur));
    request.put("announcedOn", blankToNull(announcedOn));
    request.put("occasion", blankToNull(occasion));
    String level = blankToNull(earmarkingLevel) == null ? "UNEARMARKED" : earmarkingLevel;
    var earmarking = new LinkedHashMap<String, Object>();
    earmarking.put("level", level);
    switch (level) {
      case "SOFTLY_EARMARKED" -> {
        earmarking.put("agency", blankToNull(agency));
        earmarking.put("country", blankToNull(country));
      }
      case "EARMARKED" -> {
        earmarking.put("agency", blankToNull(agency));
        earmarking.put("country", blankToNull(country));
        earmarking.put("sector", blankToNull(sector));
      }
      case "TIGHTLY_EARMARKED" ->
          earmarking.put("requirementLineId", blankToNull(requirementLineId));
      default -> {}
    }
    request.put("earmarking", earmarking);
    List<Map<String, Object>> instalments = new ArrayList<>();
    List<Map<String, Object>> formInstalments = new ArrayList<>();
    int rows = Math.max(size(instalmentDueOn), size(instalmentAmount));
    for (int i = 0; i < rows; i++) {
      String due = i < size(instalmentDueOn) ? instalmentDueOn.get(i) : "";
      String part = i < size(instalmentAmount) ? instalmentAmount.get(i) : "";
      formInstalments.add(Map.of("dueOn", due, "amount", part));
      if (!due.isBlank() || !part.isBlank()) {
        instalments.add(Map.of("dueOn", due, "amount", money(part, cur)));
      }
    }
    if (!instalments.isEmpty()) {
      request.put("instalments", instalments);
    }
    try {
      var created = ServiceAnswers.object(pledges.announce(idempotencyKey, request));
      return Response.seeOther(URI.create("/pledges/" + created.get("id"))).build();
    } catch (ServiceProblem problem) {
      if (problem.status() == 404 || problem.status() == 403 || problem.status() >= 500) {
        throw problem;
      }
      var form = new LinkedHashMap<String, Object>();
      form.put("idempotencyKey", idempotencyKey);
      form.put("donorCode", donorCode);
      form.put("currency", cur);
      form.put("amount", amount);
      form.put("announcedOn", announcedOn);
      form.put("occasion", occasion);
      form.put("earmarkingLevel", level);
      form.put("agency", agency);
      form.put("country", country);
      form.put("sector", sector);
      form.put("requirementLineId", requirementLineId);
      form.put(
          "instalments",
          formInstalments.isEmpty() ? List.of(Map.of("dueOn", "", "amount", "")) : formInstalments);
      return Response.status(problem.status())
          .entity(announceForm(code, form, problem).render())
          .build();
    }
  }

  private static int size(List<String> values) {
    return values == null ? 0 : values.size();
  }

  private static Map<String, Object> money(String amount, String currency) {
    var money = new LinkedHashMap<String, Object>();
    money.put("amount", amount == null ? null : amount.trim().replace(",", ""));
    money.put("currency", currency);
    return money;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Not a pledge id at all: the same not-found page as another donor's pledge. */
  static String checkedId(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw new ServiceProblem(404, "Not Found", null, List.of());
    }
  }
}
