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
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jointappeal.console.services.AppealService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServiceProblem;
import org.jointappeal.console.web.Viewer;

/**
 * An appeal manager's editor: a new draft, a draft restated, a revision of a launched appeal, each
 * with the requirement-line editor. appeal-service decides who may; the pages are offered to appeal
 * managers only, and a problem it answers is shown next to the field it names.
 *
 * <p>Under {@code /editor/appeals}, not {@code /appeals/...}: {@link AppealPages} owns that path
 * and JAX-RS would match it first.
 */
@Path("/editor/appeals")
@Produces(MediaType.TEXT_HTML)
public class AppealEditorPages {

  @Inject @RestClient AppealService appeals;
  @Inject Viewer viewer;

  @Inject
  @Location("appeal-editor.html")
  Template editor;

  @Inject
  @Location("appeal-revision.html")
  Template revision;

  @GET
  @Path("/new")
  public TemplateInstance newDraft() {
    requireManager();
    var form = new LinkedHashMap<String, Object>();
    form.put("idempotencyKey", UUID.randomUUID().toString());
    return draftForm(null, form, new RequirementLineForm(List.of()), null);
  }

  @POST
  public Response create(
      @RestForm String idempotencyKey,
      @RestForm String code,
      @RestForm String title,
      @RestForm String agencies,
      @RestForm String periodStart,
      @RestForm String periodEnd,
      @RestForm String description,
      @RestForm List<String> lineId,
      @RestForm List<String> lineCountry,
      @RestForm List<String> lineAgency,
      @RestForm List<String> lineSector,
      @RestForm List<String> lineCategory,
      @RestForm List<String> linePriority,
      @RestForm List<String> lineDescription,
      @RestForm List<String> lineAmount,
      @RestForm List<String> lineCurrency) {
    var lines =
        RequirementLineForm.posted(
            lineId,
            lineCountry,
            lineAgency,
            lineSector,
            lineCategory,
            linePriority,
            lineDescription,
            lineAmount,
            lineCurrency);
    String appealCode = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    var request = draft(title, agencies, periodStart, periodEnd, description, lines);
    var body = new LinkedHashMap<String, Object>();
    body.put("code", blankToNull(appealCode));
    body.putAll(request);
    try {
      ServiceAnswers.object(appeals.create(idempotencyKey, body));
      return Response.seeOther(URI.create("/appeals/" + appealCode)).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
        throw problem;
      }
      var form = formOf(title, agencies, periodStart, periodEnd, description);
      form.put("code", appealCode);
      form.put("idempotencyKey", idempotencyKey);
      return Response.status(problem.status())
          .entity(draftForm(null, form, lines, problem).render())
          .build();
    }
  }

  @GET
  @Path("/{code}/draft")
  public TemplateInstance editDraft(@PathParam("code") String code) {
    requireManager();
    var answer = appeals.appeal(code);
    String etag = ServiceAnswers.etag(answer);
    var appeal = ServiceAnswers.object(answer);
    if (!"DRAFT".equals(appeal.get("status"))) {
      throw new ServiceProblem(
          422, "Not a draft", "A launched appeal changes through a revision.", List.of());
    }
    var form = new LinkedHashMap<String, Object>();
    form.put("code", code);
    form.put("etag", etag);
    form.put("title", appeal.get("title"));
    form.put("agencies", String.join(", ", strings(appeal.get("agencies"))));
    form.put("periodStart", appeal.get("periodStart"));
    form.put("periodEnd", appeal.get("periodEnd"));
    form.put("description", appeal.get("description"));
    return draftForm(code, form, RequirementLineForm.of(lines(appeal)), null);
  }

  @POST
  @Path("/{code}/draft")
  public Response saveDraft(
      @PathParam("code") String code,
      @RestForm String etag,
      @RestForm String title,
      @RestForm String agencies,
      @RestForm String periodStart,
      @RestForm String periodEnd,
      @RestForm String description,
      @RestForm List<String> lineId,
      @RestForm List<String> lineCountry,
      @RestForm List<String> lineAgency,
      @RestForm List<String> lineSector,
      @RestForm List<String> lineCategory,
      @RestForm List<String> linePriority,
      @RestForm List<String> lineDescription,
      @RestForm List<String> lineAmount,
      @RestForm List<String> lineCurrency) {
    var lines =
        RequirementLineForm.posted(
            lineId,
            lineCountry,
            lineAgency,
            lineSector,
            lineCategory,
            linePriority,
            lineDescription,
            lineAmount,
            lineCurrency);
    var request = draft(title, agencies, periodStart, periodEnd, description, lines);
    try {
      ServiceAnswers.object(appeals.update(code, etag, request));
      return Response.seeOther(URI.create("/appeals/" + code)).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
        throw problem;
      }
      var form = formOf(title, agencies, periodStart, periodEnd, description);
      form.put("code", code);
      form.put("etag", etag);
      return Response.status(problem.status())
          .entity(draftForm(code, form, lines, explained(problem, "draft")).render())
          .build();
    }
  }

  @GET
  @Path("/{code}/revision")
  public TemplateInstance newRevision(@PathParam("code") String code) {
    requireManager();
    var answer = appeals.appeal(code);
    var appeal = ServiceAnswers.object(answer);
    var form = new LinkedHashMap<String, Object>();
    form.put("etag", ServiceAnswers.etag(answer));
    form.put("idempotencyKey", UUID.randomUUID().toString());
    form.put("effectiveOn", LocalDate.now(ZoneOffset.UTC).toString());
    return revisionForm(appeal, form, RequirementLineForm.of(lines(appeal)), null);
  }

  @POST
  @Path("/{code}/revision")
  public Response revise(
      @PathParam("code") String code,
      @RestForm String etag,
      @RestForm String idempotencyKey,
      @RestForm String reason,
      @RestForm String effectiveOn,
      @RestForm List<String> lineId,
      @RestForm List<String> lineCountry,
      @RestForm List<String> lineAgency,
      @RestForm List<String> lineSector,
      @RestForm List<String> lineCategory,
      @RestForm List<String> linePriority,
      @RestForm List<String> lineDescription,
      @RestForm List<String> lineAmount,
      @RestForm List<String> lineCurrency) {
    var lines =
        RequirementLineForm.posted(
            lineId,
            lineCountry,
            lineAgency,
            lineSector,
            lineCategory,
            linePriority,
            lineDescription,
            lineAmount,
            lineCurrency);
    var request = new LinkedHashMap<String, Object>();
    request.put("reason", blankToNull(reason));
    request.put("effectiveOn", blankToNull(effectiveOn));
    request.put("requirementLines", lines.lines(true));
    try {
      ServiceAnswers.object(appeals.revise(code, etag, idempotencyKey, request));
      return Response.seeOther(URI.create("/appeals/" + code)).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
        throw problem;
      }
      var appeal = ServiceAnswers.object(appeals.appeal(code));
      var form = new LinkedHashMap<String, Object>();
      form.put("etag", etag);
      form.put("idempotencyKey", idempotencyKey);
      form.put("reason", reason);
      form.put("effectiveOn", effectiveOn);
      return Response.status(problem.status())
          .entity(revisionForm(appeal, form, lines, explained(problem, "appeal")).render())
          .build();
    }
  }

  private TemplateInstance draftForm(
      String code, Map<String, Object> form, RequirementLineForm lines, ServiceProblem problem) {
    return editor
        .data("viewer", viewer)
        .data("code", code)
        .data("form", form)
        .data("lines", lines.shown(problem == null ? null : problem::messageAt, "USD"))
        .data("problem", problem);
  }

  private TemplateInstance revisionForm(
      Map<String, Object> appeal,
      Map<String, Object> form,
      RequirementLineForm lines,
      ServiceProblem problem) {
    return revision
        .data("viewer", viewer)
        .data("appeal", appeal)
        .data("form", form)
        .data("lines", lines.shown(problem == null ? null : problem::messageAt, "USD"))
        .data("problem", problem);
  }

  /** The body of a draft, as POST /appeals (with its code) and PUT /appeals/{code} take it. */
  private static Map<String, Object> draft(
      String title,
      String agencies,
      String periodStart,
      String periodEnd,
      String description,
      RequirementLineForm lines) {
    var request = new LinkedHashMap<String, Object>();
    request.put("title", blankToNull(title));
    request.put("agencies", agencyList(agencies));
    request.put("periodStart", blankToNull(periodStart));
    request.put("periodEnd", blankToNull(periodEnd));
    request.put("description", blankToNull(description));
    request.put("requirementLines", lines.lines(false));
    return request;
  }

  private static Map<String, Object> formOf(
      String title, String agencies, String periodStart, String periodEnd, String description) {
    var form = new LinkedHashMap<String, Object>();
    form.put("title", title);
    form.put("agencies", agencies);
    form.put("periodStart", periodStart);
    form.put("periodEnd", periodEnd);
    form.put("description", description);
    return form;
  }

  /** "UNHCR, IOM" or "UNHCR IOM" -> ["UNHCR", "IOM"] */
  static List<String> agencyList(String agencies) {
    List<String> list = new ArrayList<>();
    if (agencies != null) {
      for (String agency : agencies.split("[,\\s]+")) {
        if (!agency.isBlank()) {
          list.add(agency.trim().toUpperCase(Locale.ROOT));
        }
      }
    }
    return list;
  }

  /** A version conflict says what to do; anything else as the service put it. */
  private static ServiceProblem explained(ServiceProblem problem, String what) {
    if (problem.status() == 409 || problem.status() == 412 || problem.status() == 428) {
      return new ServiceProblem(
          409,
          "Changed meanwhile",
          "Someone changed this "
              + what
              + " after you opened it. Open it again to see the new version, then redo your"
              + " change.",
          List.of());
    }
    return problem;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> lines(Map<String, Object> appeal) {
    Object lines = appeal.get("requirementLines");
    return lines == null ? List.of() : (List<Map<String, Object>>) lines;
  }

  private static List<String> strings(Object values) {
    List<String> list = new ArrayList<>();
    if (values instanceof List<?> items) {
      items.forEach(item -> list.add(String.valueOf(item)));
    }
    return list;
  }

  /**
   * The editor is offered to appeal managers only; anyone else gets the page appeal-service's 403
   * would give, before a form they could not submit.
   */
  private void requireManager() {
    if (!viewer.isAppealManager()) {
      throw new ServiceProblem(403, "Forbidden", null, List.of());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
