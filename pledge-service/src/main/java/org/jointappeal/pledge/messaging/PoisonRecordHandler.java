package org.jointappeal.pledge.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

/**
 * A record that cannot be read is counted, logged without its bytes, and answered with null: the
 * channel's dead-letter strategy then moves it to {@code <topic>.dlq} and the consumer goes on.
 */
@ApplicationScoped
@Identifier("poison-records")
public class PoisonRecordHandler implements DeserializationFailureHandler<Object> {

  private final MeterRegistry registry;

  PoisonRecordHandler(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Object handleDeserializationFailure(
      String topic,
      boolean isKey,
      String deserializer,
      byte[] data,
      Exception exception,
      Headers headers) {
    registry.counter("jointappeal.dlq.records", "topic", topic).increment();
    Log.warnf(
        "poison record dead-lettered topic=%s inKey=%s reason=%s",
        topic, isKey, exception.getMessage());
    return null;
  }
}
