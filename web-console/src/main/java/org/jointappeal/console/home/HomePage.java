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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jointappeal.console.services.AppealService;
import org.jointappeal.console.services.NotificationService;
import org.jointappeal.console.services.PledgeService;
import org.jointappeal.console.web.ServiceAnswers;
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

  @Inject
  @Location("home.html")
  Template home;

  /** {@code cursor}: where the page of appeals starts (the "Next page" link's); none: the first. */
  @GET
  public TemplateInstance home(@QueryParam("cursor") String cursor) {
    var appealsPage = ServicePage.of(appeals.appealsPage(ServicePage.SIZE, cursor));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (var appeal : appealsPage.items()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("appeal", appeal);
      row.put("funding", null); // a draft has none (templates fail on a missing key, not on null)
      if (!"DRAFT".equals(appeal.get("status"))) {
        row.put(
            "funding",
            ServiceAnswers.object(appeals.funding((String) appeal.get("code"), null, null)));
      }
      rows.add(row);
    }
    // the newest page of the alerts firing; the list says when more fire than it shows
    var alerts = ServicePage.of(notifications.alerts("FIRING", null));
    DonorSummary donor = null;
    if (viewer.isDonor()) {
      donor =
          DonorSummary.of(
              ServiceAnswers.list(pledges.pledges(null, AppealService.LARGEST_PAGE)),
              LocalDate.now(ZoneOffset.UTC));
    }
    return home.data("viewer", viewer)
        .data("rows", rows)
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", appealsPage.nextHref("/home", "cursor", Map.of()))
        .data("alerts", alerts.items())
        .data("moreAlerts", alerts.hasNext())
        .data("donor", donor);
  }
}
