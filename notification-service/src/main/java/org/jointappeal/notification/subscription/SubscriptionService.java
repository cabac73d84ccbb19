package org.jointappeal.notification.subscription;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jointappeal.notification.DomainRule;
import org.jointappeal.notification.DomainRuleViolation;
import org.jointappeal.notification.DonorScope;
import org.jointappeal.notification.Forbidden;
import org.jointappeal.notification.NotFound;
import org.jointappeal.notification.paging.Cursor;
import org.jointappeal.notification.paging.Page;
import org.jointappeal.notification.paging.PageRequest;

@ApplicationScoped
public class SubscriptionService {

  private final SubscriptionRepository subscriptions;
  private final WebhookTargets webhookTargets;
  private final SubscriptionConfig config;
  private final Clock clock;

  SubscriptionService(
      SubscriptionRepository subscriptions,
      WebhookTargets webhookTargets,
      SubscriptionConfig config,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.webhookTargets = webhookTargets;
    this.config = config;
    this.clock = clock;
  }

  /**
   * A donor subscribes only to alerts about its own pledges: its donor code becomes the filter, and
   * naming another donor is refused (403). Staff may subscribe to anything.
   */
  @Transactional
  public SubscriptionView create(
      CreateSubscriptionRequest request, String subscriber, DonorScope scope) {
    String donorCode = request.donorCode();
    Optional<String> own = scope.restrictedTo();
    if (own.isPresent()) {
      if (donorCode != null && !donorCode.equals(own.get())) {
        throw Forbidden.of("a donor subscribes only to alerts about its own pledges");
      }
      donorCode = own.get();
    }
    requireTarget(request);
    if (request.channel() == Channel.WEBHOOK) {
      webhookTargets.requireAllowed(request.webhookUrl()); // checked again before each send
    }
    // one subscriber's creations in turn, so two at once cannot both take the last place
    long held = subscriptions.lockAndCount(subscriber);
    if (held >= config.maxPerSubscriber()) {
      throw DomainRuleViolation.of(
          DomainRule.TOO_MANY_SUBSCRIPTIONS,
          "a subscriber holds at most %d subscriptions; delete one first"
              .formatted(config.maxPerSubscriber()));
    }
    boolean email = request.channel() == Channel.EMAIL;
    var subscription =
        new Subscription(
            subscriber,
            request.channel(),
            email ? request.emailAddress() : null,
            email ? null : request.webhookUrl(),
            email ? null : request.webhookSecret(),
            request.rule(),
            request.appealCode(),
            donorCode,
            clock.instant());
    subscriptions.persist(subscription);
    Log.infof(
        "subscription created subscriptionId=%s channel=%s",
        subscription.id(), subscription.channel());
    return SubscriptionView.of(subscription);
  }

  @Transactional
  public Page<SubscriptionView> list(String subscriber, PageRequest page) {
    return Page.of(
            subscriptions.pageOf(subscriber, page), page, s -> Cursor.of(s.createdAt(), s.id()))
        .map(SubscriptionView::of);
  }

  @Transactional
  public SubscriptionView find(UUID id, String subscriber) {
    return SubscriptionView.of(load(id, subscriber));
  }

  /** Ends it now; what was already decided for it is still sent, and its log stays. */
  @Transactional
  public void delete(UUID id, String subscriber) {
    subscriptions.delete(load(id, subscriber));
    Log.infof("subscription deleted subscriptionId=%s", id);
  }

  private Subscription load(UUID id, String subscriber) {
    return subscriptions.findOwn(id, subscriber).orElseThrow(() -> NotFound.of("subscription", id));
  }

  private static void requireTarget(CreateSubscriptionRequest request) {
    boolean complete =
        switch (request.channel()) {
          case EMAIL ->
              request.emailAddress() != null
                  && request.webhookUrl() == null
                  && request.webhookSecret() == null;
          case WEBHOOK ->
              request.webhookUrl() != null
                  && request.webhookSecret() != null
                  && request.emailAddress() == null;
        };
    if (!complete) {
      throw DomainRuleViolation.of(
          DomainRule.SUBSCRIPTION_TARGET_MISMATCH,
          "EMAIL takes emailAddress only; WEBHOOK takes webhookUrl and webhookSecret only");
    }
  }
}
