package org.jointappeal.notification.silence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /silences; the author is the caller, never the body. */
public record CreateSilenceRequest(
    @NotEmpty @Size(max = 10) List<@Valid @NotNull LabelMatcher> matchers,
    @NotNull @Schema(example = "1997-07-02T00:00:00Z") Instant startsAt,
    @NotNull @Schema(example = "1997-07-09T00:00:00Z") Instant endsAt,
    @NotBlank @Size(max = 1000) @Schema(example = "revision under way, figures settle next week")
        String comment) {}
