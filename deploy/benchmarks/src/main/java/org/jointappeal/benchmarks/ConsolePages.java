package org.jointappeal.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jointappeal.localstack.ConsoleSession;

/**
 * Scenario 8 (issue #17): the web console's home and appeal pages, rendered for a user who logged
 * in through Keycloak's login form as a browser does (authorization code flow, the console's
 * session cookie), each at a steady open-loop rate. A page is the whole server side of what the
 * browser asks for first: the console's calls to the services with the user's token, and the Qute
 * rendering; and the appeal page's funding-over-time fragment, which the page loads once shown.
 */
final class ConsolePages {

  private final String consoleUrl;

  ConsolePages(String consoleUrl) {
    this.consoleUrl = consoleUrl;
  }

  /**
   * {@code warmup}: each page at {@code rate} for that long first, logged but not reported. This is
   * the first scenario after the platform starts; without it, the first page's tail measured the
   * JVMs compiling and notification-service evaluating its rules over the demo data (the machine 76
   * to 93 % busy), not the page.
   */
  List<Step> run(String user, String appeal, double rate, Duration duration, Duration warmup) {
    ConsoleSession session = ConsoleSession.loggedIn(consoleUrl, user);
    List<Step> steps = new ArrayList<>();
    // the appeal page loads its funding over time as a fragment of its own (htmx, on load): it is
    // measured too, so that what the page no longer waits for still shows in the report
    List<String> pages = List.of("/home", "/appeals/" + appeal, "/appeals/" + appeal + "/timeline");
    for (String page : pages) {
      // a few requests first: the console's first render of a template compiles it
      for (int i = 0; i < 5; i++) {
        int status = session.getPageAsync(page).join().statusCode();
        if (status != 200) {
          throw new IllegalStateException("console " + page + " answered " + status);
        }
      }
      if (!warmup.isZero()) {
        Benchmark.log("warm-up, not reported: %s", step(session, page, rate, warmup));
      }
    }
    for (String page : pages) {
      Step step = step(session, page, rate, duration);
      Benchmark.log("%s", step);
      steps.add(step);
    }
    return steps;
  }

  private static Step step(ConsoleSession session, String page, double rate, Duration duration) {
    return OpenLoop.run(
        "console GET " + page,
        rate,
        duration,
        () -> session.getPageAsync(page).thenApply(HttpResponse::statusCode),
        status -> status == 200);
  }
}
