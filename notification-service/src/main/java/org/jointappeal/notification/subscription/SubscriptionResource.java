package org.jointappeal.notification.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jointappeal.notification.idempotency.Answer;
import org.jointappeal.notification.idempotency.IdempotentRequests;
import org.jointappeal.notification.paging.PageRequest;
import org.jointappeal.notification.web.CurrentCaller;
import org.jointappeal.notification.web.IdempotencyKeys;
import org.jointappeal.notification.web.PageLinks;
import org.jointappeal.notification.web.Problem;
import org.jointappeal.notification.web.Roles;

/** The caller's own subscriptions to alert notifications (mail or webhook). */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

  private final SubscriptionService subscriptions;
  private final IdempotentRequests idempotency;
  private final CurrentCaller caller;

  SubscriptionResource(
      SubscriptionService subscriptions, CurrentCaller caller, IdempotentRequests idempotency) {
    this.idempotency = idempotency;
    this.subscriptions = subscriptions;
    this.caller = caller;
  }

  @Operation(summary = "Subscribe to alert notifications by mail or signed webhook")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.DONOR})
  @APIResponse(
      responseCode = "201",
      description = "Subscribed; a donor's subscription is narrowed to its own donor code",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SubscriptionView.class),
              examples = {
                @ExampleObject(name = "webhook", value = SubscriptionExamples.CREATED_WEBHOOK),
                @ExampleObject(
                    name = "donor-email",
                    value = SubscriptionExamples.CREATED_DONOR_EMAIL)
              }))
  @APIResponse(responseCode = "400", description = "The body is not a valid subscription")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  @APIResponse(responseCode = "403", description = "A donor names another donor's code")
  @APIResponse(
      responseCode = "422",
      description =
          "The channel's target is missing, or another channel's is given; the webhook URL is"
              + " refused by the outbound policy (not https, or its host resolves inside the"
              + " operator's network); or the subscriber already holds the most subscriptions"
              + " allowed; or the key was used for another request",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = {
                @ExampleObject(
                    name = "target-mismatch",
                    value = SubscriptionExamples.TARGET_MISMATCH_PROBLEM),
                @ExampleObject(
                    name = "webhook-target-refused",
                    value = SubscriptionExamples.TARGET_REFUSED_PROBLEM),
                @ExampleObject(
                    name = "too-many-subscriptions",
                    value = SubscriptionExamples.TOO_MANY_PROBLEM)
              }))
  public RestResponse<SubscriptionView> createSubscription(
      @RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "webhook",
                              value = SubscriptionExamples.CREATE_WEBHOOK)))
          @Valid
          @NotNull
          CreateSubscriptionRequest request,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    var scope = caller.donorScope();
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "create-subscription",
            request,
            SubscriptionView.class,
            () -> {
              var created = subscriptions.create(request, caller.subject(), scope);
              return Answer.created("/subscriptions/" + created.id(), created);
            });
    return IdempotencyKeys.respond(answer, uri);
  }

  @Operation(summary = "List subscriptions (a donor sees its own)")
  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of the caller's own subscriptions, oldest first (then by id)",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SubscriptionView.class),
              examples =
                  @ExampleObject(
                      name = "one",
                      value = "[" + SubscriptionExamples.CREATED_WEBHOOK + "]")))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<SubscriptionView>> listSubscriptions(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(
        subscriptions.list(caller.subject(), PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read a subscription")
  @GET
  @Path("/{subscriptionId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.DONOR})
  @APIResponse(
      responseCode = "200",
      description = "One of the caller's subscriptions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SubscriptionView.class),
              examples =
                  @ExampleObject(name = "webhook", value = SubscriptionExamples.CREATED_WEBHOOK)))
  @APIResponse(responseCode = "404", description = "No such subscription, or someone else's")
  public SubscriptionView getSubscription(@PathParam("subscriptionId") UUID subscriptionId) {
    return subscriptions.find(subscriptionId, caller.subject());
  }

  @Operation(summary = "Delete a subscription: no more notifications")
  @DELETE
  @Path("/{subscriptionId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.DONOR})
  @APIResponse(responseCode = "204", description = "Unsubscribed; the notification log stays")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  @APIResponse(responseCode = "422", description = "The key was used for another request")
  @APIResponse(
      responseCode = "404",
      description =
          "No such subscription, or someone else's (a retry of an unsubscription that took"
              + " effect: send an Idempotency-Key)")
  public RestResponse<Void> deleteSubscription(
      @PathParam("subscriptionId") UUID subscriptionId,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "delete-subscription",
            subscriptionId,
            Void.class,
            () -> {
              subscriptions.delete(subscriptionId, caller.subject());
              return Answer.<Void>noContent();
            });
    return IdempotencyKeys.respond(answer, uri);
  }
}
