package org.jointappeal.appeal.appeal;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.jointappeal.appeal.AlreadyExists;
import org.jointappeal.appeal.NotFound;
import org.jointappeal.appeal.VersionConflict;
import org.jointappeal.appeal.messaging.AppealCreatedV1;
import org.jointappeal.appeal.messaging.AppealLaunchedV1;
import org.jointappeal.appeal.messaging.Outbox;

@ApplicationScoped
public class AppealService {

  private final AppealRepository appeals;
  private final Outbox outbox;
  private final Event<AppealLaunched> launched;
  private final Clock clock;

  AppealService(
      AppealRepository appeals, Outbox outbox, Event<AppealLaunched> launched, Clock clock) {
    this.appeals = appeals;
    this.outbox = outbox;
    this.launched = launched;
    this.clock = clock;
  }

  @Transactional
  public AppealView create(CreateAppealRequest request) {
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
      for (RequirementLineRequest line : request.requirementLines()) {
        appeal.addRequirement(
            line.country(),
            line.agency(),
            line.sector(),
            line.category(),
            line.priority(),
            line.description(),
            line.amount().toMoney());
      }
    }
    appeals.persist(appeal);
    appeals.flush();
    outbox.append(AppealCreatedV1.of(appeal, LocalDate.now(clock), clock.instant()));
    Log.infof("appeal created appeal=%s lines=%d", appeal.code(), appeal.lines().size());
    return AppealView.of(appeal);
  }

  @Transactional
  public AppealView launch(String code, OptionalLong expectedVersion) {
    var appeal = appeals.findByIdOptional(code).orElseThrow(() -> NotFound.of("appeal", code));
    expectedVersion.ifPresent(
        expected -> {
          if (expected != appeal.version()) {
            throw VersionConflict.of("appeal", code, expected, appeal.version());
          }
        });
    appeal.launch(LocalDate.now(clock));
    appeals.flush(); // the event carries the version this change produced
    outbox.append(AppealLaunchedV1.of(appeal, clock.instant()));
    launched.fire(new AppealLaunched(appeal));
    Log.infof("appeal launched appeal=%s", code);
    return AppealView.of(appeal);
  }

  public AppealView find(String code) {
    return appeals
        .findByIdOptional(code)
        .map(AppealView::of)
        .orElseThrow(() -> NotFound.of("appeal", code));
  }

  public List<AppealView> list() {
    return appeals.listNewestFirst().stream().map(AppealView::of).toList();
  }
}
