package org.jointappeal.pledge.known;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;
import org.jointappeal.pledge.events.AppealChangedV1;
import org.jointappeal.pledge.events.AppealEventV1;
import org.jointappeal.pledge.messaging.Inbox;
import org.jointappeal.pledge.messaging.TraceContext;

/** Keeps pledge-service's copy of appeals; exactly once in effect thanks to the inbox. */
@ApplicationScoped
public class AppealEventsConsumer {

  static final String CONSUMER = "pledge-service.appeal-events";

  private final Inbox inbox;
  private final KnownAppeals appeals;
  private final TraceContext traces;

  AppealEventsConsumer(Inbox inbox, KnownAppeals appeals, TraceContext traces) {
    this.inbox = inbox;
    this.appeals = appeals;
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
        appeals.apply(changed);
      }
    } finally {
      MDC.remove("eventId");
      MDC.remove("appealCode");
    }
  }
}
