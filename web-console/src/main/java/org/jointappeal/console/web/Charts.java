package org.jointappeal.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations, written into a {@code data-chart} attribute and drawn by
 * /static/console.js. Amounts stay decimal strings; every chart has a table next to it.
 */
public final class Charts {

  private static final ObjectMapper JSON = new ObjectMapper();
  // one colour per measure on every page; the palette is readable by colour-blind viewers
  private static final Map<String, String> COLOURS =
      Map.of(
          "Requirements", "#9aa5b1",
          "Pledged", "#e69f00",
          "Committed", "#56b4e9",
          "Paid", "#009e73",
          "Funding", "#0072b2",
          "Unmet", "#d55e00");

  private Charts() {}

  /** Requirements against funding per group (country, sector, ...) of a funding answer. */
  @SuppressWarnings("unchecked")
  public static String groups(List<Map<String, Object>> groups, boolean keysAreNames) {
    List<String> labels = new ArrayList<>();
    List<Object> requirements = new ArrayList<>();
    List<Object> funding = new ArrayList<>();
    for (var group : groups) {
      String key = String.valueOf(group.get("key"));
      // enum names (sectors, categories, priorities) read as words; codes stay codes
      labels.add(keysAreNames ? Formats.words(key) : key);
      requirements.add(amountOf(group.get("currentRequirements")));
      funding.add(amountOf(group.get("funding")));
    }
    return bar(labels, Map.of("Requirements", requirements, "Funding", funding));
  }

  /** Coverage of each appeal, for the public overview. */
  public static String coverage(List<String> labels, List<Object> percents) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "bar");
    config.put(
        "data",
        Map.of("labels", labels, "datasets", List.of(dataset("Funding", percents, "Coverage %"))));
    config.put(
        "options", Map.of("indexAxis", "y", "scales", Map.of("x", Map.of("min", 0, "max", 100))));
    return write(config);
  }

  /** Pledged, committed and paid at each month's end. */
  public static String timeline(List<String> months, Map<String, List<Object>> series) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "line");
    List<Object> datasets = new ArrayList<>();
    series.forEach((name, values) -> datasets.add(dataset(name, values, name)));
    config.put("data", Map.of("labels", months, "datasets", datasets));
    return write(config);
  }

  private static String bar(List<String> labels, Map<String, List<Object>> series) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "bar");
    List<Object> datasets = new ArrayList<>();
    for (String name : List.of("Requirements", "Funding")) {
      datasets.add(dataset(name, series.get(name), name));
    }
    config.put("data", Map.of("labels", labels, "datasets", datasets));
    return write(config);
  }

  private static Map<String, Object> dataset(String colour, List<Object> values, String label) {
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("label", label);
    dataset.put("data", values);
    dataset.put("backgroundColor", COLOURS.get(colour));
    dataset.put("borderColor", COLOURS.get(colour));
    return dataset;
  }

  /** The decimal string of a money object, or null (a gap in the chart). */
  public static Object amountOf(Object money) {
    return money instanceof Map<?, ?> m ? m.get("amount") : null;
  }

  private static String write(Object config) {
    try {
      return JSON.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
