package org.jointappeal.notification.subscription;

import java.net.InetAddress;

/**
 * A webhook URL checked by {@link WebhookTargets}: the host as written (for the Host header, SNI
 * and certificate check) and the address it resolved to, which is the one connected to (a second
 * resolution could answer otherwise: DNS rebinding).
 */
public record WebhookTarget(
    boolean https, String host, int port, String pathAndQuery, InetAddress address) {}
