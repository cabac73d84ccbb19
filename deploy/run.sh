#!/usr/bin/env bash
# Runs the whole platform on this machine: builds what is missing, starts PostgreSQL, Kafka and
# Keycloak (all on 127.0.0.1), the three services and the web console (http://127.0.0.1:8084),
# loads the demo data and prints how to use it.
# Ctrl-C stops everything. Data stays in .local-stack/ between runs; `deploy/run.sh --fresh`
# starts from nothing, `--no-demo-data` skips the demo, `--kafka-brokers=3` runs Kafka as a
# three-node KRaft cluster (replication factor 3, min.insync.replicas 2, as in production) on
# 127.0.0.1:9092, 9094 and 9096 instead of one broker. Needs only a JDK 17+ and Maven 3.8+.
set -euo pipefail
cd "$(dirname "$0")/.."

# the project's version, from the parent pom (its own <version>, the only one indented by two)
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)

missing=false
for artifact in appeal-service/target/quarkus-app/quarkus-run.jar \
  pledge-service/target/quarkus-app/quarkus-run.jar \
  notification-service/target/quarkus-app/quarkus-run.jar \
  web-console/target/quarkus-app/quarkus-run.jar \
  deploy/platform/kafka-broker/target/lib \
  deploy/platform/local-stack/target/lib \
  "deploy/platform/local-stack/target/local-stack-${version}.jar"; do
  [ -e "$artifact" ] || missing=true
done
if [ "$missing" = true ]; then
  echo "building the platform (first run, or after mvn clean)..."
  mvn -B -q package -DskipTests \
    -pl deploy/platform/kafka-broker,deploy/platform/local-stack,appeal-service,pledge-service,notification-service,web-console
fi

exec java -cp "deploy/platform/local-stack/target/lib/*:deploy/platform/local-stack/target/local-stack-${version}.jar" \
  org.jointappeal.localstack.RunPlatform "$@"
