package org.jointappeal.appeal.appeal;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jointappeal.appeal.AlreadyExists;
import org.jointappeal.appeal.DomainRule;
import org.jointappeal.appeal.DomainRuleViolation;
import org.jointappeal.appeal.NotFound;
import org.jointappeal.appeal.StateConflict;
import org.jointappeal.appeal.VersionConflict;
import org.jointappeal.appeal.messaging.Outbox;
import org.jointappeal.appeal.paging.Cursor;
import org.jointappeal.appeal.paging.Page;
import org.jointappeal.appeal.paging.PageRequest;

@ApplicationScoped
public class AppealService {

  private final AppealRepository appeals;
  private final AppealAuditRepository audit;
  private final Outbox outbox;
  private final Event<AppealLaunched> launched;
  private final Event<AppealRevised> revised;
  private final Clock clock;

  AppealService(
      AppealRepository appeals,
      AppealAuditRepository audit,
      Outbox outbox,
      Event<AppealLaunched> launched,
      Event<AppealRevised> revised,
      Clock clock) {
    this.appeals = appeals;
    this.audit = audit;
    this.outbox = outbox;
    this.launched = launched;
    this.revised = revised;
    this.clock = clock;
  }

  @Transactional
  public AppealView create(CreateAppealRequest request, String actor) {
    if (appeals.findByIdOptional(request.code()).isPresent()) {
      throw AlreadyExists.of("appeal", request.code());
    }
    var appeal =
        new Appeal(
            request.code(),
            request.title(),
            request.agencies(),
            request.periodStart(),
            request.periodEnd(),
            request.description(),
            clock.instant());
    if (request.requirementLines() != null) {
      LineSpec.all(request.requirementLines()).forEach(appeal::addRequirement);
    }
    appeals.persist(appeal);
    appeals.flush();
    outbox.append(AppealEvents.created(appeal, today(), clock.instant()));
    record(appeal, actor, "CREATED", summary(appeal));
    Log.infof("appeal created appeal=%s lines=%d", appeal.code(), appeal.lines().size());
    return AppealView.of(appeal);
  }

  /** Restates a draft as a whole; If-Match is required, so no one overwrites an unseen change. */
  @Transactional
  public AppealView update(
      String code, UpdateAppealRequest request, long expectedVersion, String actor) {
    var appeal = current(code, OptionalLong.of(expectedVersion));
    appeal.redraft(
        request.title(),
        request.agencies(),
        request.periodStart(),
        request.periodEnd(),
        request.description(),
        LineSpec.all(request.requirementLines()));
    appeals.flush();
    outbox.append(AppealEvents.updated(appeal, today(), clock.instant()));
    record(appeal, actor, "UPDATED", summary(appeal));
    Log.infof("appeal updated appeal=%s lines=%d", code, appeal.lines().size());
    return AppealView.of(appeal);
  }

  @Transactional
  public AppealView launch(
      String code, OptionalLong expectedVersion, LocalDate launchedOn, String actor) {
    var already = appeal(code);
    if (already.status() != AppealStatus.DRAFT) {
      // before the If-Match check: a retry whose first answer was lost carries the version read
      // before the launch
      if (already.status() == AppealStatus.LAUNCHED
          && (launchedOn == null || launchedOn.equals(already.launchedOn()))) {
        return AppealView.of(already); // the same launch again: made once, answered again
      }
      throw StateConflict.of(
          "cannot launch: appeal %s is %s%s"
              .formatted(
                  code,
                  already.status(),
                  already.status() == AppealStatus.LAUNCHED
                      ? " since " + already.launchedOn()
                      : ""));
    }
    var appeal = current(code, expectedVersion);
    if (launchedOn != null && launchedOn.isAfter(today())) {
      throw DomainRuleViolation.of(
          DomainRule.LAUNCH_DATE_IN_FUTURE,
          "launch date %s is after today, %s".formatted(launchedOn, today()));
    }
    appeal.launch(launchedOn == null ? today() : launchedOn, clock.instant(), actor);
    appeals.flush(); // the event carries the version this change produced
    outbox.append(AppealEvents.launched(appeal, clock.instant()));
    launched.fire(new AppealLaunched(appeal));
    record(
        appeal, actor, "LAUNCHED", "launched on " + appeal.launchedOn() + "; " + summary(appeal));
    Log.infof("appeal launched appeal=%s", code);
    return AppealView.of(appeal);
  }

  private void takeEffect(AppealRevision revision) {
    var appeal = revision.appeal();
    revision.tookEffect(clock.instant());
    outbox.append(AppealEvents.revised(appeal, revision, clock.instant()));
    revised.fire(new AppealRevised(appeal, revision.effectiveOn()));
  }

