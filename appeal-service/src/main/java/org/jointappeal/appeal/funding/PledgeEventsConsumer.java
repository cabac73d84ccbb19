package org.jointappeal.appeal.funding;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jointappeal.appeal.events.PledgeEventV1;
import org.jointappeal.appeal.messaging.Inbox;
import org.jointappeal.appeal.messaging.TraceContext;

/**
 * Feeds the funding projection; exactly once in effect thanks to the inbox. Records come in the
 * batches Kafka hands out (one poll): the whole batch is applied in one transaction and each
 * touched appeal's figures are published once, which is what lets a replay or a pledging
 * conference's burst go at the database's pace rather than one commit per event.
 */
@ApplicationScoped
public class PledgeEventsConsumer {

  static final String CONSUMER = "appeal-service.pledge-events";

  private final Inbox inbox;
  private final FundingService funding;
  private final TraceContext traces;
  private final int deferFrom;

  PledgeEventsConsumer(
      Inbox inbox,
      FundingService funding,
      TraceContext traces,
      @ConfigProperty(name = "appeal.funding.defer-publish-batch-size") int deferFrom) {
    this.inbox = inbox;
    this.funding = funding;
    this.traces = traces;
    this.deferFrom = deferFrom;
  }

  @Incoming("pledge-events")
  @Blocking
  public CompletionStage<Void> on(KafkaRecordBatch<String, PledgeEventV1> batch) {
    var readable = new ArrayList<IncomingKafkaRecord<String, PledgeEventV1>>();
    for (var each : batch.getRecords()) {
      // the connector builds a batch from incoming records: each can be acknowledged on its own
      var record = (IncomingKafkaRecord<String, PledgeEventV1>) each;
      if (record.getPayload() == null) {
        // in batch mode the connector hands unreadable records over too: they go to the DLQ here
        deadLetter(record, unreadable(record));
      } else {
        readable.add(record);
      }
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> apply(readable));
    } catch (RuntimeException batchFailed) {
      // one record the projection cannot take must not hold back the others: one by one, and
      // only the failing one is dead-lettered
      Log.warnf(
          "batch of %d pledge events not applied, retrying one by one: %s",
          readable.size(), batchFailed.toString());
      for (var record : readable) {
        try {
          QuarkusTransaction.requiringNew().run(() -> apply(List.of(record)));
        } catch (RuntimeException failed) {
          deadLetter(record, failed);
        }
      }
    }
    return batch.ack();
  }

  private void apply(List<IncomingKafkaRecord<String, PledgeEventV1>> records) {
    var fresh =
        new HashSet<>(
            inbox.firstDeliveries(
                CONSUMER, records.stream().map(PledgeEventsConsumer::eventId).toList()));
    var changes = new ArrayList<PledgeEventV1.PledgeChanged>();
    var origins = new ArrayList<Headers>();
    for (var record : records) {
      // remove: an id seen twice in one batch is applied once
      if (fresh.remove(eventId(record))
          && record.getPayload() instanceof PledgeEventV1.PledgeChanged changed) {
        changes.add(changed);
        origins.add(record.getHeaders());
      }
    }
    var changed = funding.keep(changes);
    if (records.size() >= deferFrom) {
      // a batch this large means more is waiting (a replay, or a burst): publish once caught up
      funding.defer(changed);
      return;
    }
    var published = new HashSet<String>();
    for (var touched : changed) {
      // each appeal's funding.changed continues the trace of the last event that changed it
      try (var span = traces.continueFrom(origins.get(touched.lastEvent()), CONSUMER)) {
        span.span().setAttribute("jointappeal.appeal.code", touched.appealCode());
        funding.publish(touched);
        published.add(touched.appealCode());
      }
    }
    // caught up: what earlier large batches deferred goes out now, each appeal once
    funding.publishDeferred(Duration.ZERO, published);
  }

  private static String eventId(IncomingKafkaRecord<String, ?> record) {
    var id = record.getHeaders().lastHeader("ce_id");
    if (id == null) {
      throw new IllegalArgumentException(
          "record without ce_id at " + record.getTopic() + "/" + record.getOffset());
    }
    return new String(id.value(), StandardCharsets.UTF_8);
  }

  private static RuntimeException unreadable(IncomingKafkaRecord<String, ?> record) {
    var reason = record.getHeaders().lastHeader("deserialization-failure-reason");
    return new RecordDeserializationException(
        new TopicPartition(record.getTopic(), record.getPartition()),
        record.getOffset(),
        reason == null ? "unreadable record" : new String(reason.value(), StandardCharsets.UTF_8),
        null);
  }

  private static void deadLetter(IncomingKafkaRecord<String, ?> record, Throwable reason) {
    Log.warnf(
        "pledge event dead-lettered partition=%d offset=%d reason=%s",
        record.getPartition(), record.getOffset(), reason.toString());
    record.nack(reason).toCompletableFuture().join();
  }
}
