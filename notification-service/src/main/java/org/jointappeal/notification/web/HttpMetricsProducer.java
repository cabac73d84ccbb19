package org.jointappeal.notification.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Latency buckets for {@code http_server_requests_seconds}, so that Prometheus can compute p99 per
 * service across instances ({@code histogram_quantile}); Quarkus exports only count, sum and max by
 * default. A dozen fixed buckets, not Micrometer's full histogram: a series per bucket, route and
 * status adds up.
 */
public class HttpMetricsProducer {

  private static final double[] BUCKETS =
      Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
          .mapToDouble(millis -> Duration.ofMillis(millis).toNanos())
          .toArray();

  @Produces
  @Singleton
  MeterFilter httpLatencyBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(BUCKETS)
            .build()
            .merge(config);
      }
    };
  }
}
