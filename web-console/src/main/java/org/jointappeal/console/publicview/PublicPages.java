package org.jointappeal.console.publicview;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jointappeal.console.services.PublicAppeals;
import org.jointappeal.console.web.Charts;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.Viewer;

/** What anyone may see without logging in: launched appeals and how well they are funded. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

  static final List<String> PUBLIC_DIMENSIONS = List.of("country", "sector");

  @Inject @RestClient PublicAppeals appeals;
  @Inject Viewer viewer;

  @Inject
  @Location("public/overview.html")
  Template overview;

  @Inject
  @Location("public/appeal.html")
  Template appealPage;

  @GET
  public TemplateInstance overview() {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Object> coverage = new ArrayList<>();
    for (var appeal : ServiceAnswers.list(appeals.appeals())) {
      String code = (String) appeal.get("code");
      var funding = ServiceAnswers.object(appeals.funding(code, null));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("appeal", appeal);
      row.put("funding", funding);
      rows.add(row);
      labels.add(code);
      coverage.add(funding.get("coveragePercent"));
    }
    return overview
        .data("viewer", viewer)
        .data("rows", rows)
        .data("coverageChart", Charts.coverage(labels, coverage));
  }

  @GET
  @Path("/public/appeals/{code}")
  public TemplateInstance appeal(@PathParam("code") String code) {
    Map<String, Object> appeal = null;
    for (var candidate : ServiceAnswers.list(appeals.appeals())) {
      if (code.equals(candidate.get("code"))) {
        appeal = candidate;
      }
    }
    Map<String, Object> dimensions = new LinkedHashMap<>();
    Map<String, Object> funding = null;
    for (String dimension : PUBLIC_DIMENSIONS) {
      funding = ServiceAnswers.object(appeals.funding(code, dimension)); // 404 for a draft
      dimensions.put(dimension, GroupView.of(dimension, funding));
    }
    return appealPage
        .data("viewer", viewer)
        .data("code", code)
        .data("appeal", appeal)
        .data("funding", funding)
        .data("dimensions", dimensions.values());
  }
}
