#!/usr/bin/env bash
# The benchmark of issue #8: starts PostgreSQL, Kafka, Keycloak and the three packaged services on
# free ports, loads data through the public APIs, runs every scenario and writes report.md,
# report.json and PNG charts into deploy/benchmarks/target/report/ (git-ignored).
#   deploy/benchmark.sh            full run (about 35 min on a quiet 2-core machine)
#   deploy/benchmark.sh --quick    smoke run (a few minutes; figures are not measurements)
#   deploy/benchmark.sh --soak=60m the soak only: steady writes at half the highest rate for 60 min
#                                  (--soak=2m --quick: a quick check of the soak in a few minutes)
# Any option as --name=value, e.g. --scales=1,10 --step-seconds=10; see docs/performance.md.
# Needs only a JDK 17+ and Maven 3.8+; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# the project's version, from the parent pom (its own <version>, the only one indented by two)
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)

missing=false
for artifact in appeal-service/target/quarkus-app/quarkus-run.jar \
  pledge-service/target/quarkus-app/quarkus-run.jar \
  notification-service/target/quarkus-app/quarkus-run.jar \
  web-console/target/quarkus-app/quarkus-run.jar \
  deploy/platform/kafka-broker/target/lib; do
  [ -e "$artifact" ] || missing=true
done
if [ "$missing" = true ]; then
  echo "packaging the platform (first run, or after mvn clean)..."
  mvn -B -q package -DskipTests \
    -pl deploy/platform/kafka-broker,deploy/platform/local-stack,appeal-service,pledge-service,notification-service,web-console
fi
# the benchmark itself is small: always rebuilt, so that it matches this checkout
mvn -B -q package -DskipTests -Pbenchmarks -pl deploy/platform/local-stack,deploy/benchmarks

# The services run with the full JIT (the local stack's default, C1 only, is for fast test start-ups);
# SERVICE_JVM_OPTIONS replaces these, e.g. to add -XX:StartFlightRecording for a profile;
# BENCHMARK_JVM_OPTIONS adds options to the load generator (e.g. -Xlog:gc:file=...).
exec java -Xmx1g ${BENCHMARK_JVM_OPTIONS:-} "-Djointappeal.service.jvm-options=${SERVICE_JVM_OPTIONS:--XX:+UseSerialGC}" -cp "deploy/benchmarks/target/lib/*:deploy/benchmarks/target/benchmarks-${version}.jar" \
  org.jointappeal.benchmarks.Benchmark "$@"
