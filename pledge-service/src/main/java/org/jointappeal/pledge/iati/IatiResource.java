package org.jointappeal.pledge.iati;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jointappeal.pledge.web.Problem;
import org.jointappeal.pledge.web.Roles;

/** The IATI 2.03 export of an appeal's incoming pledges, commitments and funds. */
@Path("/exports/iati")
public class IatiResource {

  private final IatiExport export;

  IatiResource(IatiExport export) {
    this.export = export;
  }

  @Operation(summary = "Export an appeal's pledges, commitments and funds as IATI 2.03")
  @GET
  @Produces(MediaType.APPLICATION_XML)
  @RolesAllowed({Roles.FINANCE_OFFICER, Roles.AUDITOR})
  @APIResponse(
      responseCode = "200",
      description =
          "An iati-activities document (IATI 2.03) with one activity for the appeal: incoming"
              + " pledges (13), commitments (11) and funds (1) in their original currencies",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              examples = @ExampleObject(name = "cis-1997", value = IatiExamples.ACTIVITIES)))
  @APIResponse(
      responseCode = "400",
      description = "No appeal named, or not an appeal code",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "no-appeal", value = IatiExamples.NO_APPEAL_PROBLEM)))
  @APIResponse(responseCode = "404", description = "No such appeal")
  public String exportIatiActivities(
      @Parameter(description = "The appeal's code", example = "CIS-1997")
          @QueryParam("appeal")
          @NotNull
          @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}")
          String appeal) {
    return export.activities(appeal);
  }
}
