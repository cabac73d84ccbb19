package org.jointappeal.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.jointappeal.localstack.LocalStackConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what: every operation of the three services, called by six callers with real
 * Keycloak tokens, against the expected status. The table is the contract; docs/security.md shows
 * the same table (checked here), and every operation a service's OpenAPI document lists must be in
 * it, so a new endpoint cannot ship without a decided row.
 *
 * <p>Columns: anonymous (no token); donor NOR on its own data; donor NOR on Sweden's data (SWE's
 * pledge, receipt, donor entry; on data that belongs to no donor, the same call as NOR's own);
 * finance-officer; appeal-manager; auditor. Statuses: 401 no valid token; 403 the role may not do
 * this, or a donor acts for another donor; 404 a donor reads another donor's resource (it reads
 * like a missing one).
 */
class AuthorizationMatrixIT {

  /**
   * To add an endpoint: add its row. A GET needs nothing else if its path parameters have fixtures
   * (see {@link #pathValue}); any other method needs a request shape in {@link #request}.
   */
  static final String MATRIX =
      """
      service      method path                                             anonymous nor-own nor-on-swe finance manager auditor
      appeal       GET    /appeals                                         401       200     200        200     200     200
      appeal       POST   /appeals                                         401       403     403        403     201     403
      appeal       GET    /appeals/{code}                                  401       200     200        200     200     200
      appeal       PUT    /appeals/{code}                                  401       403     403        403     200     403
      appeal       POST   /appeals/{code}/close                            401       403     403        403     200     403
      appeal       GET    /appeals/{code}/funding                          401       200     200        200     200     200
      appeal       GET    /appeals/{code}/funding/flow-summary             401       200     200        200     200     200
      appeal       GET    /appeals/{code}/history                          401       403     403        200     200     200
      appeal       POST   /appeals/{code}/launch                           401       403     403        403     200     403
      appeal       GET    /appeals/{code}/revisions                        401       200     200        200     200     200
      appeal       POST   /appeals/{code}/revisions                        401       403     403        403     201     403
      appeal       GET    /appeals/{code}/revisions/{number}               401       200     200        200     200     200
      appeal       GET    /public/appeals                                  200       200     200        200     200     200
      appeal       GET    /public/appeals/{code}                           200       200     200        200     200     200
      appeal       GET    /public/appeals/{code}/funding                   200       200     200        200     200     200
      pledge       GET    /bank-statements                                 401       403     403        200     403     200
      pledge       POST   /bank-statements                                 401       403     403        201     403     403
      pledge       GET    /bank-statements/{bankStatementId}               401       403     403        200     403     200
      pledge       GET    /donors                                          401       200     200        200     403     200
      pledge       POST   /donors                                          401       403     403        201     403     403
      pledge       GET    /donors/{code}                                   401       200     404        200     403     200
      pledge       PUT    /donors/{code}                                   401       403     403        200     403     403
      pledge       GET    /exchange-rates                                  401       403     403        200     200     200
      pledge       POST   /exchange-rates                                  401       403     403        200     403     403
      pledge       PUT    /exchange-rates/{currency}/{effectiveFrom}       401       403     403        201     403     403
      pledge       GET    /exchange-rates/{currency}/{effectiveFrom}/versions 401    403     403        200     200     200
      pledge       GET    /exports/iati                                    401       403     403        200     403     200
      pledge       GET    /forecasts/cash                                  401       200     200        200     200     200
      pledge       POST   /forecasts/cash/projections                      401       403     403        200     200     403
      pledge       GET    /pledges                                         401       200     200        200     200     200
      pledge       POST   /pledges                                         401       201     403        201     403     403
      pledge       GET    /pledges/{pledgeId}                              401       200     404        200     200     200
      pledge       POST   /pledges/{pledgeId}/cancellation                 401       200     404        200     403     403
      pledge       POST   /pledges/{pledgeId}/commitment                   401       403     403        200     403     403
      pledge       GET    /pledges/{pledgeId}/history                      401       200     404        200     200     200
      pledge       POST   /pledges/{pledgeId}/revaluation                  401       403     403        200     403     403
      pledge       POST   /pledges/{pledgeId}/write-offs                   401       403     403        201     403     403
      pledge       GET    /pledges/{pledgeId}/write-offs/{writeOffId}      401       200     404        200     200     200
      pledge       GET    /receipts                                        401       200     200        200     403     200
      pledge       POST   /receipts                                        401       403     403        201     403     403
      pledge       GET    /receipts/{receiptId}                            401       200     404        200     403     200
      pledge       POST   /receipts/{receiptId}/allocations                401       403     403        201     403     403
      pledge       GET    /receipts/{receiptId}/allocations/{allocationId} 401       200     404        200     403     200
      pledge       GET    /reconciliation/appeals/{appealCode}             401       200     200        200     200     200
      pledge       GET    /reconciliation/donors/{donorCode}               401       200     404        200     200     200
      pledge       GET    /unmatched-receipts                              401       403     403        200     403     200
      pledge       GET    /unmatched-receipts/{entryId}                    401       403     403        200     403     200
      pledge       POST   /unmatched-receipts/{entryId}/donor-assignment   401       403     403        200     403     403
      pledge       POST   /unmatched-receipts/{entryId}/payer-account      401       403     403        200     403     403
      notification GET    /alert-rules                                     401       403     403        200     200     200
      notification POST   /alert-rules                                     401       403     403        201     201     403
      notification GET    /alert-rules/{ruleId}                            401       403     403        200     200     200
      notification PUT    /alert-rules/{ruleId}                            401       403     403        200     200     403
      notification DELETE /alert-rules/{ruleId}                            401       403     403        204     204     403
      notification GET    /alerts                                          401       200     200        200     200     200
      notification GET    /alerts/stream                                   401       200     200        200     200     200
      notification GET    /alerts/{alertId}                                401       200     404        200     200     200
      notification GET    /alerts/{alertId}/notifications                  401       200     404        200     200     200
      notification GET    /silences                                        401       403     403        200     200     200
      notification POST   /silences                                        401       403     403        201     201     403
      notification GET    /silences/{silenceId}                            401       403     403        200     200     200
      notification DELETE /silences/{silenceId}                            401       403     403        204     204     403
      notification GET    /subscriptions                                   401       200     200        200     200     403
      notification POST   /subscriptions                                   401       201     403        201     201     403
      notification GET    /subscriptions/{subscriptionId}                  401       200     404        404     404     403
      notification DELETE /subscriptions/{subscriptionId}                  401       204     404        404     404     403
      """;

