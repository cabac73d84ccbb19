package org.jointappeal.appeal.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across the outbox: the context of the transaction that appends a row is stored
 * with it (W3C {@code traceparent}, {@code tracestate}), the relay publishes the row as its child,
 * and a consumer continues from the record's headers, so that the rows it appends belong to the
 * same trace. With tracing off ({@code quarkus.otel.sdk.disabled=true}) nothing is exported; the
 * Kafka connector still writes {@code traceparent} headers, so the context may travel regardless.
 */
@ApplicationScoped
public class TraceContext {

  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

  private final TextMapPropagator headerPropagator;
  private final Tracer tracer;

  TraceContext(OpenTelemetry openTelemetry, Tracer tracer) {
    // the record headers are written by the Kafka connector with the configured propagators
    this.headerPropagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.tracer = tracer;
  }

  /** The current span's context, to store with an outbox row; both null when nothing is traced. */
  public Stored current() {
    Map<String, String> fields = new HashMap<>();
    W3C.inject(Context.current(), fields, Map::put);
    return new Stored(fields.get("traceparent"), fields.get("tracestate"));
  }

  /**
   * The parent for publishing a row: the context it was written in, or none (a row written outside
   * any trace starts its own at publishing).
   */
  public Context restore(OutboxEvent row) {
    if (row.traceparent() == null) {
      return Context.root();
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("traceparent", row.traceparent());
    if (row.tracestate() != null) {
      fields.put("tracestate", row.tracestate());
    }
    return W3C.extract(Context.root(), fields, MAP);
  }

  /**
   * Starts the span of a consumer's work on one record ({@code <consumer> process}), as a child of
   * the publish span whose context the record's headers carry, and makes it current until closed:
   * the inbox row, the effect and any outbox row appended meanwhile belong to that trace. Works the
   * same for one record or for each record of a batch.
   */
  public ProcessSpan continueFrom(Headers headers, String consumer) {
    Context parent = headerPropagator.extract(Context.root(), headers, HEADERS);
    Span span =
        tracer
            .spanBuilder(consumer + " process")
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.operation.type", "process")
            .setAttribute("messaging.consumer.group.name", consumer)
            .startSpan();
    String eventId = HEADERS.get(headers, "ce_id");
    if (eventId != null) {
      span.setAttribute("messaging.message.id", eventId);
    }
    return new ProcessSpan(span, span.makeCurrent());
  }

  /** A W3C trace context as stored in the outbox columns of the same names. */
  public record Stored(String traceparent, String tracestate) {}

  /** The consumer's span, current until closed; closing ends it. */
  public record ProcessSpan(Span span, Scope scope) implements AutoCloseable {
    @Override
    public void close() {
      scope.close();
      span.end();
    }
  }

  private static final TextMapGetter<Map<String, String>> MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private static final TextMapGetter<Headers> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
          return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
          Header header = carrier == null ? null : carrier.lastHeader(key);
          return header == null || header.value() == null
              ? null
              : new String(header.value(), StandardCharsets.UTF_8);
        }
      };
}
