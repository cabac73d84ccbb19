package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The web console in a real browser (Debian's Chromium driven by Playwright), against the packaged
 * console and services on the local stack, with real Keycloak logins through its login form. Every
 * page a test opens is scanned by axe-core: no serious or critical violation is allowed. The main
 * pages are saved as screenshots in target/console-screenshots (docs/console/ shows them).
 */
class ConsoleBrowserIT {

  private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
  // what Chromium needs as root on these machines, and no calls to outside hosts
  private static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");
  private static final Duration LIVE = Duration.ofSeconds(90);
  private static final Path SCREENSHOTS = Path.of("target/console-screenshots");

  private static Playwright playwright;
  private static Browser browser;
  private static String console;

  private BrowserContext context;
  private String testName;

  @BeforeAll
  static void startBrowser() {
    console = RunningPlatform.url("web-console");
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setArgs(CHROMIUM_FLAGS));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void newContext(TestInfo test) {
    context = newContext();
    testName = test.getTestMethod().orElseThrow().getName();
  }

  /** A browser profile of its own: its own cookies, so its own login. */
  private static BrowserContext newContext() {
    var fresh = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    fresh.setDefaultTimeout(30_000);
    return fresh;
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  // (1) announce with two instalments, commit, and the appeal page changes with no reload
  @Test
  void aDonorAnnouncesAPledgeAndTheAppealPageShowsItsCommitmentLive() {
    String appeal = Fixtures.appealOpenForPledges();

    Page donor = loggedIn("donor-nor");
    donor.navigate(console + "/appeals/" + appeal);
    donor
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Announce a pledge"))
        .first()
        .click();
    scanned(donor, "announce");
    donor.fill("#currency", "USD");
    donor.fill("#amount", "1000.00");
    donor.fill("#announcedOn", "1997-07-02");
    donor.fill("#occasion", "Steering Group, Geneva");
    donor.selectOption("#earmarkingLevel", "SOFTLY_EARMARKED");
    donor.selectOption("#country", "GEO");
    donor.locator("input[name=instalmentDueOn]").nth(0).fill("1997-09-30");
    donor.locator("input[name=instalmentAmount]").nth(0).fill("600.00");
    donor.click("[data-add-instalment]");
    donor.locator("input[name=instalmentDueOn]").nth(1).fill("1997-12-31");
    donor.locator("input[name=instalmentAmount]").nth(1).fill("400.00");
    assertThat(donor.textContent("#instalment-sum")).contains("add up to the amount");
    screenshot(donor, "announce-pledge");
    donor.click("text=Announce the pledge");
    donor.waitForURL("**/pledges/*");
    scanned(donor, "pledge");
    assertThat(donor.textContent("#pledge-status")).isEqualTo("announced");
    assertThat(donor.locator("#instalments tbody tr").count()).isEqualTo(2);
    assertThat(donor.textContent("#instalments")).contains("USD 600.00").contains("USD 400.00");
    String pledgeUrl = donor.url();

    BrowserContext financeContext = newContext();
    Page watcher = loggedIn(financeContext, "finance");
    watcher.navigate(console + "/appeals/" + appeal);
    scanned(watcher, "appeal");
    assertThat(watcher.textContent("#committed")).isEqualTo("USD 0.00");
    String chartBefore = countryChart(watcher);
    watcher.evaluate("window.notReloaded = true");

    Page finance = financeContext.newPage();
    finance.navigate(pledgeUrl);
    finance.fill("#agreementReference", "NOR-E2E-" + appeal);
    finance.fill("#signedOn", "1997-09-15");
    finance.click("text=Commit the pledge");
    finance.waitForSelector("#pledge-status:text('committed')");
    screenshot(finance, "pledge-committed");

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> assertThat(watcher.textContent("#committed")).isEqualTo("USD 1,000.00"));
    assertThat(watcher.evaluate("window.notReloaded === true")).isEqualTo(true);
    assertThat(countryChart(watcher)).isNotEqualTo(chartBefore).contains("1000.00");
    screenshot(watcher, "appeal");
    financeContext.close();
  }

  private static String countryChart(Page page) {
    return page.locator("#by-country ~ figure canvas").getAttribute("data-chart");
  }

  // (2) the funding-gap alert resolves on the home page, live
  @Test
  void theFundingGapAlertResolvesLiveOnTheHomePage() {
    String appeal = Fixtures.appealOpenForPledges();
    Fixtures.firingAlert(appeal);

    Page home = loggedIn("manager");
    var alert = home.locator("#alerts li[data-appeal='" + appeal + "'][data-rule='funding-gap']");
    await().atMost(LIVE).until(() -> alert.count() == 1);
    scanned(home, "home");
    screenshot(home, "home");
    home.evaluate("window.notReloaded = true");

    Fixtures.committed(appeal, "NOR", "600000.00"); // 60 %: above the default 50 % threshold

    await().atMost(LIVE).until(() -> alert.count() == 0);
    assertThat(home.evaluate("window.notReloaded === true")).isEqualTo(true);

    // the appeal manager's own pages: alert rules, and launching a draft
    home.navigate(console + "/alert-rules");
    scanned(home, "alert-rules");
    assertThat(shownOnSomePage(home, "#alert-rules", "Pages of alert rules", "funding-gap"))
        .contains("funding-gap");
    String draft = Fixtures.draftAppeal().code();
    home.navigate(console + "/appeals/" + draft);
    scanned(home, "draft appeal");
    home.click("text=Launch the appeal");
    home.waitForSelector("text=launched " + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  }

  // (3b) a large camt.053 statement is imported in the background: its page shows a progress bar
  // (polled through the console) and, once the import has ended, the summary
  @Test
  void aLargeStatementShowsItsProgressAndThenItsSummary() throws Exception {
    String appeal = Fixtures.appealOpenForPledges();
    String payer = Fixtures.donor();
    int credits = 2000; // far above pledge-service's synchronous-max-entries (500)
    String pledge = Fixtures.committed(appeal, payer, credits + ".00");
    Path statement = Files.createTempFile("camt053-large-", ".xml");
    Files.writeString(statement, Fixtures.statementPaying(pledge, credits, "1.00"));

    Page finance = loggedIn("finance");
    finance.navigate(console + "/bank-statements");
    finance.setInputFiles("#file", statement);
    finance.click("#upload button[type=submit]");
    finance.waitForURL("**/bank-statements/*");
    // the page as first rendered: the import is usually still running (a quick one may be done)
    String first = finance.content();
    if (first.contains("id=\"import-progress-bar\"")) {
      assertThat(first).contains("max=\"" + credits + "\"").contains("of " + credits);
    } else {
      assertThat(first).contains("id=\"summary-credits\"");
    }
    finance.waitForSelector(
        "#summary-credits", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
    assertThat(finance.textContent("#summary-credits")).isEqualTo(String.valueOf(credits));
    assertThat(finance.textContent("#summary-matched")).isEqualTo(String.valueOf(credits));
  }

  // (3) camt.053 upload, its summary, and allocation from the unmatched queue
  @Test
  void aFinanceOfficerImportsAStatementAndAllocatesTheUnmatchedCredit() throws Exception {
    String appeal = Fixtures.appealOpenForPledges();
    String payer = Fixtures.donor();
    String pledge = Fixtures.committed(appeal, payer, "50.00");
    Path statement = Files.createTempFile("camt053-", ".xml");
    String camt053 = Fixtures.statementWithUnknownPayer();
    Files.writeString(statement, camt053);
    // other tests on the shared platform leave unidentified USD 50.00 credits in the queue too:
    // this one is found by its bank reference
    String reference =
        camt053.substring(
            camt053.indexOf("<AcctSvcrRef>") + "<AcctSvcrRef>".length(),
            camt053.indexOf("</AcctSvcrRef>"));

    Page finance = loggedIn("finance");
    finance.navigate(console + "/bank-statements");
    scanned(finance, "bank-statements");
    finance.setInputFiles("#file", statement);
    finance.click("#upload button[type=submit]");
    finance.waitForURL("**/bank-statements/*");
    scanned(finance, "bank-statement");
    assertThat(finance.textContent("#summary-credits")).isEqualTo("1");
    assertThat(finance.textContent("#summary-unmatched")).isEqualTo("1");
    screenshot(finance, "bank-statement-summary");

    // a form post without the CSRF token (what another site could make the browser send) is refused
    var forged =
        finance
            .request()
            .post(
                console + "/bank-statements",
                com.microsoft.playwright.options.RequestOptions.create()
                    .setMultipart(
                        com.microsoft.playwright.options.FormData.create().set("file", statement)));
    assertThat(forged.status()).isEqualTo(400);

    finance.click("text=Allocate the unmatched receipts");
    scanned(finance, "unmatched");
    var entry = queueCard(finance, reference);
    entry.locator("input[name=donorCode]").fill(payer);
    entry.locator("text=Assign the donor").click();
    finance.waitForSelector("#done");
    // back on the page of the queue it was assigned on
    var assigned =
        finance
            .locator("li.card")
            .filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("donor " + payer));
    assertThat(assigned.count()).isEqualTo(1);
    screenshot(finance, "unmatched-receipts");
    assigned.locator("button:has-text('Allocate USD 50.00')").click();
    finance.waitForSelector("#done:text('Allocated.')");
    scanned(finance, "unmatched-after");
    assertThat(
            finance
                .locator("li.card")
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("donor " + payer))
                .count())
        .isZero();

    finance.navigate(console + "/pledges/" + pledge);
    assertThat(finance.textContent("#pledge-status")).isEqualTo("paid");

    // the rest of the finance officer's pages open and pass the scan
    finance.navigate(console + "/receipts");
    scanned(finance, "receipts");
    // a page at a time: other tests' receipts (2,000 of one statement) may come first
    assertThat(onSomePage(finance, "#receipts", payer, "#next-receipts")).isTrue();
    finance.navigate(console + "/reconciliation?appeal=" + appeal);
    scanned(finance, "reconciliation");
    assertThat(finance.textContent("#reconciliation")).contains(payer).contains("USD 50.00");
    finance.navigate(console + "/exchange-rates");
    scanned(finance, "exchange-rates");
    finance.navigate(console + "/pledges?status=PAID");
    scanned(finance, "pledges");
    assertThat(finance.locator("[data-pledge='" + pledge + "']").count()).isEqualTo(1);
  }

  /**
   * The card of the unmatched queue that holds {@code text}, following the queue's "Next page"
   * links: the queue shows a page at a time, and other tests' credits may come first.
   */
  private static com.microsoft.playwright.Locator queueCard(Page page, String text) {
    for (int pages = 1; ; pages++) {
      var card =
          page.locator("li.card")
              .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text));
      var next = page.locator("#next-unmatched");
      if (card.count() > 0 || next.count() == 0 || pages == 50) {
        return card;
      }
      page.navigate(console + next.getAttribute("href"));
    }
  }

  /**
   * Whether {@code text} is in {@code selector} on this page or one its "Next page" links reach.
   */
  private static boolean onSomePage(Page page, String selector, String text, String nextLink) {
    for (int pages = 1; ; pages++) {
      if (page.textContent(selector).contains(text)) {
        return true;
      }
      var next = page.locator(nextLink);
      if (next.count() == 0 || pages == 100) {
        return false;
      }
      page.navigate(console + next.getAttribute("href"));
    }
  }

  // (4) another donor's pledge is simply not there
  @Test
  void aDonorOpeningAnotherDonorsPledgeGetsNotFound() {
    String appeal = Fixtures.appealOpenForPledges();
    String norway = Fixtures.announced(appeal, "NOR", "100.00");

    Page sweden = loggedIn("donor-swe");
    var response = sweden.navigate(console + "/pledges/" + norway);
    assertThat(response.status()).isEqualTo(404);
    assertThat(sweden.textContent("h1")).isEqualTo("Not found");
    assertThat(sweden.content()).doesNotContain("NOR").doesNotContain(appeal);
    scanned(sweden, "not-found");
    // nor does any list or statement of the console show it
    sweden.navigate(console + "/pledges?appeal=" + appeal);
    assertThat(sweden.locator("[data-pledge='" + norway + "']").count()).isZero();
    assertThat(sweden.textContent("main")).doesNotContain("NOR");
    sweden.navigate(console + "/reconciliation");
    scanned(sweden, "reconciliation");
    assertThat(sweden.textContent("main")).doesNotContain("NOR").doesNotContain(norway);

    Page norwayPage = loggedIn(newContext(), "donor-nor");
    assertThat(norwayPage.navigate(console + "/pledges/" + norway).status()).isEqualTo(200);
    norwayPage.context().close();
  }

  // (5) logout ends the session: the back button leads to the login form
  @Test
  void logoutEndsTheSession() {
    Page page = loggedIn("finance");
    page.click("text=Log out");
    // back on the public page, after Keycloak ended its session too
    page.waitForURL(url -> url.startsWith(console + "/") && !url.startsWith(console + "/home"));
    assertThat(page.isVisible("text=Log in")).isTrue();
    page.goBack();
    page.waitForSelector("#username");
    assertThat(page.url()).doesNotStartWith(console);
    page.navigate(console + "/home");
    assertThat(page.isVisible("#username")).isTrue();
  }

  // (6) the public page needs no login
  @Test
  void thePublicPagesWorkWithoutLogin() {
    String appeal = Fixtures.appealOpenForPledges();
    Fixtures.committed(appeal, "SWE", "250000.00");

    Page page = context.newPage();
    page.navigate(console + "/");
    scanned(page, "public");
    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              page.navigate(console + "/"); // from the first page again
              assertThat(shownOnSomePage(page, "#public-appeals", "Pages of appeals", appeal))
                  .contains(appeal)
                  .contains("25.00 %");
            });
    screenshot(page, "public-overview");
    page.click("a[href='/public/appeals/" + appeal + "']");
    page.waitForURL("**/public/appeals/" + appeal);
    scanned(page, "public-appeal");
    assertThat(page.textContent("#funding")).isEqualTo("USD 250,000.00");
    assertThat(page.textContent("#unmet")).isEqualTo("USD 750,000.00");
    screenshot(page, "public-appeal");
  }

  // (7) the as-of picker gives exactly GET /appeals/{code}/funding?asOf=
  @Test
  void anAsOfDateGivesTheFiguresOfTheFundingApi() {
    String appeal = Fixtures.launchedAppeal(); // launched on 1997-01-10
    await()
        .atMost(LIVE)
        .until(() -> Fixtures.announceResponse(appeal, "SWE", "0.01").statusCode() == 201);
    Fixtures.committed(appeal, "SWE", "123456.78"); // announced 1997-07-02, committed 1997-09-15
    await()
        .atMost(LIVE)
        .until(
            () ->
                "123456.78"
                    .equals(
                        Api.as("finance", "appeal-service")
                            .get("/appeals/" + appeal + "/funding")
                            .path("committed.amount")));

    Page page = loggedIn("auditor");
    page.navigate(console + "/appeals/" + appeal);
    for (String asOf : List.of("1997-08-31", "1997-09-30")) {
      page.fill("#asOf", asOf);
      page.click("form.asof button[type=submit]");
      page.waitForURL("**asOf=" + asOf);
      var api =
          Api.as("auditor", "appeal-service")
              .queryParam("asOf", asOf)
              .get("/appeals/" + appeal + "/funding")
              .then()
              .statusCode(200)
              .extract();
      for (String figure :
          List.of("pledged", "committed", "paid", "funding", "unmet", "currentRequirements")) {
        String id = figure.equals("currentRequirements") ? "current-requirements" : figure;
        assertThat(page.textContent("#" + id))
            .as("%s as of %s", figure, asOf)
            .isEqualTo(money(api.path(figure + ".amount"), api.path(figure + ".currency")));
      }
      String coverage = api.path("coveragePercent");
      assertThat(page.textContent("#coverage")).isEqualTo(coverage == null ? "—" : coverage + " %");
    }
    scanned(page, "appeal-as-of");
    screenshot(page, "appeal-as-of");
  }

  // (8) an appeal manager: a draft with two lines, a line edited, launched, revised; a silence
  @Test
  void anAppealManagerDraftsLaunchesAndRevisesAnAppealAndAddsASilence() {
    String code = Api.uniqueAppealCode();
    Page manager = loggedIn("manager");
    manager.click("nav >> text=New draft appeal");
    manager.waitForURL("**/editor/appeals/new");
    scanned(manager, "new draft");
    manager.fill("#code", code);
    manager.fill("#title", "Georgia and Tajikistan 1997 (console)");
    manager.fill("#agencies", "UNHCR, IOM");
    manager.fill("#periodStart", "1997-01-01");
    manager.fill("#periodEnd", "1997-12-31");
    line(manager, 0, "GEO", "UNHCR", "EMERGENCY_ASSISTANCE", "INTERNALLY_DISPLACED_PERSONS");
    manager.locator("[name=linePriority]").nth(0).selectOption("EMERGENCY");
    manager.locator("[name=lineAmount]").nth(0).fill("600000.00");
    // the editor by keyboard: Enter on "Add a line" adds a row and moves into it
    manager.focus("[data-add-line]");
    manager.keyboard().press("Enter");
    assertThat(manager.evaluate("document.activeElement.getAttribute('aria-label')"))
        .isEqualTo("Line 2: country");
    line(manager, 1, "TJK", "IOM", "MIGRATION_ASSISTANCE", "RETURNEES");
    manager.locator("[name=linePriority]").nth(1).selectOption("NON_EMERGENCY");
    manager.locator("[name=lineAmount]").nth(1).fill("400000.001"); // one decimal too many
    assertThat(manager.textContent("#lines-total")).contains("USD");
    manager.click("text=Create the draft");
    // appeal-service's problem is shown on the line it names, the form kept as typed
    manager.waitForSelector("#line-2-problem");
    scanned(manager, "new draft with a problem");
    assertThat(manager.inputValue("#code")).isEqualTo(code);
    manager.locator("[name=lineAmount]").nth(1).fill("400000.00");
    screenshot(manager, "appeal-editor");
    manager.click("text=Create the draft");
    manager.waitForURL("**/appeals/" + code);
    scanned(manager, "draft");
    assertThat(manager.locator("#lines tbody tr").count()).isEqualTo(2);

    manager.click("text=Edit the draft");
    manager.waitForURL("**/editor/appeals/" + code + "/draft");
    scanned(manager, "edit draft");
    manager.locator("[name=lineAmount]").nth(1).fill("450000.00");
    manager.click("text=Save the draft");
    manager.waitForURL("**/appeals/" + code);
    assertThat(manager.textContent("#lines"))
        .contains("USD 450,000.00")
        .contains("USD 1,050,000.00");

    manager.fill("#launchedOn", "1997-01-10");
    manager.click("text=Launch the appeal");
    manager.waitForSelector("text=launched 1997-01-10");

    manager.click("text=Revise the appeal");
    manager.waitForURL("**/editor/appeals/" + code + "/revision");
    scanned(manager, "revision");
    manager.fill("#effectiveOn", "1997-07-15");
    manager.fill("#reason", "Mid-year review: more IDPs than planned");
    manager.locator("[name=lineAmount]").nth(0).fill("700000.00");
    screenshot(manager, "appeal-revision");
    manager.click("text=Record the revision");
    manager.waitForURL("**/appeals/" + code);
    scanned(manager, "revised appeal");
    assertThat(manager.textContent("#lines"))
        .contains("USD 600,000.00") // the original
        .contains("USD 700,000.00") // the current
        .contains("USD 1,150,000.00");
    assertThat(manager.textContent("main"))
        .contains("1997-07-15")
        .contains("more IDPs than planned");
    assertThat(
            Api.as("manager", "appeal-service")
                .get("/appeals/" + code)
                .then()
                .statusCode(200)
                .extract()
                .<Integer>path("revision"))
        .isEqualTo(1);

    manager.navigate(console + "/alert-rules");
    var now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withSecond(0).withNano(0);
    manager.locator("[name=matcherName]").nth(0).fill("appeal");
    manager.locator("[name=matcherValue]").nth(0).fill(code);
    manager.fill("#silence-starts", now.toString());
    manager.fill("#silence-ends", now.plusHours(2).toString());
    manager.fill("#silence-comment", "revision under way for " + code);
    manager.click("text=Add the silence");
    manager.waitForSelector("#done:text('Silence added.')");
    assertThat(manager.textContent("#silences")).contains("appeal=" + code);
    scanned(manager, "alert rules and silences");
    screenshot(manager, "alert-rules");
  }

  private static void line(
      Page page, int row, String country, String agency, String sector, String category) {
    page.locator("[name=lineCountry]").nth(row).fill(country);
    page.locator("[name=lineAgency]").nth(row).fill(agency);
    page.locator("[name=lineSector]").nth(row).selectOption(sector);
    page.locator("[name=lineCategory]").nth(row).selectOption(category);
  }

  // (9) a donor's own subscriptions: one by mail, seen, deleted
  @Test
  void aDonorSubscribesByMailAndUnsubscribes() {
    String address =
        "console-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Page donor = loggedIn("donor-swe");
    donor.click("nav >> text=Subscriptions");
    scanned(donor, "subscriptions");
    donor.check("#channel-email");
    donor.fill("#emailAddress", address);
    donor.fill("#rule", "overdue-instalment");
    donor.click("text=Subscribe");
    donor.waitForSelector("#done:text('Subscribed.')");
    var row =
        donor
            .locator("#subscriptions tbody tr")
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(address));
    assertThat(row.textContent()).contains("SWE").contains("overdue-instalment");
    screenshot(donor, "subscriptions");
    row.locator("button:has-text('Delete')").click();
    donor.waitForSelector("#done:text('Subscription deleted.')");
    assertThat(donor.textContent("main")).doesNotContain(address);
  }

  /**
   * The text of {@code selector} on the first page of its list that shows {@code text}, following
   * the list's "Next page" links (its pager is labelled {@code pager}): a list shows a page at a
   * time, and other tests' data may come first.
   */
  private static String shownOnSomePage(Page page, String selector, String pager, String text) {
    for (int pages = 1; ; pages++) {
      String shown = page.textContent(selector);
      var next = page.locator("nav[aria-label='" + pager + "'] a[rel=next]");
      if (shown.contains(text) || next.count() == 0 || pages == 50) {
        return shown;
      }
      page.navigate(console + next.getAttribute("href"));
    }
  }

  private static String money(String amount, String currency) {
    var value = new BigDecimal(amount);
    return currency + " " + String.format(Locale.ROOT, "%,." + value.scale() + "f", value);
  }

  private Page loggedIn(String user) {
    return loggedIn(context, user);
  }

  /** Logs in through Keycloak's own login form, as a person would. */
  private static Page loggedIn(BrowserContext context, String user) {
    Page page = context.newPage();
    page.navigate(console + "/home");
    page.waitForSelector("#username");
    page.fill("#username", user);
    page.fill("#password", "demo");
    page.click("#kc-login");
    page.waitForURL(console + "/home");
    return page;
  }

  /** axe-core on the page as it is: no serious or critical violation. */
  private void scanned(Page page, String what) {
    var results = new AxeBuilder(page).analyze();
    var blocking =
        results.getViolations().stream()
            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
            .map(
                v ->
                    v.getId()
                        + " ("
                        + v.getImpact()
                        + "): "
                        + v.getHelp()
                        + " "
                        + v.getNodes().size()
                        + " nodes, e.g. "
                        + v.getNodes().get(0).getHtml())
            .toList();
    assertThat(blocking).as("accessibility of %s in %s (%s)", what, testName, page.url()).isEmpty();
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