  /** The callers of the columns, in order. */
  enum Caller {
    ANONYMOUS("anonymous", null, "NOR"),
    NOR_OWN("nor-own", "donor-nor", "NOR"),
    NOR_ON_SWE("nor-on-swe", "donor-nor", "SWE"),
    FINANCE("finance", "finance", "NOR"),
    MANAGER("manager", "manager", "NOR"),
    AUDITOR("auditor", "auditor", "NOR");

    final String column;
    final String user;

    /** Whose data the call is about: Sweden's in the nor-on-swe column, Norway's elsewhere. */
    final String owner;

    Caller(String column, String user, String owner) {
      this.column = column;
      this.user = user;
      this.owner = owner;
    }
  }

  record Row(String service, String method, String path, Map<Caller, Integer> expected) {
    String key() {
      return method + " " + path;
    }

    String serviceName() {
      return service + "-service";
    }
  }

  static final List<Row> ROWS = parse(MATRIX);

  // Data the rows read, made once for the class; writes get fresh data per call (see request()).
  static String appeal;
  static Map<String, Owned> owned = new LinkedHashMap<>();
  static String ruleId;
  static String silenceId;
  static String bankStatementId;
  static String entryId;

  /** A launched appeal revised once: two revisions and three history entries to page through. */
  static String revisedAppeal;

