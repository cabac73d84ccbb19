package org.jointappeal.console.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service answered with an error (RFC 9457 problem+json, or no body at all). Pages show its title
 * and detail next to the field or action it concerns; unhandled, it becomes an error page with the
 * same status ({@link ServiceProblemMapper}).
 */
@TemplateData
public final class ServiceProblem extends RuntimeException {

  private final int status;
  private final String title;
  private final String detail;
  private final List<Map<String, Object>> errors;

  public ServiceProblem(int status, String title, String detail, List<Map<String, Object>> errors) {
    super(status + " " + title + (detail == null ? "" : ": " + detail));
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors == null ? List.of() : errors;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** Field violations ({@code field}, {@code message}) of a 400. */
  public List<Map<String, Object>> errors() {
    return errors;
  }

  /** The message of the violation of {@code field} (or a field under it), if any. */
  public String messageFor(String field) {
    for (var error : errors) {
      Object name = error.get("field");
      if (name != null && (name.equals(field) || name.toString().endsWith("." + field))) {
        return String.valueOf(error.get("message"));
      }
    }
    return null;
  }

  /**
   * The messages of the violations at {@code path} or inside it ({@code requirementLines[1]} takes
   * {@code requirementLines[1].amount.amount}), joined; null if there are none.
   */
  public String messageAt(String path) {
    var messages = new ArrayList<String>();
    for (var error : errors) {
      Object name = error.get("field");
      if (name == null) {
        continue;
      }
      String field = name.toString();
      if (field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")) {
        messages.add(String.valueOf(error.get("message")));
      }
    }
    return messages.isEmpty() ? null : String.join("; ", messages);
  }

  /** What a person reads: the detail if the service gave one, else the title. */
  public String text() {
    if (detail != null && !detail.isBlank()) {
      return detail;
    }
    return title;
  }
}
