package org.jointappeal.pledge.iati;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OpenAPI examples rot no more than the export: the document is valid IATI 2.03. */
class IatiExamplesTest {

  @Test
  void theDocumentExampleIsValidIati() {
    assertThat(IatiSchema.violations(IatiExamples.ACTIVITIES)).isEmpty();
  }

  @Test
  void theSchemaRejectsADocumentWithItsElementsOutOfOrder() {
    String swapped =
        IatiExamples.ACTIVITIES.replace(
            "<activity-status code=\"2\"/>\n    <activity-date type=\"3\" iso-date=\"1997-12-31\"/>",
            "<activity-date type=\"3\" iso-date=\"1997-12-31\"/>\n    <activity-status code=\"2\"/>");
    assertThat(swapped).isNotEqualTo(IatiExamples.ACTIVITIES);

    assertThat(IatiSchema.violations(swapped)).isNotEmpty();
  }
}
