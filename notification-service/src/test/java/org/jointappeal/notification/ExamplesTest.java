package org.jointappeal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jointappeal.notification.alert.AlertExamples;
import org.jointappeal.notification.alert.AlertRuleExamples;
import org.jointappeal.notification.silence.SilenceExamples;
import org.jointappeal.notification.subscription.SubscriptionExamples;
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
          AlertExamples.class,
          AlertRuleExamples.class,
          SilenceExamples.class,
          SubscriptionExamples.class);

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
