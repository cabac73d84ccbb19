package org.jointappeal.notification.delivery;

import java.util.UUID;
import org.jointappeal.notification.subscription.Channel;

/**
 * A delivery this instance holds the lease of, with its subscription's target (null fields when the
 * subscription was deleted since).
 */
record ClaimedDelivery(
    UUID id,
    Channel channel,
    String payload,
    int attempts,
    boolean subscribed,
    String emailAddress,
    String webhookUrl,
    String webhookSecret) {}
