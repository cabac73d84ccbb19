package org.jointappeal.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceAnswersTest {

  @Test
  void aProblemKeepsTitleDetailAndFieldViolations() {
    var problem =
        ServiceAnswers.problem(
            400,
            """
            {"type":"https://jointappeal.org/problems/invalid-request","title":"Invalid request",
             "status":400,"detail":"1 field is invalid",
             "errors":[{"field":"announcePledge.request.amount.amount","message":"must be positive"}]}""");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.text()).isEqualTo("1 field is invalid");
    assertThat(problem.messageFor("amount")).isEqualTo("must be positive");
    assertThat(problem.messageFor("announcedOn")).isNull();
  }

  @Test
  void anAnswerWithoutABodyStillSaysWhatHappened() {
    var problem = ServiceAnswers.problem(404, "");
    assertThat(problem.status()).isEqualTo(404);
    assertThat(problem.text()).isEqualTo("Not Found");
  }
}
