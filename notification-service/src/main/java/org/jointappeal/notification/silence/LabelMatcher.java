package org.jointappeal.notification.silence;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An equality matcher on one label, as in Alertmanager's {@code name="value"}. */
public record LabelMatcher(
    @NotNull @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,31}") @Schema(example = "appeal") String name,
    @NotNull @Size(min = 1, max = 64) @Schema(example = "GEO-1997") String value) {

  boolean matches(Map<String, String> labels) {
    return value.equals(labels.get(name));
  }
}
