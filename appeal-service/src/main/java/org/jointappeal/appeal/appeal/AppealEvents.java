package org.jointappeal.appeal.appeal;

import java.time.Instant;
import java.time.LocalDate;
import org.jointappeal.appeal.events.AppealClosedV1;
import org.jointappeal.appeal.events.AppealCreatedV1;
import org.jointappeal.appeal.events.AppealLaunchedV1;
import org.jointappeal.appeal.events.AppealRevisedV1;
import org.jointappeal.appeal.events.AppealStateV1;
import org.jointappeal.appeal.events.AppealUpdatedV1;

/**
 * The appeal events (docs/events.md), built from the appeal as it now stands: the event records in
 * {@code events} know nothing of the entity.
 */
public final class AppealEvents {

  private AppealEvents() {}

  public static AppealCreatedV1 created(Appeal appeal, LocalDate createdOn, Instant recordedAt) {
    return new AppealCreatedV1(appeal.code(), state(appeal), createdOn, recordedAt);
  }

  public static AppealUpdatedV1 updated(Appeal appeal, LocalDate occurredOn, Instant recordedAt) {
    return new AppealUpdatedV1(appeal.code(), state(appeal), occurredOn, recordedAt);
  }

  public static AppealLaunchedV1 launched(Appeal appeal, Instant recordedAt) {
    return new AppealLaunchedV1(appeal.code(), state(appeal), appeal.launchedOn(), recordedAt);
  }

  public static AppealRevisedV1 revised(
      Appeal appeal, AppealRevision revision, Instant recordedAt) {
    return new AppealRevisedV1(
        appeal.code(),
        state(appeal),
        new AppealRevisedV1.Revision(
            revision.number(),
            revision.reason(),
            revision.effectiveOn(),
            appeal.originalRequirements()),
        revision.effectiveOn(),
        recordedAt);
  }

  public static AppealClosedV1 closed(Appeal appeal, LocalDate occurredOn, Instant recordedAt) {
    return new AppealClosedV1(appeal.code(), state(appeal), occurredOn, recordedAt);
  }

  /** The appeal's full state, as every appeal event carries it. */
  public static AppealStateV1 state(Appeal a) {
    return new AppealStateV1(
        a.code(),
        a.title(),
        a.agencies(),
        a.periodStart(),
        a.periodEnd(),
        a.description(),
        a.status().name(),
        a.launchedOn(),
        a.currentRequirements(),
        a.lines().stream()
            .map(
                l ->
                    new AppealStateV1.Line(
                        l.id(),
                        l.terms().country(),
                        l.terms().agency(),
                        l.terms().sector().name(),
                        l.terms().category().name(),
                        l.terms().priority().name(),
                        l.terms().description(),
                        l.terms().amount()))
            .toList(),
        a.version());
  }
}
