package org.jointappeal.console.alert;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jointappeal.console.services.NotificationService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServicePage;
import org.jointappeal.console.web.ServiceProblem;
import org.jointappeal.console.web.Viewer;

/**
 * The alert rules and the silences, as notification-service lets the viewer see them; finance
 * officers and appeal managers also create and delete rules, and add and expire silences (the
 * auditor reads only: the forms are not offered, and the service would refuse them).
 */
@Path("/alert-rules")
@Produces(MediaType.TEXT_HTML)
public class AlertRulePages {

  static final List<String> KINDS =
      List.of(
          "FUNDING_GAP",
          "OVERDUE_INSTALMENT",
          "PLEDGE_CANCELLED",
          "PLEDGE_WRITTEN_OFF",
          "LARGE_PLEDGE",
          "UNMATCHED_RECEIPT");

  /** What the page says after a change (the redirect names it; nothing else is shown). */
  static final Map<String, String> DONE =
      Map.of(
          "rule-created", "Rule created.",
          "rule-deleted", "Rule deleted.",
          "silence-created", "Silence added.",
          "silence-expired", "Silence expired.");

  @Inject @RestClient NotificationService notifications;
  @Inject Viewer viewer;

  @Inject
  @Location("alert-rules.html")
  Template rules;

  /**
   * {@code rulesCursor}, {@code silencesCursor}: where the page of rules or of silences starts
   * (each list's "Next page" link gives its own); none: the first.
   */
  @GET
  public TemplateInstance rules(
      @QueryParam("done") String done,
      @QueryParam("rulesCursor") String rulesCursor,
      @QueryParam("silencesCursor") String silencesCursor) {
    return page(
        done,
        rulesCursor,
        silencesCursor,
        new LinkedHashMap<>(),
        null,
        new LinkedHashMap<>(),
        null);
  }

  private TemplateInstance page(
      String done,
      String rulesCursor,
      String silencesCursor,
      Map<String, Object> ruleForm,
      ServiceProblem ruleProblem,
      Map<String, Object> silenceForm,
      ServiceProblem silenceProblem) {
    var rulesPage = ServicePage.of(notifications.alertRules(ServicePage.SIZE, rulesCursor));
    var silencesPage = ServicePage.of(notifications.silences(ServicePage.SIZE, silencesCursor));
    var query = new LinkedHashMap<String, String>();
    query.put("rulesCursor", rulesCursor);
    query.put("silencesCursor", silencesCursor);
    ruleForm.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    ruleForm.putIfAbsent("severity", "warning");
    silenceForm.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    silenceForm.putIfAbsent("matchers", List.of());
    return rules
        .data("viewer", viewer)
        .data("mayChange", viewer.isAppealManager() || viewer.isFinanceOfficer())
        .data("kinds", KINDS)
        .data("done", done == null ? null : DONE.get(done))
        .data("severities", List.of("info", "warning", "critical"))
        .data("dimensions", List.of("country", "agency", "sector", "category", "priority"))
        .data("ruleForm", ruleForm)
        .data("ruleProblem", ruleProblem)
        .data("silenceForm", silenceForm)
        .data("silenceProblem", silenceProblem)
        .data("rules", rulesPage.items())
        .data("rulesNext", rulesPage.nextHref("/alert-rules", "rulesCursor", query))
        .data("rulesFirst", ServicePage.firstHref("/alert-rules", "rulesCursor", query))
        .data("silences", silencesPage.items())
        .data("silencesNext", silencesPage.nextHref("/alert-rules", "silencesCursor", query))
        .data("silencesFirst", ServicePage.firstHref("/alert-rules", "silencesCursor", query));
  }

