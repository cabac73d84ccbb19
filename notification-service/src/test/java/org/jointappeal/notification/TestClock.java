package org.jointappeal.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A settable clock: tests live in late 1997 unless they say otherwise. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

  public static final Instant DEFAULT_NOW = Instant.parse("1997-12-01T09:00:00Z");

  private volatile Instant now = DEFAULT_NOW;

  public void set(Instant instant) {
    now = instant;
  }

  public void reset() {
    now = DEFAULT_NOW;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
