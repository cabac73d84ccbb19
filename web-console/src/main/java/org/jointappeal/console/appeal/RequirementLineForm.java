package org.jointappeal.console.appeal;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The requirement-line editor's rows as the form posted them (parallel lists, one entry per row),
 * turned into the lines appeal-service takes. A row left wholly blank is no line (the editor always
 * offers one blank row, so lines can be added without script); the service's field paths name a
 * line by its index in the request, so each line remembers its row.
 */
@TemplateData
public record RequirementLineForm(List<Row> rows) {

  public static final List<String> SECTORS =
      List.of(
          "PROTECTION",
          "EMERGENCY_ASSISTANCE",
          "INTEGRATION_ASSISTANCE",
          "MIGRATION_MANAGEMENT",
          "MIGRATION_ASSISTANCE",
          "CAPACITY_BUILDING",
          "RESEARCH_AND_INFORMATION");

  public static final List<String> CATEGORIES =
      List.of(
          "REFUGEES",
          "INTERNALLY_DISPLACED_PERSONS",
          "REPATRIANTS",
          "INVOLUNTARILY_RELOCATING_PERSONS",
          "RETURNEES",
          "FORMERLY_DEPORTED_PEOPLES",
          "ECOLOGICAL_MIGRANTS",
          "ILLEGAL_MIGRANTS");

  public static final List<String> PRIORITIES = List.of("EMERGENCY", "NON_EMERGENCY");

  /** One row of the editor: what was typed, and the service's complaint about it, if any. */
  @TemplateData
  public record Row(
      String lineId,
      String country,
      String agency,
      String sector,
      String category,
      String priority,
      String description,
      String amount,
      String currency,
      String problem) {

    static Row blank(String currency) {
      return new Row("", "", "", "", "", "", "", "", currency == null ? "" : currency, null);
    }

    boolean isBlank() {
      return country.isBlank() && agency.isBlank() && description.isBlank() && amount.isBlank();
    }

    Row withProblem(String text) {
      return new Row(
          lineId, country, agency, sector, category, priority, description, amount, currency, text);
    }
  }

  /** The rows of the posted form (lists of unequal length are padded with blanks). */
  public static RequirementLineForm posted(
      List<String> lineId,
      List<String> country,
      List<String> agency,
      List<String> sector,
      List<String> category,
      List<String> priority,
      List<String> description,
      List<String> amount,
      List<String> currency) {
    int n = max(lineId, country, agency, sector, category, priority, description, amount, currency);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(
          new Row(
              at(lineId, i),
              at(country, i).toUpperCase(Locale.ROOT),
              at(agency, i).toUpperCase(Locale.ROOT),
              at(sector, i),
              at(category, i),
              at(priority, i),
              at(description, i),
              at(amount, i).replace(",", ""),
              at(currency, i).toUpperCase(Locale.ROOT),
              null));
    }
    return new RequirementLineForm(rows);
  }

  /** The lines of an appeal as the service answered them (a draft to edit, a revision to make). */
  @SuppressWarnings("unchecked")
  public static RequirementLineForm of(List<Map<String, Object>> lines) {
    List<Row> rows = new ArrayList<>();
    for (var line : lines) {
      var money = (Map<String, Object>) line.get("amount");
      rows.add(
          new Row(
              text(line.get("lineId")),
              text(line.get("country")),
              text(line.get("agency")),
              text(line.get("sector")),
              text(line.get("category")),
              text(line.get("priority")),
              text(line.get("description")),
              money == null ? "" : text(money.get("amount")),
              money == null ? "" : text(money.get("currency")),
              null));
    }
    return new RequirementLineForm(rows);
  }

  /** The lines for the service's request, blank rows left out; {@code withIds} for a revision. */
  public List<Map<String, Object>> lines(boolean withIds) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Row row : filled()) {
      var line = new LinkedHashMap<String, Object>();
      if (withIds && !row.lineId().isBlank()) {
        line.put("lineId", row.lineId());
      }
      line.put("country", orNull(row.country()));
      line.put("agency", orNull(row.agency()));
      line.put("sector", orNull(row.sector()));
      line.put("category", orNull(row.category()));
      line.put("priority", orNull(row.priority()));
      line.put("description", orNull(row.description()));
      var money = new LinkedHashMap<String, Object>();
      money.put("amount", orNull(row.amount()));
      money.put("currency", orNull(row.currency()));
      line.put("amount", money);
      lines.add(line);
    }
    return lines;
  }

  /**
   * The rows to show again: the filled ones, each with what the service said about its line, then
   * one blank row to add a line.
   */
  public RequirementLineForm shown(Function<String, String> problemAt, String defaultCurrency) {
    List<Row> shown = new ArrayList<>();
    List<Row> filled = filled();
    for (int i = 0; i < filled.size(); i++) {
      String problem = problemAt == null ? null : problemAt.apply("requirementLines[" + i + "]");
      shown.add(filled.get(i).withProblem(problem));
    }
    String currency = filled.isEmpty() ? defaultCurrency : filled.get(0).currency();
    shown.add(Row.blank(currency));
    return new RequirementLineForm(shown);
  }

  private List<Row> filled() {
    return rows.stream().filter(row -> !row.isBlank()).toList();
  }

  public List<String> sectors() {
    return SECTORS;
  }

  public List<String> categories() {
    return CATEGORIES;
  }

  public List<String> priorities() {
    return PRIORITIES;
  }

  @SafeVarargs
  private static int max(List<String>... lists) {
    int n = 0;
    for (var list : lists) {
      n = Math.max(n, list == null ? 0 : list.size());
    }
    return n;
  }

  private static String at(List<String> values, int i) {
    if (values == null || i >= values.size() || values.get(i) == null) {
      return "";
    }
    return values.get(i).trim();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String orNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
