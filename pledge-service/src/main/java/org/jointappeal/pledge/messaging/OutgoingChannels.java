package org.jointappeal.pledge.messaging;

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

  OutgoingChannels(@Channel("pledge-events-out") MutinyEmitter<String> pledgeEvents) {
    this.byTopic = Map.of("pledge-events", pledgeEvents);
  }

  MutinyEmitter<String> of(String topic) {
    MutinyEmitter<String> emitter = byTopic.get(topic);
    if (emitter == null) {
      throw new IllegalStateException("no channel for topic " + topic);
    }
    return emitter;
  }
}
