package org.jointappeal.notification.alert;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;
import org.jointappeal.notification.Money;
import org.jointappeal.notification.events.FundingChangedV1;
import org.jointappeal.notification.events.FundingEventV1;
import org.jointappeal.notification.messaging.Inbox;
import org.jointappeal.notification.messaging.TraceContext;

/** Evaluates alerts on funding changes; exactly once in effect thanks to the inbox. */
@ApplicationScoped
public class FundingEventsConsumer {

  static final String CONSUMER = "notification-service.funding-events";

  private final Inbox inbox;
  private final AlertService alerts;
  private final TraceContext traces;

  FundingEventsConsumer(Inbox inbox, AlertService alerts, TraceContext traces) {
    this.inbox = inbox;
    this.alerts = alerts;
    this.traces = traces;
  }

  @Incoming("funding-events")
  @Blocking
  @Transactional
  public void on(
      FundingEventV1 event,
      IncomingCloudEventMetadata<FundingEventV1> cloudEvent,
      IncomingKafkaRecordMetadata<String, FundingEventV1> record) {
    MDC.put("eventId", cloudEvent.getId());
    try (var span = traces.continueFrom(record.getHeaders(), CONSUMER)) {
      if (!inbox.firstDelivery(CONSUMER, cloudEvent.getId())) {
        return;
      }
      if (event instanceof FundingChangedV1 changed) {
        MDC.put("appealCode", changed.appealCode());
        var figures = changed.funding();
        alerts.onFundingChanged(
            changed.appealCode(),
            changed.version(),
            figures.coveragePercent(),
            amount(figures.funding()),
            amount(figures.currentRequirements()),
            amount(figures.unmet()),
            changed.groups());
      }
    } finally {
      MDC.remove("eventId");
      MDC.remove("appealCode");
    }
  }

  private static BigDecimal amount(Money usd) {
    return usd == null ? null : usd.amount();
  }
}
