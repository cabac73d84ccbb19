package org.jointappeal.notification.alert;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;
import org.jointappeal.notification.events.AppealChangedV1;
import org.jointappeal.notification.events.AppealEventV1;
import org.jointappeal.notification.messaging.Inbox;
import org.jointappeal.notification.messaging.TraceContext;

/** Keeps each appeal's period for the period-share condition; exactly once via the inbox. */
@ApplicationScoped
public class AppealEventsConsumer {

  static final String CONSUMER = "notification-service.appeal-events";

  private final Inbox inbox;
  private final AlertService alerts;
  private final TraceContext traces;

  AppealEventsConsumer(Inbox inbox, AlertService alerts, TraceContext traces) {
    this.inbox = inbox;
    this.alerts = alerts;
    this.traces = traces;
  }

  @Incoming("appeal-events")
  @Blocking
  @Transactional
  public void on(
      AppealEventV1 event,
      IncomingCloudEventMetadata<AppealEventV1> cloudEvent,
      IncomingKafkaRecordMetadata<String, AppealEventV1> record) {
    MDC.put("eventId", cloudEvent.getId());
    try (var span = traces.continueFrom(record.getHeaders(), CONSUMER)) {
      if (!inbox.firstDelivery(CONSUMER, cloudEvent.getId())) {
        return;
      }
      if (event instanceof AppealChangedV1 changed) {
        MDC.put("appealCode", changed.appealCode());
        var a = changed.appeal();
        alerts.onAppealChanged(changed.appealCode(), a.version(), a.periodStart(), a.periodEnd());
      }
    } finally {
      MDC.remove("eventId");
      MDC.remove("appealCode");
    }
  }
}
