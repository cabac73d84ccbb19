package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jointappeal.localstack.ConsoleSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may open what in the web console: every route of the console, called with the session of a
 * real login through Keycloak's login form by six callers, against the expected status. The console
 * decides nothing itself (every answer comes from a service called with the user's own token), so
 * this table is the services' matrix ({@link AuthorizationMatrixIT}) as a browser meets it, plus
 * what the console adds: a login redirect for anonymous callers, and forms offered only to the
 * roles that may submit them.
 *
 * <p>Columns: anonymous (no session; 302 to Keycloak's login form); donor NOR on its own data;
 * donor SWE on NOR's data (NOR's pledge, subscription; on data that belongs to no donor, the same
 * call as NOR's); finance officer; appeal manager; auditor. A write is sent with a body the service
 * refuses (422: the amount or file is not readable; 400: fields missing) where a valid one would
 * change shared data: 400/422 says the caller was let in, 403 that it was not. 303 is a write done,
 * redirected to its page. A refused action on a pledge the caller may read is answered with the
 * pledge's page and the refusal next to the action (403); on another donor's pledge the page itself
 * is not found (404), whatever the action.
 */
class ConsoleAuthorizationIT {

  static final String MATRIX =
      """
      method path                                                 anonymous nor swe finance manager auditor
      GET    /                                                    200       200 200 200     200     200
      GET    /public/appeals/{appeal}                             200       200 200 200     200     200
      GET    /home                                                302       200 200 200     200     200
      GET    /appeals/{appeal}                                    302       200 200 200     200     200
      GET    /appeals/{appeal}/figures                            302       200 200 200     200     200
      GET    /appeals/{appeal}/funding.csv                        302       200 200 200     200     200
      GET    /pledges                                             302       200 200 200     200     200
      GET    /pledges?appeal={appeal}                             302       200 200 200     200     200
      GET    /pledges/new?appeal={appeal}                         302       200 200 200     403     403
      GET    /pledges/{norPledge}                                 302       200 404 200     200     200
      GET    /receipts                                            302       200 200 200     403     200
      GET    /bank-statements                                     302       403 403 200     403     200
      GET    /bank-statements/{statement}                         302       403 403 200     403     200
      GET    /bank-statements/{statement}/progress                302       403 403 200     403     200
      GET    /unmatched-receipts                                  302       403 403 200     403     200
      GET    /exchange-rates                                      302       403 403 200     200     200
      GET    /reconciliation                                      302       200 200 200     200     200
      GET    /reconciliation.csv?appeal={appeal}                  302       200 200 200     200     200
      GET    /iati.xml?appeal={appeal}                            302       403 403 200     403     200
      GET    /alert-rules                                         302       403 403 200     200     200
      GET    /subscriptions                                       302       200 200 200     200     403
      GET    /editor/appeals/new                                  302       403 403 403     200     403
      GET    /editor/appeals/{draft}/draft                        302       403 403 403     200     403
      GET    /editor/appeals/{appeal}/revision                    302       403 403 403     200     403
      GET    /live/alerts                                         302       200 200 200     200     200
      POST   /pledges                                             302       422 422 422     403     403
      POST   /pledges/{freshNorPledge}/commitment                 302       403 404 303     403     403
      POST   /pledges/{freshNorPledge}/cancellation               302       303 404 303     403     403
      POST   /pledges/{freshNorCommitted}/write-off               302       403 404 303     403     403
      POST   /bank-statements                                     302       403 403 422     403     403
      POST   /exchange-rates                                      302       403 403 422     403     403
      POST   /unmatched-receipts/{freshEntry}/donor-assignment    302       403 403 303     403     403
      POST   /unmatched-receipts/{entry}/allocation               302       403 403 404     403     403
      POST   /appeals/{freshDraft}/launch                         302       403 403 403     303     403
      POST   /appeals/{freshLaunched}/close                       302       403 403 403     303     403
      POST   /editor/appeals                                      302       403 403 403     400     403
      POST   /editor/appeals/{draft}/draft                        302       403 403 403     400     403
      POST   /editor/appeals/{appeal}/revision                    302       403 403 403     400     403
      POST   /alert-rules                                         302       403 403 400     400     403
      POST   /alert-rules/{unknownId}/deletion                    302       403 403 404     404     403
      POST   /alert-rules/silences                                302       403 403 400     400     403
      POST   /alert-rules/silences/{unknownId}/expiry             302       403 403 404     404     403
      POST   /subscriptions                                       302       400 400 400     400     403
      POST   /subscriptions/{freshNorSubscription}/deletion       302       303 404 404     404     403
      """;

  enum Caller {
    ANONYMOUS("anonymous", null),
    NOR("nor", "donor-nor"),
    SWE("swe", "donor-swe"),
    FINANCE("finance", "finance"),
    MANAGER("manager", "manager"),
    AUDITOR("auditor", "auditor");

    final String column;
    final String user;

    Caller(String column, String user) {
      this.column = column;
      this.user = user;
    }
  }

  record Row(String method, String path, Map<Caller, Integer> expected) {
    String key() {
      return method + " " + path;
    }
  }

  static final List<Row> ROWS = parse(MATRIX);

  private static String console;
  private static final Map<Caller, ConsoleSession> SESSIONS = new ConcurrentHashMap<>();

  // read by many rows; a write gets fresh data per call (see FRESH)
  private static String appeal;
  private static String draft;
  private static String norPledge;
  private static String norWrittenOff;
  private static String statement;
  private static String entry;

  /** Data a write changes: made anew for each call, so no column depends on another's. */
  private static final Map<String, Supplier<String>> FRESH =
      Map.of(
          "freshNorPledge", () -> Fixtures.announced(appeal, "NOR", "10.00"),
          "freshNorCommitted", () -> Fixtures.committed(appeal, "NOR", "10.00"),
          "freshEntry", () -> Fixtures.importedUnknownPayer()[1],
          "freshDraft", () -> Fixtures.draftAppeal().code(),
          "freshLaunched", Fixtures::launchedAppeal,
          "freshNorSubscription", () -> Fixtures.subscriptionOf("donor-nor"));

  @BeforeAll
  static void data() {
    console = RunningPlatform.url("web-console");
    appeal = Fixtures.appealOpenForPledges();
    draft = Fixtures.draftAppeal().code();
    norPledge = Fixtures.committed(appeal, "NOR", "1000.00");
    Fixtures.committed(appeal, "SWE", "2000.00");
    norWrittenOff = Fixtures.committed(appeal, "NOR", "300.00");
    Fixtures.writeOff(norWrittenOff);
    Fixtures.receipt("NOR", "200.00");
    Fixtures.subscriptionOf("donor-nor");
    String[] imported = Fixtures.importedUnknownPayer();
    statement = imported[0];
    entry = imported[1];
  }

  private static ConsoleSession session(Caller caller) {
    return SESSIONS.computeIfAbsent(
        caller,
        c ->
            c.user == null
                ? ConsoleSession.anonymous(console)
                : ConsoleSession.loggedIn(console, c.user));
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsTheStatusOfTheMatrixOnEveryConsoleRoute() {
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

  private static void check(Row row, Caller caller) {
    int expected = row.expected().get(caller);
    String path = resolve(row.path(), caller);
    // an anonymous caller starts afresh each time: every login redirect leaves a state cookie
    var session = caller == Caller.ANONYMOUS ? ConsoleSession.anonymous(console) : session(caller);
    if (row.key().equals("GET /live/alerts")) {
      var stream = session.stream(path, Duration.ofSeconds(5));
      assertThat(stream.status()).as("%s as %s", row.key(), caller.column).isEqualTo(expected);
      if (expected == 200) {
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.received()).as("the first event").contains("event:alerts");
      }
      return;
    }
    HttpResponse<String> response =
        row.method().equals("GET") ? session.get(path) : write(row, session, path);
    assertThat(response.statusCode())
        .as("%s as %s (%s): %s", row.key(), caller.column, path, excerpt(response.body()))
        .isEqualTo(expected);
    if (expected == 302) {
      assertThat(response.headers().firstValue("Location").orElse(""))
          .as("an anonymous caller is sent to Keycloak's login")
          .contains("/realms/joint-appeal/protocol/openid-connect/auth");
    }
    if (row.method().equals("GET") && (expected == 403 || expected == 404)) {
      assertThat(response.body())
          .as("the refusal is a page of its own, nothing of what was asked for")
          .contains(expected == 404 ? "Not found" : "Not allowed");
    }
  }

  /** The body each write sends: see the class comment. */
  private static HttpResponse<String> write(Row row, ConsoleSession session, String path) {
    String route = row.path();
    if (route.equals("/bank-statements")) {
      return session.upload(path, "statement.xml", "<not-a-camt053/>");
    }
    if (route.equals("/exchange-rates")) {
      return session.upload(path, "rates.csv", "not,a,rate\n");
    }
    Map<String, String> form = new LinkedHashMap<>();
    switch (route) {
      case "/pledges" -> {
        form.put("appealCode", appeal);
        form.put("idempotencyKey", UUID.randomUUID().toString());
        form.put("currency", "USD");
        form.put("amount", "not-an-amount");
        form.put("announcedOn", "1997-07-02");
      }
      case "/pledges/{freshNorPledge}/commitment" -> {
        form.put(
            "agreementReference", "AGR-CONSOLE-" + UUID.randomUUID().toString().substring(0, 8));
        form.put("signedOn", "1997-09-15");
      }
      case "/pledges/{freshNorPledge}/cancellation" -> {
        form.put("cancelledOn", "1997-12-31");
        form.put("reason", "Funds redirected");
      }
      case "/pledges/{freshNorCommitted}/write-off" -> {
        form.put("idempotencyKey", UUID.randomUUID().toString());
        form.put("writtenOffOn", "1998-03-31");
        form.put("reason", "Balance will not be paid");
      }
      case "/unmatched-receipts/{freshEntry}/donor-assignment" -> form.put("donorCode", "NOR");
      case "/unmatched-receipts/{entry}/allocation" -> {
        // a receipt that does not exist: let in, the finance officer gets its 404
        form.put("receiptId", UUID.randomUUID().toString());
        form.put("pledgeId", norPledge);
        form.put("amount", "1.00");
        form.put("currency", "USD");
        form.put("idempotencyKey", UUID.randomUUID().toString());
      }
      case "/appeals/{freshDraft}/launch" -> form.put("launchedOn", "1997-01-10");
      default -> {
        // the empty form: every field the service needs is missing
      }
    }
    return session.post(path, form);
  }

  private static String resolve(String template, Caller caller) {
    String path =
        template
            .replace("{appeal}", appeal)
            .replace("{draft}", draft)
            .replace("{norPledge}", norPledge)
            .replace("{statement}", statement)
            .replace("{entry}", entry)
            .replace("{unknownId}", UUID.randomUUID().toString());
    for (var fresh : FRESH.entrySet()) {
      String placeholder = "{" + fresh.getKey() + "}";
      if (path.contains(placeholder)) {
        // an anonymous caller never reaches the data: no need to make any
        String value =
            caller == Caller.ANONYMOUS ? UUID.randomUUID().toString() : fresh.getValue().get();
        path = path.replace(placeholder, value);
      }
    }
    assertThat(path).doesNotContain("{");
    return path;
  }

  /** Every route of the console that a page links to or a form posts to is in the matrix. */
  @Test
  void theMatrixCoversEveryRouteOfTheConsole() {
    var covered = new java.util.TreeSet<String>();
    ROWS.forEach(row -> covered.add(row.method() + " " + row.path().replaceAll("\\?.*", "")));
    assertThat(covered)
        .contains(
            "GET /editor/appeals/new",
            "POST /editor/appeals",
            "POST /alert-rules/silences",
            "POST /subscriptions",
            "GET /live/alerts");
    assertThat(ROWS).allSatisfy(row -> assertThat(row.expected()).hasSize(Caller.values().length));
  }

  /**
   * Donor SWE opens every page a donor may open, and none shows anything of Norway's: no pledge id,
   * no alert about its pledges, no donor cell, no subscription. The control: Norway's own pages
   * show the same markers, so the check would see them if they leaked.
   */
  @Test
  void noConsolePageShowsADonorAnotherDonorsData() {
    String norAlert = appeal + ": NOR pledge";
    List<String> pages =
        List.of(
            "/home",
            "/pledges",
            "/pledges?appeal=" + appeal,
            "/receipts",
            "/reconciliation",
            "/reconciliation.csv",
            "/subscriptions",
            "/appeals/" + appeal,
            "/public/appeals/" + appeal);
    var norway = session(Caller.NOR);
    // the alert about NOR's written-off pledge is firing for NOR before SWE looks
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(norway.get("/home").body()).contains(norAlert));
    Map<String, String> shownToNorway = new LinkedHashMap<>();
    for (String page : pages) {
      shownToNorway.put(page, norway.get(page).body());
    }
    assertThat(shownToNorway.get("/pledges?appeal=" + appeal)).contains(norPledge);
    assertThat(shownToNorway.get("/receipts")).contains(">NOR<");
    assertThat(shownToNorway.get("/subscriptions")).contains("donor-nor@example.org");
    assertThat(shownToNorway.get("/reconciliation")).contains(norPledge);

    var sweden = session(Caller.SWE);
    List<String> leaks = new ArrayList<>();
    for (String page : pages) {
      var response = sweden.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      String body = response.body();
      for (String marker :
          List.of(norPledge, norWrittenOff, norAlert, ">NOR<", "donor-nor@example.org")) {
        if (body.contains(marker)) {
          leaks.add(page + " shows " + marker);
        }
      }
    }
    var live = sweden.stream("/live/alerts", Duration.ofSeconds(5));
    assertThat(live.received()).contains("event:alerts").doesNotContain(norAlert);
    assertThat(norway.stream("/live/alerts", Duration.ofSeconds(5)).received()).contains(norAlert);
    assertThat(leaks).isEmpty();
  }

  private static String excerpt(String body) {
    String text = body.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ");
    text = text.replaceAll("\\s+", " ").trim();
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }

  static List<Row> parse(String matrix) {
    var lines = matrix.strip().lines().toList();
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
      for (Caller caller : Caller.values()) {
        expected.put(caller, Integer.valueOf(cells[2 + caller.ordinal()]));
      }
      rows.add(new Row(cells[0], cells[1], expected));
    }
    return rows;
  }
}
