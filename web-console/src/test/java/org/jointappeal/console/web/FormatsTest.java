package org.jointappeal.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void moneyKeepsTheDecimalsTheServiceSentAndGroupsThousands() {
    assertThat(Formats.money(Map.of("amount", "1500000.00", "currency", "NOK")))
        .isEqualTo("NOK 1,500,000.00");
    assertThat(Formats.money(Map.of("amount", "114500", "currency", "JPY")))
        .isEqualTo("JPY 114,500");
    // no double anywhere: a value a double cannot hold stays exact
    assertThat(Formats.money(Map.of("amount", "90071992547409.93", "currency", "USD")))
        .isEqualTo("USD 90,071,992,547,409.93");
  }

  @Test
  void missingFiguresReadAsADash() {
    var unmet = new HashMap<String, Object>();
    unmet.put("amount", null);
    assertThat(Formats.money(null)).isEqualTo("—");
    assertThat(Formats.money(unmet)).isEqualTo("—");
    assertThat(Formats.percent(null)).isEqualTo("—");
    assertThat(Formats.percent("60.00")).isEqualTo("60.00 %");
  }

  @Test
  void enumNamesReadAsWords() {
    assertThat(Formats.words("TIGHTLY_EARMARKED")).isEqualTo("tightly earmarked");
  }
}
