package org.jointappeal.notification.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jointappeal.notification.web.Roles;

@Path("/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
public class AlertRuleResource {

  private static final String NAME_TAKEN = "Another rule has this name, or the key is in flight";
  private static final String NOT_A_RULE =
      "A parameter the kind needs is missing, or one it does not take is present"
          + " (invalid-rule-parameters); or a label the engine sets, or a severity other than"
          + " info, warning, critical (reserved-label); or the key was used for another request";

  private final AlertRuleService rules;
  private final CurrentCaller caller;
  private final IdempotentRequests idempotency;

  AlertRuleResource(AlertRuleService rules, IdempotentRequests idempotency, CurrentCaller caller) {
    this.caller = caller;
    this.idempotency = idempotency;
    this.rules = rules;
  }

  @Operation(summary = "List alert rules by name")
  @GET
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "A page of the alert rules, by name",
      headers = @Header(name = "Link", description = PageLinks.LINK),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AlertRuleView.class),
              examples = @ExampleObject(name = "rules", value = AlertRuleExamples.RULES)))
  @APIResponse(responseCode = "422", description = "limit out of range, or a cursor not ours")
  public RestResponse<List<AlertRuleView>> listAlertRules(
      @Parameter(description = PageLinks.LIMIT) @QueryParam("limit") String limit,
      @Parameter(description = PageLinks.CURSOR) @QueryParam("cursor") String cursor,
      UriInfo uri) {
    return PageLinks.respond(rules.list(PageRequest.of(limit, cursor)), uri);
  }

  @Operation(summary = "Read an alert rule")
  @GET
  @Path("/{ruleId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description = "One alert rule",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AlertRuleView.class),
              examples = @ExampleObject(name = "cis-gap-40", value = AlertRuleExamples.RULE)))
  @APIResponse(responseCode = "404", description = "No such rule")
  public AlertRuleView getAlertRule(@PathParam("ruleId") UUID ruleId) {
    return rules.find(ruleId);
  }

  @Operation(summary = "Create an alert rule (funding gap, overdue instalment, large pledge, ...)")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "201",
      description = "Created and evaluated at once",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AlertRuleView.class),
              examples = @ExampleObject(name = "cis-gap-40", value = AlertRuleExamples.RULE)))
  @APIResponse(responseCode = "400", description = "The body is not a valid rule")
  @APIResponse(responseCode = "409", description = NAME_TAKEN)
  @APIResponse(responseCode = "422", description = NOT_A_RULE)
  public RestResponse<AlertRuleView> createAlertRule(
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "cis-gap-40",
                              value = AlertRuleExamples.DEFINITION)))
          @Valid
          @NotNull
          RuleDefinition definition,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "create-alert-rule",
            definition,
            AlertRuleView.class,
            () -> {
              var created = rules.create(definition);
              return Answer.created("/alert-rules/" + created.id(), created);
            });
    return IdempotencyKeys.respond(answer, uri);
  }

  @Operation(summary = "Restate an alert rule: its alerts follow the rule as it now stands")
  @PUT
  @Path("/{ruleId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER})
  @APIResponse(
      responseCode = "200",
      description = "Restated and evaluated at once (the same rule again: 200, nothing changes)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AlertRuleView.class),
              examples = @ExampleObject(name = "sixty-days", value = AlertRuleExamples.RESTATED)))
  @APIResponse(responseCode = "400", description = "The body is not a valid rule")
  @APIResponse(responseCode = "404", description = "No such rule")
  @APIResponse(responseCode = "409", description = NAME_TAKEN)
  @APIResponse(responseCode = "422", description = NOT_A_RULE)
  public RestResponse<AlertRuleView> restateAlertRule(
      @PathParam("ruleId") UUID ruleId,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "sixty-days",
                              value = AlertRuleExamples.RESTATEMENT)))
          @Valid
          @NotNull
          RuleDefinition definition,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "restate-alert-rule",
            List.of(ruleId, definition),
            AlertRuleView.class,
            () -> Answer.ok(rules.restate(ruleId, definition)));
    return IdempotencyKeys.respond(answer, uri);
  }

  @Operation(summary = "Delete an alert rule: its firing alerts resolve")
  @DELETE
  @Path("/{ruleId}")
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.APPEAL_MANAGER})
  @APIResponse(responseCode = "204", description = "Deleted; its firing alerts resolved")
  @APIResponse(
      responseCode = "404",
      description =
          "No such rule (a retry of a deletion that took effect: send an Idempotency-Key)")
  @APIResponse(responseCode = "409", description = "The key is in flight")
  @APIResponse(responseCode = "422", description = "The key was used for another request")
  public RestResponse<Void> deleteAlertRule(
      @PathParam("ruleId") UUID ruleId,
      @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    var answer =
        idempotency.perform(
            caller.subject(),
            IdempotencyKeys.optional(idempotencyKey),
            "delete-alert-rule",
            ruleId,
            Void.class,
            () -> {
              rules.delete(ruleId);
              return Answer.<Void>noContent();
            });
    return IdempotencyKeys.respond(answer, uri);
  }
}