  /**
   * One donor's data: a written-off pledge (and the alert about it), a receipt allocated to another
   * pledge, and a subscription of the donor's user.
   */
  record Owned(
      String pledge,
      String writeOff,
      String receipt,
      String allocation,
      String alert,
      String subscription) {}

  @BeforeAll
  static void data() {
    appeal = Fixtures.appealOpenForPledges();
    for (String donor : List.of("NOR", "SWE")) {
      String pledge = Fixtures.committed(appeal, donor, "1000.00");
      String writeOff = Fixtures.writeOff(pledge);
      String receipt = Fixtures.receipt(donor, "200.00");
      String allocation =
          Fixtures.allocation(receipt, Fixtures.committed(appeal, donor, "500.00"), "200.00");
      owned.put(
          donor,
          new Owned(
              pledge,
              writeOff,
              receipt,
              allocation,
              Fixtures.alertAboutPledge(pledge),
              Fixtures.subscriptionOf(donorUser(donor))));
    }
    String[] statement = Fixtures.importedUnknownPayer();
    bankStatementId = statement[0];
    entryId = statement[1];
    ruleId =
        Api.as("finance", "notification-service")
            .get("/alert-rules")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    silenceId = Fixtures.silence(appeal);
    // a second page for every paged list of appeal-service and notification-service, whoever
    // may read it (see aListsNextPageLetsInWhomItsFirstPageLetsIn)
    revisedAppeal = Fixtures.launchedAppeal();
    Api.as("manager", "appeal-service")
        .body(revision())
        .post("/appeals/" + revisedAppeal + "/revisions")
        .then()
        .statusCode(201);
    Fixtures.silence(appeal); // the built-in rules are several already
    for (String user : List.of("donor-nor", "finance", "finance", "manager", "manager")) {
      Api.as(user, "notification-service")
          .body(
              // an appeal that never has alerts: nobody is notified of other tests' alerts
              """
              {"channel":"EMAIL","emailAddress":"matrix@example.org","appealCode":"E2E-NONE"}""")
          .post("/subscriptions")
          .then()
          .statusCode(201);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsTheStatusOfTheMatrix() {
    return ROWS.stream()
        .flatMap(
            row ->
                Stream.of(Caller.values())
                    .map(
                        caller ->
                            DynamicTest.dynamicTest(
                                row.key()
                                    + " as "
                                    + caller.column
                                    + " -> "
                                    + row.expected().get(caller),
                                () -> check(row, caller))));
  }

  private static void check(Row row, Caller caller) throws Exception {
    int expected = row.expected().get(caller);
    if (row.key().equals("GET /alerts/stream")) {
      checkStream(row, caller, expected);
      return;
    }
    Response response = send(row, caller, request(row, caller.owner));
    assertThat(response.statusCode())
        .as("%s as %s: %s", row.key(), caller.column, response.body().asString())
        .isEqualTo(expected);
    if (expected == 403 || expected == 404) {
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
    }
  }

  /**
   * A live stream answers its headers with its first event, so a caller let in is one whose
   * connection is held open; a refusal is answered at once.
   */
  private static void checkStream(Row row, Caller caller, int expected) throws Exception {
    var builder =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(RunningPlatform.url(row.serviceName()) + row.path()))
            .header("Accept", "text/event-stream");
    if (caller.user != null) {
      builder.header("Authorization", "Bearer " + RunningPlatform.token(caller.user));
    }
    var client = java.net.http.HttpClient.newHttpClient();
    var answer =
        client.sendAsync(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    try {
      var response = answer.get(3, java.util.concurrent.TimeUnit.SECONDS);
      response.body().close();
      assertThat(response.statusCode())
          .as("%s as %s", row.key(), caller.column)
          .isEqualTo(expected);
      if (expected == 200) {
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .startsWith("text/event-stream");
      }
    } catch (java.util.concurrent.TimeoutException heldOpen) {
      assertThat(expected)
          .as("%s as %s: the stream was held open, the caller was let in", row.key(), caller.column)
          .isEqualTo(200);
    } finally {
      answer.cancel(true);
    }
  }

  /**
   * The paged lists whose fixtures (see {@link #data}) give a second page to every caller the
   * matrix lets in. (An alert's notification log grows only as the dispatcher notifies, so its
   * cursor is checked in notification-service's own tests.)
   */
  static final Set<String> PAGED_WITH_A_SECOND_PAGE =
      Set.of(
          "GET /appeals",
          "GET /public/appeals",
          "GET /appeals/{code}/revisions",
          "GET /appeals/{code}/history",
          "GET /alert-rules",
          "GET /silences",
          "GET /subscriptions");

  /**
   * A cursor is no way around the rules: whoever the matrix lets read a list's first page follows
   * its {@code Link rel="next"} to the second with the same answer, and gets the next items.
   */
  @TestFactory
  Stream<DynamicTest> aListsNextPageLetsInWhomItsFirstPageLetsIn() {
    return ROWS.stream()
        .filter(row -> PAGED_WITH_A_SECOND_PAGE.contains(row.key()))
        .flatMap(
            row ->
                Stream.of(Caller.values())
                    .filter(caller -> row.expected().get(caller) == 200)
                    .map(
                        caller ->
                            DynamicTest.dynamicTest(
                                row.key() + " next page as " + caller.column,
                                () -> followNext(row, caller))));
  }

  private static void followNext(Row row, Caller caller) {
    Response first = send(row, caller, request(row, caller.owner));
    assertThat(first.statusCode()).as("%s as %s", row.key(), caller.column).isEqualTo(200);
    String link = first.header("Link");
    assertThat(link)
        .as("%s as %s: a Link to the second page", row.key(), caller.column)
        .isNotNull()
        .endsWith(">; rel=\"next\"");
    String next = link.substring(1, link.indexOf('>'));
    assertThat(next).contains("limit=1").contains("cursor=");
    Response second = send(row, caller, Request.of(next));
    assertThat(second.statusCode())
        .as("%s as %s, page 2: %s", row.key(), caller.column, second.body().asString())
        .isEqualTo(200);
    assertThat(second.jsonPath().getList("$")).hasSize(1);
    assertThat(second.body().asString()).isNotEqualTo(first.body().asString());
  }

  /** An endpoint of each service the auditor may read, for the token tests. */
  static final Map<String, String> AUDITOR_READS =
      Map.of(
          "appeal-service", "/appeals",
          "pledge-service", "/pledges",
          "notification-service", "/alerts");

  @TestFactory
  Stream<DynamicTest> aTokenThatIsWrongInAnyWayIsUnauthorizedByEveryService() throws Exception {
    String real = RunningPlatform.token("auditor");
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("signature tampered", BadTokens.tamperedSignature(real));
    tokens.put("signed by another key", BadTokens.signedByAnotherKey(real));
    tokens.put("unsigned (alg none)", BadTokens.unsigned(real));
    tokens.put("expired", BadTokens.expired());
    tokens.put("from another realm", BadTokens.fromAnotherRealm());
    tokens.put("for another audience", BadTokens.forAnotherAudience());
    return tokens.entrySet().stream()
        .flatMap(
            token ->
                AUDITOR_READS.entrySet().stream()
                    .map(
                        read ->
                            DynamicTest.dynamicTest(
                                token.getKey() + ": " + read.getKey() + " GET " + read.getValue(),
                                () ->
                                    given()
                                        .baseUri(RunningPlatform.url(read.getKey()))
                                        .auth()
                                        .oauth2(token.getValue())
                                        .get(read.getValue())
                                        .then()
                                        .statusCode(401))));
  }

  /**
   * A donor's cash forecast of an appeal holds its own pledges only: on a fresh appeal Norway has
   * USD 40.00 of USD 100.00 paid, Sweden USD 70.00 of USD 200.00; Norway's forecast counts its USD
   * 40.00 paid and at most its USD 60.00 open, the finance officer's both donors'.
   */
  @Test
  void aDonorsCashForecastOfAnAppealHoldsOnlyItsOwnPledges() {
    String shared = Fixtures.appealOpenForPledges();
    Fixtures.allocation(
        Fixtures.receipt("NOR", "40.00"), Fixtures.committed(shared, "NOR", "100.00"), "40.00");
    Fixtures.allocation(
        Fixtures.receipt("SWE", "70.00"), Fixtures.committed(shared, "SWE", "200.00"), "70.00");

    var nor = cashForecast("donor-nor", shared);
    var finance = cashForecast("finance", shared);

    assertThat(nor.getString("donorCode")).isEqualTo("NOR");
    assertThat(nor.getString("periodEnd.paidAsOf.amount")).isEqualTo("40.00");
    assertThat(
            nor.getList("months.expected.amount", String.class).stream()
                .map(java.math.BigDecimal::new)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
        .isLessThanOrEqualTo(new java.math.BigDecimal("60.00"));
    assertThat(finance.getString("donorCode")).isNull();
    assertThat(finance.getString("periodEnd.paidAsOf.amount")).isEqualTo("110.00");
  }

  private static io.restassured.path.json.JsonPath cashForecast(String user, String appealCode) {
    return Api.as(user, "pledge-service")
        .queryParam("appealCode", appealCode)
        .queryParam("asOf", "1997-10-31")
        .queryParam("months", "3")
        .get("/forecasts/cash")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The control for the bad tokens: the same auditor's real token is let in. */
  @Test
  void theAuditorsRealTokenIsAcceptedByEveryService() {
    AUDITOR_READS.forEach(
        (service, path) ->
            given()
                .baseUri(RunningPlatform.url(service))
                .auth()
                .oauth2(RunningPlatform.token("auditor"))
                .get(path)
                .then()
                .statusCode(200));
  }

  @Test
  void everyOperationOfTheServicesIsInTheMatrix() {
    for (String service : List.of("appeal", "pledge", "notification")) {
      Map<String, Object> paths =
          given()
              .baseUri(RunningPlatform.url(service + "-service"))
              .queryParam("format", "json")
              .get("/q/openapi")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getMap("paths");
      Set<String> published = new TreeSet<>();
      paths.forEach(
          (path, operations) ->
              ((Map<?, ?>) operations)
                  .keySet()
                  .forEach(
                      method -> {
                        String m = method.toString().toUpperCase();
                        if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
                            .contains(m)) {
                          published.add(m + " " + path);
                        }
                      }));
      Set<String> inMatrix = new TreeSet<>();
      ROWS.stream().filter(r -> r.service().equals(service)).forEach(r -> inMatrix.add(r.key()));
      assertThat(inMatrix)
          .as(
              "%s-service: operations in its OpenAPI document must each have a row in"
                  + " AuthorizationMatrixIT.MATRIX (and docs/security.md), and rows must name"
                  + " real operations",
              service)
          .containsExactlyInAnyOrderElementsOf(published);
    }
  }

  @Test
  void theDocumentedMatrixIsTheTestedOne() throws IOException {
    Path doc = LocalStackConfig.load().repoRoot().resolve("docs/security.md");
    String text = Files.readString(doc);
    String start = "<!-- authorization-matrix:start -->\n";
    String end = "<!-- authorization-matrix:end -->";
    assertThat(text).contains(start).contains(end);
    String documented = text.substring(text.indexOf(start) + start.length(), text.indexOf(end));
    String expected = markdown();
    Path rendered = Path.of("target", "authorization-matrix.md");
    Files.createDirectories(rendered.getParent());
    Files.writeString(rendered, expected);
    assertThat(documented)
        .as("docs/security.md's matrix differs from the test's; the test's is in %s", rendered)
        .isEqualTo(expected);
  }

  /** The matrix as the markdown table of docs/security.md. */
  static String markdown() {
    StringBuilder table = new StringBuilder();
    table.append(
        "| service | operation | anonymous | donor NOR, own data | donor NOR, Sweden's data"
            + " | finance-officer | appeal-manager | auditor |\n");
    table.append("|---|---|---|---|---|---|---|---|\n");
    for (Row row : ROWS) {
      table.append("| ").append(row.service()).append(" | `").append(row.key()).append("` |");
      for (Caller caller : Caller.values()) {
        table.append(' ').append(row.expected().get(caller)).append(" |");
      }
      table.append('\n');
    }
    return table.toString();
  }

  static List<Row> parse(String matrix) {
    List<Row> rows = new ArrayList<>();
    List<String> lines = matrix.lines().filter(l -> !l.isBlank()).toList();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length != 3 + Caller.values().length) {
        throw new IllegalArgumentException("a matrix row needs 9 cells: " + line);
      }
      Map<Caller, Integer> expected = new LinkedHashMap<>();
      for (Caller caller : Caller.values()) {
        expected.put(caller, Integer.parseInt(cells[3 + caller.ordinal()]));
      }
      rows.add(new Row(cells[0], cells[1], cells[2], expected));
    }
    return rows;
  }

  // --- requests -----------------------------------------------------------------------------

  record Request(String path, String contentType, String body, Map<String, String> headers) {
    static Request of(String path) {
      return new Request(path, null, null, Map.of());
    }

    static Request json(String path, String body) {
      return new Request(path, "application/json", body, Map.of());
    }

    Request header(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Request(path, contentType, body, all);
    }
  }

  /**
   * What a call sends. Writes get fresh data of their own for every call, so that one caller's
   * success cannot change what the next caller meets.
   */
  static Request request(Row row, String owner) {
    return switch (row.key()) {
      // the paged lists are called with their paging parameters: every role meets the same
      // answer with them as without (docs/problems.md#paging)
      case "GET /appeals" -> Request.of("/appeals?limit=1");
      case "GET /pledges" -> Request.of("/pledges?limit=1&appealCode=" + appeal);
      case "GET /receipts" -> Request.of("/receipts?limit=1");
      case "GET /alerts" -> Request.of("/alerts?limit=1");
      case "GET /donors",
          "GET /bank-statements",
          "GET /unmatched-receipts",
          "GET /exchange-rates",
          "GET /exchange-rates/{currency}/{effectiveFrom}/versions",
          "GET /pledges/{pledgeId}/history",
          "GET /reconciliation/donors/{donorCode}" ->
          Request.of(fill(row, owner) + "?limit=1");
      case "GET /public/appeals" -> Request.of("/public/appeals?limit=1");
      case "GET /appeals/{code}/revisions" ->
          Request.of("/appeals/" + revisedAppeal + "/revisions?limit=1");
      case "GET /appeals/{code}/history" ->
          Request.of("/appeals/" + revisedAppeal + "/history?limit=1");
      case "GET /alert-rules" -> Request.of("/alert-rules?limit=1");
      case "GET /silences" -> Request.of("/silences?limit=1");
      case "GET /subscriptions" -> Request.of("/subscriptions?limit=1");
      case "GET /alerts/{alertId}/notifications" ->
          Request.of("/alerts/" + owned.get(owner).alert() + "/notifications?limit=1");
      case "POST /appeals" -> Request.json("/appeals", Api.appeal(Api.uniqueAppealCode()));
      case "PUT /appeals/{code}" -> {
        var draft = Fixtures.draftAppeal();
        yield Request.json("/appeals/" + draft.code(), updatedDraft())
            .header("If-Match", draft.etag());
      }
      case "POST /appeals/{code}/launch" ->
          Request.of("/appeals/" + Fixtures.draftAppeal().code() + "/launch");
      case "POST /appeals/{code}/revisions" ->
          Request.json("/appeals/" + Fixtures.launchedAppeal() + "/revisions", revision());
      case "POST /appeals/{code}/close" ->
          Request.of("/appeals/" + Fixtures.launchedAppeal() + "/close");
      case "POST /donors" ->
          Request.json("/donors", Fixtures.organisation(Fixtures.newOrganisationCode()));
      case "PUT /donors/{code}" ->
          Request.json(
              "/donors/" + Fixtures.donor(), "{\"name\":\"Renamed organisation\",\"ibans\":[]}");
      case "POST /exchange-rates" ->
          new Request(
              "/exchange-rates",
              "text/csv",
              "currency,unitsPerUsd,effectiveFrom\nSEK,7.71," + Fixtures.newRateDate() + "\n",
              Map.of());
      case "PUT /exchange-rates/{currency}/{effectiveFrom}" ->
          Request.json(
              "/exchange-rates/SEK/" + Fixtures.newRateDate(), "{\"unitsPerUsd\":\"7.71\"}");
      case "POST /pledges" -> Request.json("/pledges", Api.pledge(appeal, owner, "100.00", "USD"));
      case "POST /pledges/{pledgeId}/commitment" ->
          Request.json(
              "/pledges/" + Fixtures.announced(appeal, owner, "100.00") + "/commitment",
              "{\"agreementReference\":\"AGR-MATRIX\",\"signedOn\":\"1997-09-15\"}");
      case "POST /pledges/{pledgeId}/cancellation" ->
          Request.json(
              "/pledges/" + Fixtures.announced(appeal, owner, "100.00") + "/cancellation",
              "{\"cancelledOn\":\"1997-08-15\",\"reason\":\"Funds redirected\"}");
      case "POST /pledges/{pledgeId}/revaluation" ->
          Request.json(
              "/pledges/" + Fixtures.announced(appeal, owner, "100.00") + "/revaluation",
              "{\"revaluedOn\":\"1997-08-20\",\"reason\":\"rate corrected\"}");
      case "POST /pledges/{pledgeId}/write-offs" ->
          Request.json(
              "/pledges/" + Fixtures.committed(appeal, owner, "100.00") + "/write-offs",
              "{\"reason\":\"Will not be paid\",\"writtenOffOn\":\"1998-03-31\"}");
      case "POST /receipts" ->
          Request.json(
              "/receipts",
              """
              {"donorCode":"%s","amount":{"amount":"50.00","currency":"USD"},
               "valueDate":"1997-10-15","bankReference":"MATRIX-%s"}"""
                  .formatted(owner, UUID.randomUUID()));
      case "POST /receipts/{receiptId}/allocations" ->
          Request.json(
              "/receipts/" + Fixtures.receipt(owner, "50.00") + "/allocations",
              "{\"pledgeId\":\"%s\",\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"}}"
                  .formatted(Fixtures.committed(appeal, owner, "100.00")));
      case "POST /alert-rules" ->
          Request.json(
              "/alert-rules",
              Fixtures.rule("matrix-" + UUID.randomUUID().toString().substring(0, 8), appeal));
      case "PUT /alert-rules/{ruleId}" ->
          Request.json(
              "/alert-rules/" + Fixtures.alertRule(appeal),
              Fixtures.rule("matrix-" + UUID.randomUUID().toString().substring(0, 8), appeal));
      case "DELETE /alert-rules/{ruleId}" ->
          Request.of("/alert-rules/" + Fixtures.alertRule(appeal));
      case "POST /silences" -> Request.json("/silences", Fixtures.silenceBody(appeal));
      case "DELETE /silences/{silenceId}" -> Request.of("/silences/" + Fixtures.silence(appeal));
      case "GET /exports/iati" -> Request.of("/exports/iati?appeal=" + appeal);
      case "GET /forecasts/cash" ->
          Request.of("/forecasts/cash?appealCode=" + appeal + "&asOf=1997-10-31&months=3");
      case "POST /forecasts/cash/projections" ->
          Request.of("/forecasts/cash/projections?appealCode=" + appeal + "&asOf=1997-07-31");
      case "POST /bank-statements" ->
          new Request(
              "/bank-statements",
              "application/xml",
              Fixtures.statementWithUnknownPayer(),
              Map.of());
      case "POST /unmatched-receipts/{entryId}/payer-account" ->
          Request.json(
              "/unmatched-receipts/" + Fixtures.importedUnknownPayer()[1] + "/payer-account",
              "{\"donorCode\":\"%s\"}".formatted(owner));
      case "POST /unmatched-receipts/{entryId}/donor-assignment" ->
          Request.json(
              "/unmatched-receipts/" + Fixtures.importedUnknownPayer()[1] + "/donor-assignment",
              "{\"donorCode\":\"%s\"}".formatted(owner));
      case "POST /subscriptions" ->
          Request.json(
              "/subscriptions",
              "{\"channel\":\"EMAIL\",\"emailAddress\":\"matrix@example.org\",\"donorCode\":\"%s\"}"
                  .formatted(owner));
      case "DELETE /subscriptions/{subscriptionId}" ->
          Request.of("/subscriptions/" + Fixtures.subscriptionOf(donorUser(owner)));
      default -> {
        if (!row.method().equals("GET")) {
          throw new IllegalStateException(
              row.key() + " has no request shape: add a case to AuthorizationMatrixIT.request");
        }
        yield Request.of(fill(row, owner));
      }
    };
  }

  /** The realm's user of a donor: donor-nor for NOR. */
  static String donorUser(String donor) {
    return "donor-" + donor.toLowerCase(java.util.Locale.ROOT);
  }

  private static String fill(Row row, String owner) {
    Matcher parameter = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(row.path());
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      parameter.appendReplacement(path, pathValue(row, parameter.group(1), owner));
    }
    parameter.appendTail(path);
    return path.toString();
  }

  /** The value of a path parameter of a read: the class's data, the owner's where it has one. */
  static String pathValue(Row row, String parameter, String owner) {
    Owned data = owned.get(owner);
    return switch (parameter) {
      case "code" -> row.path().startsWith("/donors") ? owner : appeal;
      case "number" -> "0";
      case "pledgeId" -> data.pledge();
      case "writeOffId" -> data.writeOff();
      case "receiptId" -> data.receipt();
      case "allocationId" -> data.allocation();
      case "alertId" -> data.alert();
      case "subscriptionId" -> data.subscription();
      case "appealCode" -> appeal;
      case "donorCode" -> owner;
      case "bankStatementId" -> bankStatementId;
      case "entryId" -> entryId;
      case "ruleId" -> ruleId;
      case "silenceId" -> silenceId;
      case "currency" -> "NOK";
      case "effectiveFrom" -> "1997-07-01";
      default ->
          throw new IllegalStateException(
              "no fixture for {" + parameter + "} in " + row.key() + ": add one to pathValue");
    };
  }

  private static Response send(Row row, Caller caller, Request request) {
    var spec = given().baseUri(RunningPlatform.url(row.serviceName()));
    if (caller.user != null) {
      spec.auth().oauth2(RunningPlatform.token(caller.user));
    }
    if (request.body() != null) {
      spec.contentType(request.contentType()).body(request.body());
    }
    // creating POSTs want one; the others ignore it
    spec.header("Idempotency-Key", UUID.randomUUID().toString());
    request.headers().forEach(spec::header);
    return spec.request(row.method(), request.path());
  }

  private static String updatedDraft() {
    return """
        {"title":"Restated draft","agencies":["UNHCR"],"periodStart":"1997-01-01",
         "periodEnd":"1997-12-31","description":null,
         "requirementLines":[{"country":"GEO","agency":"UNHCR","sector":"PROTECTION",
           "category":"INTERNALLY_DISPLACED_PERSONS","priority":"EMERGENCY",
           "amount":{"amount":"100000.00","currency":"USD"}}]}""";
  }

  private static String revision() {
    return """
        {"reason":"Mid-year review","effectiveOn":"1997-07-15",
         "requirementLines":[{"country":"GEO","agency":"UNHCR","sector":"PROTECTION",
           "category":"INTERNALLY_DISPLACED_PERSONS","priority":"EMERGENCY",
           "amount":{"amount":"700000.00","currency":"USD"}}]}""";
  }
}
