package org.jointappeal.notification.subscription;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /subscriptions. EMAIL needs {@code emailAddress}; WEBHOOK needs {@code
 * webhookUrl} and {@code webhookSecret}. Filters left out match any alert.
 */
public record CreateSubscriptionRequest(
    @NotNull @Schema(example = "WEBHOOK") Channel channel,
    @Email @Size(max = 320) @Schema(example = "finance@example.org") String emailAddress,
    @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+")
        @Schema(example = "https://ops.example.org/hooks/alerts")
        String webhookUrl,
    @Size(min = 16, max = 200)
        @Schema(
            description = "Shared secret for the HMAC-SHA256 signature; never returned",
            example = "s3cret-s3cret-s3cret")
        String webhookSecret,
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") @Schema(example = "funding-gap") String rule,
    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}") @Schema(example = "CIS-1997") String appealCode,
    @Pattern(regexp = "[A-Z]{3}")
        @Schema(
            description = "Only alerts about this donor's pledges; a donor's own code is forced",
            example = "NOR")
        String donorCode) {}
