package org.jointappeal.notification.alert;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;
import org.jointappeal.notification.events.ForecastProjectedV1;
import org.jointappeal.notification.events.PledgeChangedV1;
import org.jointappeal.notification.events.PledgeEventV1;
import org.jointappeal.notification.events.ReceiptChangedV1;
import org.jointappeal.notification.known.AppealProjection;
import org.jointappeal.notification.known.KnownPledge;
import org.jointappeal.notification.known.PledgeState;
import org.jointappeal.notification.messaging.Inbox;
import org.jointappeal.notification.messaging.TraceContext;

/**
 * Keeps the copy of pledges and receipts the pledge rules read, and evaluates them; exactly once in
 * effect thanks to the inbox, and an older state never overwrites a newer one.
 */
@ApplicationScoped
public class PledgeEventsConsumer {

  static final String CONSUMER = "notification-service.pledge-events";

  private final Inbox inbox;
  private final AlertService alerts;
  private final TraceContext traces;

  PledgeEventsConsumer(Inbox inbox, AlertService alerts, TraceContext traces) {
    this.inbox = inbox;
    this.alerts = alerts;
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
      if (event instanceof PledgeChangedV1 changed) {
        var p = changed.pledge();
        MDC.put("appealCode", p.appealCode());
        alerts.onPledgeChanged(
            new PledgeState(
                p.pledgeId(),
                p.version(),
                p.appealCode(),
                p.donorCode(),
                p.status(),
                p.usdValue().amount(),
                p.instalments().stream()
                    .map(
                        i ->
                            new KnownPledge.Instalment(
                                i.number(),
                                i.dueOn(),
                                i.amount().amount(),
                                i.paid() == null ? BigDecimal.ZERO : i.paid().amount(),
                                i.amount().currency(),
                                i.status()))
                    .toList(),
                changed.recordedAt()));
      } else if (event instanceof ForecastProjectedV1 p) {
        MDC.put("appealCode", p.appealCode());
        alerts.onProjection(
            p.appealCode(),
            new AppealProjection.Projected(
                p.asOf(),
                p.periodEnd(),
                p.monthsLeft(),
                p.requirements().amount(),
                p.p10Funding().amount(),
                p.p50Funding().amount(),
                p.p90Funding().amount(),
                p.p10CoveragePercent(),
                p.p50CoveragePercent(),
                p.p90CoveragePercent(),
                p.modelVersion(),
                p.recordedAt()));
      } else if (event instanceof ReceiptChangedV1 changed) {
        var r = changed.receipt();
        alerts.onReceiptChanged(
            r.receiptId(),
            r.version(),
            r.donorCode(),
            r.valueDate(),
            r.unallocated().amount(),
            r.unallocated().currency(),
            r.status());
      }
    } finally {
      MDC.remove("eventId");
      MDC.remove("appealCode");
    }
  }
}
