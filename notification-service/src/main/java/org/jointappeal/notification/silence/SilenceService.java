package org.jointappeal.notification.silence;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jointappeal.notification.DomainRule;
import org.jointappeal.notification.DomainRuleViolation;
import org.jointappeal.notification.NotFound;
import org.jointappeal.notification.paging.Cursor;
import org.jointappeal.notification.paging.Page;
import org.jointappeal.notification.paging.PageRequest;

@ApplicationScoped
public class SilenceService {

  private final SilenceRepository silences;
  private final Clock clock;

  SilenceService(SilenceRepository silences, Clock clock) {
    this.silences = silences;
    this.clock = clock;
  }

  @Transactional
  public SilenceView create(CreateSilenceRequest request, String author) {
    if (!request.endsAt().isAfter(request.startsAt())) {
      throw DomainRuleViolation.of(
          DomainRule.SILENCE_ENDS_BEFORE_IT_STARTS,
          "endsAt %s is not after startsAt %s".formatted(request.endsAt(), request.startsAt()));
    }
    Instant now = clock.instant();
    if (!request.endsAt().isAfter(now)) {
      throw DomainRuleViolation.of(
          DomainRule.SILENCE_ALREADY_OVER,
          "endsAt %s is not after now %s".formatted(request.endsAt(), now));
    }
    var silence =
        new Silence(
            request.matchers(),
            request.startsAt(),
            request.endsAt(),
            author,
            request.comment(),
            now);
    silences.persist(silence);
    Log.infof("silence created silenceId=%s", silence.id());
    return SilenceView.of(silence, now);
  }

  @Transactional
  public Page<SilenceView> list(PageRequest page) {
    Instant now = clock.instant();
    return Page.of(silences.pageNewestFirst(page), page, s -> Cursor.of(s.createdAt(), s.id()))
        .map(s -> SilenceView.of(s, now));
  }

  @Transactional
  public SilenceView find(UUID id) {
    return SilenceView.of(load(id), clock.instant());
  }

  /** Alertmanager's "expire": the silence ends now and stays in the history. */
  @Transactional
  public void expire(UUID id) {
    load(id).expire(clock.instant());
    Log.infof("silence expired silenceId=%s", id);
  }

  /** For evaluation and reading of alerts, inside the caller's transaction. */
  public ActiveSilences activeAt(Instant at) {
    return new ActiveSilences(silences.activeAt(at));
  }

  private Silence load(UUID id) {
    return silences.findByIdOptional(id).orElseThrow(() -> NotFound.of("silence", id));
  }
}
