package org.jointappeal.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jointappeal.localstack.quarkus.MailTestResource;
import org.jointappeal.localstack.quarkus.PostgresKafkaTestResource;

/**
 * Real PostgreSQL, a real Kafka broker and a real SMTP server for every @QuarkusTest of this
 * service.
 */
@QuarkusTestResource(MailTestResource.class)
@QuarkusTestResource(
    value = PostgresKafkaTestResource.class,
    initArgs = {
      @ResourceArg(name = "database", value = "notification"),
      @ResourceArg(
          name = "topics",
          value = "funding-events,pledge-events,appeal-events,alert-events")
    })
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StackResource {}
