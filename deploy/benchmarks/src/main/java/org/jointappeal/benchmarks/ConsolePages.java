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

  List<Step> run(String user, String appeal, double rate, Duration duration) {
    ConsoleSession session = ConsoleSession.loggedIn(consoleUrl, user);
    List<Step> steps = new ArrayList<>();
    // the appeal page loads its funding over time as a fragment of its own (htmx, on load): it is
    // measured too, so that what the page no longer waits for still shows in the report
    for (String page :
        List.of("/home", "/appeals/" + appeal, "/appeals/" + appeal + "/timeline")) {
      // a few unmeasured requests first: the console's first render of a template compiles it
      for (int i = 0; i < 5; i++) {
        int status = session.getPageAsync(page).join().statusCode();
        if (status != 200) {
          throw new IllegalStateException("console " + page + " answered " + status);
        }
      }
      Step step =
          OpenLoop.run(
              "console GET " + page,
              rate,
              duration,
              () -> session.getPageAsync(page).thenApply(HttpResponse::statusCode),
              status -> status == 200);
      Benchmark.log("%s", step);
      steps.add(step);
    }
    return steps;
  }
}
