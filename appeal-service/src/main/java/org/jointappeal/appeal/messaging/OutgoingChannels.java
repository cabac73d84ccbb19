package org.jointappeal.appeal.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The topics this service publishes on and their channels: the one part of the outbox relay that is
 * this service's own.
 */
@ApplicationScoped
class OutgoingChannels {

  private final Map<String, MutinyEmitter<String>> byTopic;

  OutgoingChannels(
      @Channel("appeal-events-out") MutinyEmitter<String> appealEvents,
      @Channel("funding-events-out") MutinyEmitter<String> fundingEvents) {
    this.byTopic = Map.of("appeal-events", appealEvents, "funding-events", fundingEvents);
  }

  MutinyEmitter<String> of(String topic) {
    MutinyEmitter<String> emitter = byTopic.get(topic);
    if (emitter == null) {
      throw new IllegalStateException("no channel for topic " + topic);
    }
    return emitter;
  }
}
