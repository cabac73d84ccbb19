package org.jointappeal.console.alert;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jointappeal.console.services.NotificationService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.Viewer;

/** The alert rules and the silences, as notification-service lets the viewer see them. */
@Path("/alert-rules")
@Produces(MediaType.TEXT_HTML)
public class AlertRulePages {

  @Inject @RestClient NotificationService notifications;
  @Inject Viewer viewer;

  @Inject
  @Location("alert-rules.html")
  Template rules;

  @GET
  public TemplateInstance rules() {
    return rules
        .data("viewer", viewer)
        .data("rules", ServiceAnswers.list(notifications.alertRules()))
        .data("silences", ServiceAnswers.list(notifications.silences()));
  }
}
