package org.jointappeal.pledge.iati;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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

  @Test
  void theProblemExamplesParse() throws Exception {
    var json = new ObjectMapper();
    for (String example :
        new String[] {
          IatiExamples.NO_APPEAL_PROBLEM,
          IatiExamples.FORBIDDEN_PROBLEM,
          IatiExamples.NOT_FOUND_PROBLEM
        }) {
      assertThat(json.readTree(example).isObject()).as(example).isTrue();
    }
  }
}
