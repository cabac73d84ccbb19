package org.jointappeal.notification.silence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record SilenceView(
    UUID id,
    List<LabelMatcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    Instant createdAt,
    SilenceState state) {

  static SilenceView of(Silence s, Instant now) {
    SilenceState state =
        now.isBefore(s.startsAt())
            ? SilenceState.PENDING
            : s.isActiveAt(now) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
    return new SilenceView(
        s.id(),
        s.matchers(),
        s.startsAt(),
        s.endsAt(),
        s.createdBy(),
        s.comment(),
        s.createdAt(),
        state);
  }
}
