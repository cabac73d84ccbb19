package org.jointappeal.pledge;

import java.time.Duration;

/**
 * Something pledge-service learns only from another service's events has not reached it (yet): 409
 * with {@code Retry-After}. Right after an appeal is launched, its launch event may still be on its
 * way; pledge-service cannot tell such an appeal from one that does not exist.
 */
public final class NotYetKnown extends RuntimeException {

  private final String slug;
  private final String title;
  private final Duration retryAfter;

  private NotYetKnown(String slug, String title, String detail, Duration retryAfter) {
    super(detail, null, false, false);
    this.slug = slug;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  public static NotYetKnown appeal(String appealCode, Duration retryAfter) {
    return new NotYetKnown(
        "appeal-not-yet-known",
        "The appeal is not known here (yet)",
        ("appeal %s is not known to pledge-service: if it was launched a moment ago, its launch"
                + " has not reached pledge-service yet, retry after %d s; if it keeps failing,"
                + " check the appeal code")
            .formatted(appealCode, retryAfter.toSeconds()),
        retryAfter);
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