  /**
   * Publishes the revisions whose effective date has come (appeal.revised.v1, and through
   * AppealRevised a funding.changed.v1), each once: the row lock (skip locked) and {@code
   * took_effect_at} keep two instances, or a restart, from publishing one twice.
   */
  @Transactional
  public int takeEffectOfDueRevisions() {
    @SuppressWarnings("unchecked") // native query: one uuid column
    List<UUID> due =
        appeals
            .getEntityManager()
            .createNativeQuery(
                """
                select id from appeal_revision
                where took_effect_at is null and effective_on <= ?1
                order by appeal_code, number
                for update skip locked""",
                UUID.class)
            .setParameter(1, today())
            .getResultList();
    for (var id : due) {
      var revision = appeals.getEntityManager().find(AppealRevision.class, id);
      takeEffect(revision);
      Log.infof(
          "revision took effect appeal=%s revision=%d effectiveOn=%s",
          revision.appeal().code(), revision.number(), revision.effectiveOn());
    }
    return due.size();
  }

  @Transactional
  public AppealView revise(
      String code, ReviseAppealRequest request, OptionalLong expectedVersion, String actor) {
    var appeal = current(code, expectedVersion);
    var revision =
        appeal.revise(
            request.reason(),
            request.effectiveOn(),
            LineSpec.all(request.requirementLines()),
            clock.instant(),
            actor);
    appeals.flush();
    if (revision.effectiveOn().isAfter(today())) {
      // published on its effective date, by takeEffectOfDueRevisions: until then today's figures
      // keep the revision in force
      Log.infof(
          "revision recorded, takes effect later appeal=%s revision=%d effectiveOn=%s",
          code, revision.number(), revision.effectiveOn());
    } else {
      takeEffect(revision);
    }
    record(
        appeal,
        actor,
        "REVISED",
        "revision %d effective %s: %s; %s"
            .formatted(
                revision.number(), revision.effectiveOn(), revision.reason(), summary(appeal)));
    Log.infof("appeal revised appeal=%s revision=%d", code, revision.number());
    return AppealView.of(appeal);
  }

  @Transactional
  public AppealView close(String code, OptionalLong expectedVersion, String actor) {
    var already = appeal(code);
    if (already.status() == AppealStatus.CLOSED) {
      return AppealView.of(already); // closed already (a retry): answered again, nothing changes
    }
    var appeal = current(code, expectedVersion);
    appeal.close(today());
    appeals.flush();
    outbox.append(AppealEvents.closed(appeal, appeal.closedOn(), clock.instant()));
    record(appeal, actor, "CLOSED", "closed on " + appeal.closedOn());
    Log.infof("appeal closed appeal=%s", code);
    return AppealView.of(appeal);
  }

  public AppealView find(String code) {
    return AppealView.of(appeal(code));
  }

  public Page<AppealView> list(PageRequest page) {
    return Page.of(appeals.pageNewestFirst(page), page, a -> Cursor.of(a.periodStart(), a.code()))
        .map(AppealView::of);
  }

  /** Launched and closed appeals only: what the public may see. */
  public Page<AppealView> listPublished(PageRequest page) {
    return Page.of(
            appeals.pagePublishedNewestFirst(page), page, a -> Cursor.of(a.periodStart(), a.code()))
        .map(AppealView::of);
  }

  /** One launched or closed appeal; a draft reads as missing (it is not public yet). */
  public AppealView findPublished(String code) {
    return appeals
        .findPublished(code)
        .map(AppealView::of)
        .orElseThrow(() -> NotFound.of("appeal", code));
  }

  public Page<RevisionView> revisions(String code, PageRequest page) {
    appeal(code);
    return Page.of(appeals.revisionsPage(code, page), page, r -> Cursor.of(r.number()))
        .map(RevisionView::of);
  }

  public RevisionView revision(String code, int number) {
    appeal(code);
    return appeals
        .findRevision(code, number)
        .map(RevisionView::of)
        .orElseThrow(() -> NotFound.of("revision", code + "/" + number));
  }

  public Page<AppealHistoryEntry> history(String code, PageRequest page) {
    appeal(code);
    return Page.of(audit.pageOldestFirst(code, page), page, a -> Cursor.of(a.id()))
        .map(AppealHistoryEntry::of);
  }

  private Appeal appeal(String code) {
    return appeals.findByIdOptional(code).orElseThrow(() -> NotFound.of("appeal", code));
  }

  private Appeal current(String code, OptionalLong expectedVersion) {
    var appeal = appeal(code);
    expectedVersion.ifPresent(
        expected -> {
          if (expected != appeal.version()) {
            throw VersionConflict.of("appeal", code, expected, appeal.version());
          }
        });
    return appeal;
  }

  private void record(Appeal appeal, String actor, String action, String detail) {
    audit.persist(
        new AppealAudit(appeal.code(), clock.instant(), actor, action, appeal.version(), detail));
  }

  private static String summary(Appeal appeal) {
    return "%d lines, requirements %s %s"
        .formatted(
            appeal.lines().size(),
            appeal.currentRequirements().amount().toPlainString(),
            appeal.currentRequirements().currency());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
