package org.jointappeal.notification.alert;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.jointappeal.notification.AlreadyExists;
import org.jointappeal.notification.NotFound;
import org.jointappeal.notification.paging.Cursor;
import org.jointappeal.notification.paging.Page;
import org.jointappeal.notification.paging.PageRequest;

/** Alert rules as data: every change is evaluated at once against the latest coverage. */
@ApplicationScoped
public class AlertRuleService {

  private final AlertRuleRepository rules;
  private final AlertService alerts;
  private final Clock clock;

  AlertRuleService(AlertRuleRepository rules, AlertService alerts, Clock clock) {
    this.rules = rules;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Transactional
  public Page<AlertRuleView> list(PageRequest page) {
    return Page.of(rules.pageByName(page), page, r -> Cursor.of(r.name())).map(AlertRuleView::of);
  }

  @Transactional
  public AlertRuleView find(UUID id) {
    return AlertRuleView.of(load(id));
  }

  @Transactional
  public AlertRuleView create(RuleDefinition definition) {
    var rule = new AlertRule(definition, clock.instant());
    requireUniqueName(definition.name(), rule.id());
    rules.persist(rule);
    rules.flush();
    alerts.reconcile(rule);
    Log.infof("alert rule created ruleId=%s rule=%s", rule.id(), rule.name());
    return AlertRuleView.of(rule);
  }

  @Transactional
  public AlertRuleView restate(UUID id, RuleDefinition definition) {
    var rule = load(id);
    requireUniqueName(definition.name(), id);
    rule.restate(definition, clock.instant());
    rules.flush();
    alerts.reconcile(rule);
    Log.infof("alert rule restated ruleId=%s rule=%s", id, rule.name());
    return AlertRuleView.of(rule);
  }

  @Transactional
  public void delete(UUID id) {
    var rule = load(id);
    alerts.retire(rule);
    rules.delete(rule);
    Log.infof("alert rule deleted ruleId=%s rule=%s", id, rule.name());
  }

  @Scheduled(
      every = "{notification.rules.evaluation-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void evaluateOnSchedule() {
    alerts.reevaluateAll();
  }

  private AlertRule load(UUID id) {
    return rules.findByIdOptional(id).orElseThrow(() -> NotFound.of("alert rule", id));
  }

  private void requireUniqueName(String name, UUID id) {
    if (rules.nameTaken(name, id)) {
      throw AlreadyExists.of("alert rule", name);
    }
  }
}
