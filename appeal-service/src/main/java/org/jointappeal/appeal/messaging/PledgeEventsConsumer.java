package org.jointappeal.appeal.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;
import org.jointappeal.appeal.funding.FundingService;

/** Feeds the funding projection; exactly once in effect thanks to the inbox. */
@ApplicationScoped
public class PledgeEventsConsumer {

  static final String CONSUMER = "appeal-service.pledge-events";

  private final Inbox inbox;
  private final FundingService funding;
  private final TraceContext traces;

  PledgeEventsConsumer(Inbox inbox, FundingService funding, TraceContext traces) {
    this.inbox = inbox;
    this.funding = funding;
    this.traces = traces;
  }

  @Incoming("pledge-events")
  @Blocking
  @Transactional
  public void on(
      PledgeEventV1 event,
      IncomingCloudEventMetadata<PledgeEventV1> cloudEvent,
      IncomingKafkaRecordMetadata<String, PledgeEventV1> record) {
    MDC.put("eventId", cloudEvent.getId());
    try (var span = traces.continueFrom(record.getHeaders(), CONSUMER)) {
      if (!inbox.firstDelivery(CONSUMER, cloudEvent.getId())) {
        return;
      }
      if (event instanceof PledgeEventV1.PledgeChanged changed) {
        MDC.put("appealCode", changed.appealCode());
        funding.apply(changed);
      }
    } finally {
      MDC.remove("eventId");
      MDC.remove("appealCode");
    }
  }
}
