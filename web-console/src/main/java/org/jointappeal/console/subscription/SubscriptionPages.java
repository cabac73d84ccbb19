package org.jointappeal.console.subscription;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jointappeal.console.services.NotificationService;
import org.jointappeal.console.web.ServiceAnswers;
import org.jointappeal.console.web.ServicePage;
import org.jointappeal.console.web.ServiceProblem;
import org.jointappeal.console.web.Viewer;

/**
 * The viewer's own subscriptions to alerts, by mail or webhook. notification-service lists only the
 * caller's and narrows a donor's to its own donor code; the page never sends a donor code for a
 * donor (the service forces it).
 */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

  @Inject @RestClient NotificationService notifications;
  @Inject Viewer viewer;

  @Inject
  @Location("subscriptions.html")
  Template page;

  /** {@code cursor}: where the page of subscriptions starts (the "Next page" link's). */
  @GET
  public TemplateInstance subscriptions(
      @QueryParam("done") String done, @QueryParam("cursor") String cursor) {
    return page(done, cursor, new LinkedHashMap<>(), null);
  }

  private TemplateInstance page(
      String done, String cursor, Map<String, Object> form, ServiceProblem problem) {
    var subscriptions = ServicePage.of(notifications.subscriptions(ServicePage.SIZE, cursor));
    form.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
    form.putIfAbsent("channel", "EMAIL");
    return page.data("viewer", viewer)
        .data(
            "done",
            "created".equals(done)
                ? "Subscribed."
                : "deleted".equals(done) ? "Subscription deleted." : null)
        .data("form", form)
        .data("problem", problem)
        .data("subscriptions", subscriptions.items())
        .data("firstPage", cursor == null || cursor.isBlank())
        .data("nextPage", subscriptions.nextHref("/subscriptions", "cursor", Map.of()));
  }

  @POST
  public Response subscribe(
      @RestForm String idempotencyKey,
      @RestForm String channel,
      @RestForm String emailAddress,
      @RestForm String webhookUrl,
      @RestForm String webhookSecret,
      @RestForm String rule,
      @RestForm String appealCode,
      @RestForm String donorCode) {
    var request = new LinkedHashMap<String, Object>();
    request.put("channel", blankToNull(channel));
    if ("WEBHOOK".equals(channel)) {
      request.put("webhookUrl", blankToNull(webhookUrl));
      request.put("webhookSecret", blankToNull(webhookSecret));
    } else {
      request.put("emailAddress", blankToNull(emailAddress));
    }
    request.put("rule", blankToNull(rule));
    request.put("appealCode", blankToNull(appealCode));
    if (!viewer.isDonor()) {
      request.put("donorCode", blankToNull(donorCode));
    }
    try {
      ServiceAnswers.object(notifications.subscribe(idempotencyKey, request));
      return Response.seeOther(URI.create("/subscriptions?done=created")).build();
    } catch (ServiceProblem problem) {
      if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
        throw problem;
      }
      var form = new LinkedHashMap<String, Object>();
      form.put("idempotencyKey", idempotencyKey);
      form.put("channel", channel);
      form.put("emailAddress", emailAddress);
      form.put("webhookUrl", webhookUrl);
      // the secret is not written back into the page
      form.put("rule", rule);
      form.put("appealCode", appealCode);
      form.put("donorCode", donorCode);
      return Response.status(problem.status())
          .entity(page(null, null, form, problem).render())
          .build();
    }
  }

  @POST
  @Path("/{subscriptionId}/deletion")
  public Response unsubscribe(@PathParam("subscriptionId") String subscriptionId) {
    String id;
    try {
      id = UUID.fromString(subscriptionId).toString();
    } catch (IllegalArgumentException e) {
      throw new ServiceProblem(404, "Not Found", null, List.of());
    }
    ServiceAnswers.text(notifications.unsubscribe(id));
    return Response.seeOther(URI.create("/subscriptions?done=deleted")).build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
