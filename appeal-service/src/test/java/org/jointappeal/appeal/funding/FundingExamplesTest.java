package org.jointappeal.appeal.funding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The OpenAPI examples are real JSON (and the CSV one has the real header), so none rot. */
class FundingExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStatusExampleHasEveryFieldOfTheAnswer() throws Exception {
    var example = JSON.readTree(FundingExamples.STATUS);
    for (var component : FundingStatus.class.getRecordComponents()) {
      assertThat(example.has(component.getName())).as(component.getName()).isTrue();
    }
  }

  @Test
  void theCsvExampleStartsWithTheRealHeader() {
    assertThat(FundingExamples.CSV).startsWith(FundingCsv.HEADER + "\n");
  }
}
