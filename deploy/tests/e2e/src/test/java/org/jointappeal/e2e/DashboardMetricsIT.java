package org.jointappeal.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jointappeal.localstack.Platform;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard (deploy/grafana/joint-appeal.json) asks only for metrics the running
 * services really expose on /q/metrics (their management port): a renamed meter or a misspelt query
 * would otherwise show an empty panel nobody notices.
 */
class DashboardMetricsIT {

  private static final Path DASHBOARD = Path.of("..", "..", "grafana", "joint-appeal.json");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

  private static JsonPath dashboard() {
    try {
      return JsonPath.from(Files.readString(DASHBOARD));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The panels that show data (rows only group them). */
  private static List<Map<String, Object>> panels() {
    List<Map<String, Object>> panels = dashboard().getList("panels");
    return panels.stream().filter(p -> !"row".equals(p.get("type"))).toList();
  }

  @SuppressWarnings("unchecked") // JSON objects and arrays as JsonPath returns them
  private static List<Map<String, Object>> targets(Map<String, Object> panel) {
    return (List<Map<String, Object>>) panel.getOrDefault("targets", List.of());
  }

  /** Metric names in a PromQL expression: what is left without labels, ranges and functions. */
  static Set<String> metricNames(String promql) {
    String bare =
        promql
            .replaceAll("\"[^\"]*\"", " ")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    var names = new TreeSet<String>();
    var matcher = IDENTIFIER.matcher(bare);
    while (matcher.find()) {
      String name = matcher.group().trim();
      if (matcher.group(1) == null && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static Set<String> exposedNames(String service) {
    String text =
        given()
            .baseUri(RunningPlatform.get().service(service).managementUrl())
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    var names = new TreeSet<String>();
    text.lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
    return names;
  }

  /** Requests, events and alerts on every service, so lazily registered meters exist. */
  private static void someActivity() {
    // appeal-events; funding-events; the gap alert on alert-events. Waits until pledge-service
    // has read the launch: a pledge announced before that is a 409 appeal-not-yet-known.
    String appeal = Fixtures.appealOpenForPledges();
    Fixtures.committed(appeal, "NOR", "300000.00");
    Api.as("finance", "notification-service")
        .queryParam("appealCode", appeal)
        .get("/alerts")
        .then()
        .statusCode(200);
  }

  @Test
  void everyMetricTheDashboardQueriesIsExposedByAService() {
    var wanted = new TreeSet<String>();
    for (var panel : panels()) {
      for (var target : targets(panel)) {
        wanted.addAll(metricNames((String) target.get("expr")));
      }
    }
    assertThat(wanted).contains("jointappeal_pledges", "http_server_requests_seconds_bucket");
    someActivity();

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              Map<String, Set<String>> exposed = new LinkedHashMap<>();
              for (String service : Platform.SERVICES) {
                exposed.put(service, exposedNames(service));
              }
              List<String> missing = new ArrayList<>();
              for (String name : wanted) {
                if (exposed.values().stream().noneMatch(names -> names.contains(name))) {
                  missing.add(name);
                }
              }
              assertThat(missing).as("dashboard metrics no service exposes").isEmpty();
            });
  }

  @Test
  void everyPanelHasTheTemplatedDatasourceAndAQuery() {
    assertThat(dashboard().getString("templating.list.find { it.type == 'datasource' }.name"))
        .isEqualTo("DS_PROMETHEUS");
    assertThat(panels()).isNotEmpty();
    for (var panel : panels()) {
      assertThat(panel.get("datasource"))
          .as("datasource of %s", panel.get("title"))
          .isEqualTo(Map.of("type", "prometheus", "uid", "${DS_PROMETHEUS}"));
      assertThat(targets(panel)).as("targets of %s", panel.get("title")).isNotEmpty();
      for (var target : targets(panel)) {
        assertThat((String) target.get("expr"))
            .as("a query of %s", panel.get("title"))
            .isNotBlank();
        assertThat(target.get("datasource")).isEqualTo(panel.get("datasource"));
      }
    }
  }

  @Test
  void metricNamesAreFoundInPromql() {
    assertThat(
            metricNames(
                "histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket"
                    + "{uri!~\"/q/.*\"}[$__rate_interval])))"))
        .containsExactly("http_server_requests_seconds_bucket");
    assertThat(metricNames("max by (status) (jointappeal_pledges) or vector(0)"))
        .containsExactly("jointappeal_pledges");
    assertThat(metricNames("sum by (job, topic) (kafka_consumer_fetch_manager_records_lag >= 0)"))
        .containsExactly("kafka_consumer_fetch_manager_records_lag");
  }
}
