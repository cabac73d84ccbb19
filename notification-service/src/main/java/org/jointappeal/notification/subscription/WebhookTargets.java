package org.jointappeal.notification.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.jointappeal.notification.DomainRule;
import org.jointappeal.notification.DomainRuleViolation;

/**
 * The outbound policy of webhooks, applied at registration and again before each send: https only
 * (unless configured otherwise for dev and test), and the host's addresses must all be public —
 * none loopback, link-local (169.254.169.254, the cloud metadata service), private (10/8,
 * 172.16/12, 192.168/16), unique-local (fc00::/7), multicast or unspecified. A host that resolves
 * to such an address after registration is refused at send time; the connection then goes to the
 * address checked here.
 */
@ApplicationScoped
public class WebhookTargets {

  private final WebhookConfig config;

  WebhookTargets(WebhookConfig config) {
    this.config = config;
  }

  /** Refusal of a webhook URL, with the reason (detail names the field, {@code webhookUrl}). */
  public static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** At registration: the same check, refused as a 422 problem naming the field. */
  void requireAllowed(String url) {
    try {
      check(url);
    } catch (Refused e) {
      throw DomainRuleViolation.of(
          DomainRule.WEBHOOK_TARGET_REFUSED, "webhookUrl: " + e.getMessage());
    }
  }

  /** Resolves the URL's host now and returns the address to connect to, or refuses it. */
  public WebhookTarget check(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    if (!https && !scheme.equals("http")) {
      throw new Refused("only http(s) URLs are allowed");
    }
    if (!https && config.requireHttps()) {
      throw new Refused("only https URLs are allowed");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("credentials in the URL are not allowed");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new Refused("the URL has no host");
    }
    String bareHost =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bareHost);
    } catch (UnknownHostException | SecurityException e) {
      throw new Refused("the host " + host + " does not resolve");
    }
    boolean exempt =
        config.allowedPrivateHosts().orElse(Set.of()).stream()
            .anyMatch(
                allowed -> allowed.equalsIgnoreCase(host) || allowed.equalsIgnoreCase(bareHost));
    if (!exempt) {
      for (InetAddress address : addresses) {
        String why = internal(address);
        if (why != null) {
          throw new Refused(
              "the host %s resolves to %s, a %s address"
                  .formatted(host, address.getHostAddress(), why));
        }
      }
    }
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new WebhookTarget(https, bareHost, port, path + query, addresses[0]);
  }

  /** Why an address is inside (a name for the refusal), or null for a public one. */
  static String internal(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
      if (isIpv4Embedded(bytes)) {
        return "IPv4-embedded";
      }
    } else {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      if (first == 0) {
        return "unspecified"; // 0.0.0.0/8: "this network"
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "private"; // 100.64.0.0/10, carrier-grade NAT
      }
    }
    return null;
  }

  /** ::a.b.c.d (IPv4-compatible) or 64:ff9b::/96 (NAT64): an IPv4 address in disguise. */
  private static boolean isIpv4Embedded(byte[] bytes) {
    boolean compatible = true;
    for (int i = 0; i < 12; i++) {
      compatible &= bytes[i] == 0;
    }
    boolean nat64 =
        bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = bytes[i] == 0;
    }
    return compatible || nat64;
  }
}
