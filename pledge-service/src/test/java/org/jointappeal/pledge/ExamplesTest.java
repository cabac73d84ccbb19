package org.jointappeal.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jointappeal.pledge.bankstatement.BankStatementExamples;
import org.jointappeal.pledge.donor.DonorExamples;
import org.jointappeal.pledge.forecast.ForecastExamples;
import org.jointappeal.pledge.fx.UnoreRateExamples;
import org.jointappeal.pledge.iati.IatiExamples;
import org.jointappeal.pledge.pledge.PledgeExamples;
import org.jointappeal.pledge.receipt.ReceiptExamples;
import org.jointappeal.pledge.reconciliation.ReconciliationExamples;
import org.junit.jupiter.api.Test;

/**
 * Every example the OpenAPI document shows is what it claims to be, so none rots: JSON parses to an
 * object or an array, XML is well-formed, a CSV has a header and a row. The tests beside each
 * resource check what an example says; this one that every example can be read at all.
 */
class ExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final List<Class<?>> EXAMPLES =
      List.of(
          BankStatementExamples.class,
          DonorExamples.class,
          ForecastExamples.class,
          IatiExamples.class,
          PledgeExamples.class,
          ReceiptExamples.class,
          ReconciliationExamples.class,
          UnoreRateExamples.class);

  @Test
  void everyExampleIsWellFormed() throws Exception {
    int seen = 0;
    for (Class<?> examples : EXAMPLES) {
      for (Field field : examples.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
          continue;
        }
        String name = examples.getSimpleName() + "." + field.getName();
        String example = ((String) field.get(null)).strip();
        if (example.startsWith("<")) {
          assertThatCode(() -> xml(example)).as(name).doesNotThrowAnyException();
        } else if (field.getName().endsWith("CSV")) {
          assertThat(example.lines().count()).as(name).isGreaterThan(1);
          assertThat(example.lines().findFirst().orElseThrow()).as(name).contains(",");
        } else {
          assertThat(JSON.readTree(example).isContainerNode()).as(name).isTrue();
        }
        seen++;
      }
    }
    assertThat(seen).isGreaterThanOrEqualTo(EXAMPLES.size());
  }

  private static void xml(String example) throws Exception {
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)));
  }
}
