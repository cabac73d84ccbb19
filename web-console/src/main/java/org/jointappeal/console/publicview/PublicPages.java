package org.jointappeal.console.publicview;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jointappeal.console.services.PublicAppeals;
import org.jointappeal.console.web.Charts;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServicePage;
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

  /** {@code cursor}: where the page of appeals starts (the "Next page" link's); none: the first. */
  @GET
  public TemplateInstance overview(@QueryParam("cursor") String cursor) {
    var page = ServicePage.of(appeals.appeals(ServicePage.SIZE, cursor));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Object> coverage = new ArrayList<>();
    for (var appeal : page.items()) {
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
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", page.nextHref("/", "cursor", Map.of()))
        .data("coverageChart", Charts.coverage(labels, coverage));
  }

  @GET
  @Path("/public/appeals/{code}")
  public TemplateInstance appeal(@PathParam("code") String code) {
    var appeal = ServiceAnswers.object(appeals.appeal(code)); // 404 for a draft
    Map<String, Object> dimensions = new LinkedHashMap<>();
    Map<String, Object> funding = null;
    for (String dimension : PUBLIC_DIMENSIONS) {
      funding = ServiceAnswers.object(appeals.funding(code, dimension));
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
