package org.jointappeal.console.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.jointappeal.console.services.PledgeService;
import org.jointappeal.console.web.Charts;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServiceProblem;

/**
 * The appeal page's cash-in forecast, loaded by the page (htmx) from pledge-service's {@code GET
 * /forecasts/cash}: a fan chart (p10 to p90 band, p50, expected) with the same figures as a table.
 */
@Path("/appeals/{code}/forecast")
@Produces(MediaType.TEXT_HTML)
public class ForecastFragment {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject @RestClient PledgeService pledges;

  @Inject
  @Location("appeal-forecast.html")
  Template fragment;

  @GET
  public TemplateInstance forecast(
      @PathParam("code") String code, @QueryParam("asOf") String asOf) {
    try {
      var forecast =
          ServiceAnswers.object(
              pledges.cashForecast(code, asOf == null || asOf.isBlank() ? null : asOf, "12"));
      @SuppressWarnings("unchecked")
      var months = (List<Map<String, Object>>) forecast.get("months");
      return fragment
          .data("forecast", forecast)
          .data("months", months)
          .data("chart", fanChart(months))
          .data("problem", null);
    } catch (ServiceProblem e) {
      return fragment
          .data("forecast", null)
          .data("months", List.of())
          .data("chart", null)
          .data("problem", e.detail());
    }
  }

  /** A line chart: p10 and p90 with the band between them filled, p50 and the expectation. */
  static String fanChart(List<Map<String, Object>> months) {
    List<String> labels = new ArrayList<>();
    Map<String, List<Object>> series = new LinkedHashMap<>();
    for (String s : List.of("p10", "p90", "p50", "expected")) {
      series.put(s, new ArrayList<>());
    }
    for (var m : months) {
      labels.add(String.valueOf(m.get("month")));
      series.forEach((name, values) -> values.add(Charts.amountOf(m.get(name))));
    }
    var datasets = new ArrayList<Map<String, Object>>();
    datasets.add(line("p10 (1 in 10 lower)", series.get("p10"), "#9ecae1", false));
    datasets.add(line("p90 (1 in 10 higher)", series.get("p90"), "#9ecae1", "-1"));
    datasets.add(line("p50 (median)", series.get("p50"), "#08519c", false));
    datasets.add(line("expected", series.get("expected"), "#e6550d", false));
    var config = new LinkedHashMap<String, Object>();
    config.put("type", "line");
    config.put("data", Map.of("labels", labels, "datasets", datasets));
    config.put("options", Map.of("scales", Map.of("y", Map.of("beginAtZero", true))));
    try {
      return JSON.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> line(
      String label, List<Object> values, String colour, Object fill) {
    var d = new LinkedHashMap<String, Object>();
    d.put("label", label);
    d.put("data", values);
    d.put("borderColor", colour);
    d.put("backgroundColor", colour + "66");
    d.put("fill", fill);
    d.put("pointRadius", 2);
    return d;
  }
}
