package org.jointappeal.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

/**
 * A trace collector's front door, in the test JVM: accepts OTLP/HTTP (protobuf) exports on {@code
 * /v1/traces} from the services and keeps every span, so a test can look at one trace as a whole.
 * The stand-in for a real collector, as the SMTP server is for mail.
 */
final class TraceReceiver implements AutoCloseable {

  /** One received span; ids in hex, as trace viewers show them; parent empty for a root. */
  record ReceivedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      Instant start,
      Instant end,
      Map<String, String> attributes) {

    boolean isRoot() {
      return parentSpanId.isEmpty();
    }
  }

  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

  private TraceReceiver(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free port of 127.0.0.1. */
  static TraceReceiver start() {
    try {
      var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      var receiver = new TraceReceiver(server);
      server.createContext("/v1/traces", receiver::export);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OTLP endpoint to give the services; they append {@code /v1/traces}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The spans of one trace received so far, in start order. */
  List<ReceivedSpan> trace(String traceId) {
    return spans.stream()
        .filter(s -> s.traceId().equals(traceId))
        .sorted(Comparator.comparing(ReceivedSpan::start))
        .toList();
  }

  /** Every span received so far. */
  List<ReceivedSpan> all() {
    return List.copyOf(spans);
  }

  /**
   * Writes one trace as readable JSON to {@code <dir>/<traceId>.json}: service, name, kind, ids and
   * times of every span, in start order, for a human to look at.
   */
  Path write(String traceId, Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(traceId + ".json");
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("traceId", traceId);
      document.put("spans", trace(traceId).stream().map(TraceReceiver::readable).toList());
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> readable(ReceivedSpan span) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("service", span.service());
    fields.put("name", span.name());
    fields.put("kind", span.kind());
    fields.put("spanId", span.spanId());
    fields.put("parentSpanId", span.isRoot() ? null : span.parentSpanId());
    fields.put("start", span.start().toString());
    fields.put("end", span.end().toString());
    fields.put(
        "durationMicros", java.time.Duration.between(span.start(), span.end()).toNanos() / 1000);
    fields.put("attributes", span.attributes());
    return fields;
  }

  private void export(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ExportTraceServiceRequest request;
      try (InputStream body = body(exchange)) {
        request = ExportTraceServiceRequest.parseFrom(body);
      }
      for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
        String service =
            attributes(resourceSpans.getResource().getAttributesList()).get("service.name");
        for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
          for (var span : scopeSpans.getSpansList()) {
            spans.add(
                new ReceivedSpan(
                    service,
                    hex(span.getTraceId()),
                    hex(span.getSpanId()),
                    hex(span.getParentSpanId()),
                    span.getName(),
                    span.getKind().name().replace("SPAN_KIND_", ""),
                    instant(span.getStartTimeUnixNano()),
                    instant(span.getEndTimeUnixNano()),
                    attributes(span.getAttributesList())));
          }
        }
      }
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        exchange.getResponseBody().write(response);
      }
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    return "gzip".equalsIgnoreCase(encoding)
        ? new GZIPInputStream(exchange.getRequestBody())
        : exchange.getRequestBody();
  }

  private static Map<String, String> attributes(List<KeyValue> values) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (KeyValue value : values) {
      var any = value.getValue();
      attributes.put(
          value.getKey(),
          switch (any.getValueCase()) {
            case STRING_VALUE -> any.getStringValue();
            case INT_VALUE -> Long.toString(any.getIntValue());
            case BOOL_VALUE -> Boolean.toString(any.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(any.getDoubleValue());
            default -> any.toString().strip();
          });
    }
    return attributes;
  }

  private static String hex(ByteString id) {
    return HEX.formatHex(id.toByteArray());
  }

  private static Instant instant(long unixNanos) {
    return Instant.ofEpochSecond(0, unixNanos);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
