package org.jointappeal.pledge.iati;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

/**
 * Who reports the IATI export. The defaults name OCHA as the reporting organisation of the appeals;
 * a platform run by another organisation sets its own IATI organisation identifier.
 */
@ConfigMapping(prefix = "pledge.iati")
public interface IatiConfig {

  /** Prefixes the appeal code in {@code iati-identifier}: {@code XM-OCHA-CIS-1997}. */
  @WithDefault("XM-OCHA")
  @NotBlank
  String identifierPrefix();

  ReportingOrg reportingOrg();

  interface ReportingOrg {

    /** The IATI organisation identifier ({RegistrationAgency}-{RegistrationNumber}). */
    @WithDefault("XM-OCHA")
    @NotBlank
    String ref();

    /** IATI OrganisationType code: 40 = Multilateral. */
    @WithDefault("40")
    @NotBlank
    String type();

    @WithDefault("United Nations Office for the Coordination of Humanitarian Affairs")
    @NotBlank
    String name();
  }
}