  @POST
  public Response createRule(
      @RestForm String idempotencyKey,
      @RestForm String name,
      @RestForm String description,
      @RestForm String kind,
      @RestForm String appealCode,
      @RestForm String severity,
      @RestForm String thresholdPercent,
      @RestForm String fromPeriodSharePercent,
      @RestForm String groupBy,
      @RestForm String groupValue,
      @RestForm String activeFrom,
      @RestForm String minDaysOverdue,
      @RestForm String resolveAfter,
      @RestForm String minAmountUsd,
      @RestForm String minDaysUnallocated) {
    var form = new LinkedHashMap<String, Object>();
    form.put("idempotencyKey", idempotencyKey);
    form.put("name", name);
    form.put("description", description);
    form.put("kind", kind);
    form.put("appealCode", appealCode);
    form.put("severity", severity);
    form.put("thresholdPercent", thresholdPercent);
    form.put("fromPeriodSharePercent", fromPeriodSharePercent);
    form.put("groupBy", groupBy);
    form.put("groupValue", groupValue);
    form.put("activeFrom", activeFrom);
    form.put("minDaysOverdue", minDaysOverdue);
    form.put("resolveAfter", resolveAfter);
    form.put("minAmountUsd", minAmountUsd);
    form.put("minDaysUnallocated", minDaysUnallocated);
    var rule = new LinkedHashMap<String, Object>();
    form.forEach(
        (field, value) -> {
          if (!field.equals("idempotencyKey") && !field.equals("severity")) {
            rule.put(field, blankToNull((String) value));
          }
        });
    rule.put(
        "labels", blankToNull(severity) == null ? Map.of() : Map.of("severity", severity.trim()));
    for (String number : List.of("minDaysOverdue", "minDaysUnallocated")) {
      rule.put(number, wholeNumber((String) rule.get(number)));
    }
    try {
      ServiceAnswers.object(notifications.createAlertRule(idempotencyKey, rule));
      return Response.seeOther(URI.create("/alert-rules?done=rule-created")).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
        throw problem;
      }
      return Response.status(problem.status())
          .entity(page(null, null, null, form, problem, new LinkedHashMap<>(), null).render())
          .build();
    }
  }

  @POST
  @Path("/{ruleId}/deletion")
  public Response deleteRule(@PathParam("ruleId") String ruleId) {
    ServiceAnswers.text(notifications.deleteAlertRule(checkedId(ruleId)));
    return Response.seeOther(URI.create("/alert-rules?done=rule-deleted")).build();
  }

  @POST
  @Path("/silences")
  public Response createSilence(
      @RestForm String idempotencyKey,
      @RestForm List<String> matcherName,
      @RestForm List<String> matcherValue,
      @RestForm String startsAt,
      @RestForm String endsAt,
      @RestForm String comment) {
    var form = new LinkedHashMap<String, Object>();
    form.put("idempotencyKey", idempotencyKey);
    form.put("startsAt", startsAt);
    form.put("endsAt", endsAt);
    form.put("comment", comment);
    List<Map<String, Object>> matchers = new ArrayList<>();
    List<Map<String, String>> formMatchers = new ArrayList<>();
    int n = Math.max(size(matcherName), size(matcherValue));
    for (int i = 0; i < n; i++) {
      String name = i < size(matcherName) ? matcherName.get(i).trim() : "";
      String value = i < size(matcherValue) ? matcherValue.get(i).trim() : "";
      formMatchers.add(Map.of("name", name, "value", value));
      if (!name.isBlank() || !value.isBlank()) {
        var matcher = new LinkedHashMap<String, Object>();
        matcher.put("name", blankToNull(name));
        matcher.put("value", blankToNull(value));
        matchers.add(matcher);
      }
    }
    form.put("matchers", formMatchers);
    var silence = new LinkedHashMap<String, Object>();
    silence.put("matchers", matchers);
    silence.put("startsAt", instant(startsAt, "startsAt"));
    silence.put("endsAt", instant(endsAt, "endsAt"));
    silence.put("comment", blankToNull(comment));
    try {
      ServiceAnswers.object(notifications.createSilence(idempotencyKey, silence));
      return Response.seeOther(URI.create("/alert-rules?done=silence-created")).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
        throw problem;
      }
      return Response.status(problem.status())
          .entity(page(null, null, null, new LinkedHashMap<>(), null, form, problem).render())
          .build();
    }
  }

  @POST
  @Path("/silences/{silenceId}/expiry")
  public Response expireSilence(@PathParam("silenceId") String silenceId) {
    ServiceAnswers.text(notifications.expireSilence(checkedId(silenceId)));
    return Response.seeOther(URI.create("/alert-rules?done=silence-expired")).build();
  }

  /**
   * A {@code datetime-local} value is read as UTC (the page says so): notification-service takes
   * instants. Anything else goes as typed, for the service to refuse by name.
   */
  static String instant(String local, String field) {
    if (local == null || local.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(local.trim()).toInstant(ZoneOffset.UTC).toString();
    } catch (DateTimeParseException e) {
      return local.trim();
    }
  }

  private static Object wholeNumber(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return value; // the service names the field
    }
  }

  private static int size(List<String> values) {
    return values == null ? 0 : values.size();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Not an id at all: the same not-found page as a missing rule or silence. */
  private static String checkedId(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw new ServiceProblem(404, "Not Found", null, List.of());
    }
  }
}
