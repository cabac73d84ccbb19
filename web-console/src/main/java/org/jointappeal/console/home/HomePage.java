package org.jointappeal.console.home;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jointappeal.console.services.AppealService;
import org.jointappeal.console.services.NotificationService;
import org.jointappeal.console.services.PledgeService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServiceCalls;
import org.jointappeal.console.web.ServicePage;
import org.jointappeal.console.web.Viewer;

/** After login: the appeals and their funding, the alerts firing (live), a donor's own pledges. */
@Path("/home")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

  @Inject @RestClient AppealService appeals;
  @Inject @RestClient PledgeService pledges;
  @Inject @RestClient NotificationService notifications;
  @Inject Viewer viewer;
  @Inject ServiceCalls calls;

  @Inject
  @Location("home.html")
  Template home;

  /** {@code cursor}: where the page of appeals starts (the "Next page" link's); none: the first. */
  @GET
  public TemplateInstance home(@QueryParam("cursor") String cursor) {
    // the alerts and a donor's pledges do not depend on the appeals: asked for at the same time;
    // the alerts: the newest page of those firing, and the list says when more fire than it shows
    var alerts = calls.start(() -> ServicePage.of(notifications.alerts("FIRING", null)));
    var donorPledges =
        viewer.isDonor()
            ? calls.start(
                () -> ServiceAnswers.list(pledges.pledges(null, AppealService.LARGEST_PAGE)))
            : null;
    var appealsPage = ServicePage.of(appeals.appealsPage(ServicePage.SIZE, cursor));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<CompletableFuture<Map<String, Object>>> funding = new ArrayList<>();
    for (var appeal : appealsPage.items()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("appeal", appeal);
      rows.add(row);
      // a draft has none; each launched appeal's funding is asked for in parallel
      funding.add(
          "DRAFT".equals(appeal.get("status"))
              ? null
              : calls.start(
                  () ->
                      ServiceAnswers.object(
                          appeals.funding((String) appeal.get("code"), null, null))));
    }
    for (int i = 0; i < rows.size(); i++) {
      // templates fail on a missing key, not on null
      rows.get(i).put("funding", funding.get(i) == null ? null : ServiceCalls.join(funding.get(i)));
    }
    var alertsPage = ServiceCalls.join(alerts);
    DonorSummary donor =
        donorPledges == null
            ? null
            : DonorSummary.of(ServiceCalls.join(donorPledges), LocalDate.now(ZoneOffset.UTC));
    return home.data("viewer", viewer)
        .data("rows", rows)
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", appealsPage.nextHref("/home", "cursor", Map.of()))
        .data("alerts", alertsPage.items())
        .data("moreAlerts", alertsPage.hasNext())
        .data("donor", donor);
  }
}
