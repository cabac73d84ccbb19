package org.jointappeal.appeal.appeal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public transparency view of appeals: no token, launched and closed appeals only. */
@Path("/public/appeals")
@Produces(MediaType.APPLICATION_JSON)
public class PublicAppealResource {

  private final AppealService appeals;

  PublicAppealResource(AppealService appeals) {
    this.appeals = appeals;
  }

  @GET
  @PermitAll
  @APIResponse(
      responseCode = "200",
      description = "Launched and closed appeals with their current requirement lines",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "appeals", value = AppealExamples.APPEALS)))
  public List<AppealView> listPublicAppeals() {
    return appeals.listPublished();
  }
}
