package org.jointappeal.pledge.bankstatement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jointappeal.pledge.DomainRuleViolation;

/**
 * Why a background import did not happen, kept on the statement: the problem a synchronous import
 * would have answered (its type's slug, title, detail and places at fault), or an internal error
 * with the id logged with it.
 */
record Refusal(String type, String title, String detail, List<DomainRuleViolation.Error> errors) {

  /** The places at fault are kept as a small JSON array of {field, message}. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final TypeReference<List<DomainRuleViolation.Error>> ERRORS =
      new TypeReference<>() {};

  static Refusal of(DomainRuleViolation e) {
    return new Refusal(e.rule().slug(), e.rule().title(), e.getMessage(), e.errors());
  }

  static Refusal internal(String detail) {
    return new Refusal("internal-error", "The import failed", detail, List.of());
  }

  String errorsJson() {
    if (errors.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(errors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("refusal errors cannot be written", e);
    }
  }

  static List<DomainRuleViolation.Error> errorsOf(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, ERRORS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("refusal errors cannot be read", e);
    }
  }
}
