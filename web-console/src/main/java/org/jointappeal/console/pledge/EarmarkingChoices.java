package org.jointappeal.console.pledge;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a pledge may be earmarked to: only what the appeal's requirement lines name. */
@TemplateData
public record EarmarkingChoices(
    List<String> agencies,
    List<String> countries,
    List<String> sectors,
    List<Map<String, Object>> lines) {

  @SuppressWarnings("unchecked")
  static EarmarkingChoices of(Map<String, Object> appeal) {
    var lines = (List<Map<String, Object>>) appeal.getOrDefault("requirementLines", List.of());
    var agencies = new TreeSet<String>();
    var countries = new TreeSet<String>();
    var sectors = new TreeSet<String>();
    for (var line : lines) {
      agencies.add((String) line.get("agency"));
      countries.add((String) line.get("country"));
      sectors.add((String) line.get("sector"));
    }
    return new EarmarkingChoices(
        List.copyOf(agencies), List.copyOf(countries), List.copyOf(sectors), lines);
  }
}
