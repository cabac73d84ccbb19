package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The drift guard. Each service has its own copy of the shared mechanisms (the outbox and its
 * relay, the inbox, dead letters, tracing, problem mapping, the body limit, paging, idempotency,
 * Money, the caller): services share no code, only the contract. This test keeps the copies one
 * shape: with package names and the service's own name taken out, every copy must equal the others
 * line for line, except the blocks that {@link #ALLOWED} names, each with its reason. Change a copy
 * alone and this fails; change all of them, or name the difference here.
 */
class SharedMechanismsTest {

  /** A shared mechanism: its path under {@code org/jointappeal/<service>/}, and who has it. */
  record Shared(String file, List<String> services, String whyNotEverywhere) {

    static Shared everywhere(String file) {
      return new Shared(file, Repo.SERVICES, "");
    }

    static Shared in(String file, String whyNotEverywhere, String... services) {
      return new Shared(file, List.of(services), whyNotEverywhere);
    }

    Path path(String service) {
      String name = service.substring(0, service.indexOf('-'));
      return Repo.root()
          .resolve(service)
          .resolve("src/main/java/org/jointappeal")
          .resolve(name)
          .resolve(file);
    }
  }

  /**
   * A block that only some copies have: from the first line that {@code startsWith} (after
   * normalising) until its braces close, or its statement ends; the Javadoc just above it goes with
   * it.
   */
  record Allowed(String file, String service, String startsWith, String reason) {}

  static final List<Shared> SHARED =
      List.of(
          Shared.everywhere("messaging/Outbox.java"),
          Shared.everywhere("messaging/OutboxRelay.java"),
          Shared.everywhere("messaging/OutboxEvent.java"),
          Shared.everywhere("messaging/OutboxAppended.java"),
          Shared.everywhere("messaging/OutboxConfig.java"),
          Shared.everywhere("messaging/OutboxMetrics.java"),
          Shared.everywhere("messaging/OutgoingEvent.java"),
          Shared.everywhere("messaging/Inbox.java"),
          Shared.everywhere("messaging/CloudEventDeserializer.java"),
          Shared.everywhere("messaging/PoisonRecordHandler.java"),
          Shared.everywhere("messaging/DeadLetterHealth.java"),
          Shared.everywhere("messaging/DeadLetterMetrics.java"),
          Shared.everywhere("messaging/TraceContext.java"),
          Shared.everywhere("web/Problem.java"),
          Shared.everywhere("web/ProblemMapper.java"),
          Shared.everywhere("web/StandardAnswers.java"),
          Shared.everywhere("web/BodyLimit.java"),
          Shared.everywhere("web/BodyLimitConfig.java"),
          Shared.everywhere("web/CurrentCaller.java"),
          Shared.everywhere("web/Roles.java"),
          Shared.everywhere("web/PlainText.java"),
          Shared.everywhere("web/PlainParameters.java"),
          Shared.everywhere("web/RequestJson.java"),
          Shared.everywhere("web/JsonCustomizer.java"),
          Shared.everywhere("web/HttpMetricsProducer.java"),
          Shared.everywhere("web/PageLinks.java"),
          Shared.everywhere("web/IdempotencyKeys.java"),
          Shared.everywhere("idempotency/IdempotentRequests.java"),
          Shared.everywhere("idempotency/IdempotencyKey.java"),
          Shared.everywhere("idempotency/Answer.java"),
          Shared.everywhere("paging/Cursor.java"),
          Shared.everywhere("paging/Keyset.java"),
          Shared.everywhere("paging/Page.java"),
          Shared.everywhere("paging/PageRequest.java"),
          Shared.everywhere("paging/InvalidPage.java"),
          Shared.everywhere("NotFound.java"),
          Shared.everywhere("AlreadyExists.java"),
          Shared.everywhere("RequestInFlight.java"),
          Shared.everywhere("DomainRuleViolation.java"),
          Shared.everywhere("ClockProducer.java"),
          Shared.everywhere("MetricsConfig.java"),
          Shared.in(
              "Forbidden.java",
              "appeal-service acts for no donor, so it never refuses to act for another one",
              "pledge-service",
              "notification-service"),
          Shared.in(
              "money/Money.java",
              "notification-service's Money is another type: it only carries amounts of events"
                  + " their producer validated (for alert texts), and never refuses one",
              "appeal-service",
              "pledge-service"));

  static final List<Allowed> ALLOWED =
      List.of(
          new Allowed(
              "web/CurrentCaller.java",
              "pledge-service",
              "private final JsonWebToken token;",
              "pledge-service reads the donor code from the injected token"),
          new Allowed(
              "web/CurrentCaller.java",
              "pledge-service",
              "CurrentCaller(SecurityIdentity identity, JsonWebToken token) {",
              "the same"),
          new Allowed(
              "web/CurrentCaller.java",
              "pledge-service",
              "public DonorScope donorScope() {",
              "a donor sees only its own pledges and receipts; appeal-service has no donor-owned"
                  + " resources, and pledge-service's scope is a DonorCode"),
          new Allowed(
              "web/CurrentCaller.java",
              "notification-service",
              "private static final Pattern DONOR_CODE",
              "notification-service checks the claim's shape itself (it has no DonorCode type)"),
          new Allowed(
              "web/CurrentCaller.java",
              "notification-service",
              "public DonorScope donorScope() {",
              "a donor sees only alerts labelled with its code; appeal-service has no donor-owned"
                  + " resources"),
          new Allowed(
              "web/CurrentCaller.java",
              "notification-service",
              "public Optional<Instant> tokenExpiresAt() {",
              "only notification-service streams (SSE), and a stream ends when its token does"),
          new Allowed(
              "web/CurrentCaller.java",
              "appeal-service",
              "CurrentCaller(SecurityIdentity identity) {",
              "no token to inject: appeal-service reads no claim"),
          new Allowed(
              "web/CurrentCaller.java",
              "notification-service",
              "CurrentCaller(SecurityIdentity identity) {",
              "the same, for notification-service (it reads the claim from the principal)"));

  @Test
  void everyCopyOfASharedMechanismHasOneShape() {
    List<String> drift = new ArrayList<>();
    List<Allowed> used = new ArrayList<>();
    for (Shared shared : SHARED) {
      Map<String, List<String>> copies = new LinkedHashMap<>();
      for (String service : shared.services()) {
        Path path = shared.path(service);
        if (!Files.isRegularFile(path)) {
          drift.add("%s: missing in %s (%s)".formatted(shared.file(), service, path));
          continue;
        }
        List<String> lines = normalised(service, path);
        for (Allowed allowed : ALLOWED) {
          if (allowed.file().equals(shared.file()) && allowed.service().equals(service)) {
            if (strip(lines, allowed.startsWith())) {
              used.add(allowed);
            }
          }
        }
        copies.put(service, lines);
      }
      var first = copies.entrySet().stream().findFirst();
      if (first.isEmpty()) {
        continue;
      }
      copies.forEach(
          (service, lines) -> {
            String difference = firstDifference(first.get().getValue(), lines);
            if (difference != null) {
              drift.add(
                  "%s: %s and %s differ at %s"
                      .formatted(shared.file(), first.get().getKey(), service, difference));
            }
          });
    }
    for (Allowed allowed : ALLOWED) {
      assertThat(allowed.reason()).as("the reason for %s", allowed).isNotBlank();
      if (!used.contains(allowed)) {
        drift.add("allowed but not found (remove the entry): " + allowed);
      }
    }
    assertThat(drift).as("copies that drifted apart").isEmpty();
  }

  @Test
  void theGuardSeesAChangedLine() {
    var appeal = List.of("class Outbox {", "int size = 10;", "}");
    var pledge = List.of("class Outbox {", "int size = 11;", "}");
    assertThat(firstDifference(appeal, pledge)).contains("int size = 10;", "int size = 11;");
    assertThat(firstDifference(appeal, appeal)).isNull();
  }

  @Test
  void anAllowedBlockTakesItsJavadocAndEndsWhereItsBracesClose() {
    var lines =
        new ArrayList<>(
            List.of(
                "/** The scope. */",
                "public Scope scope() {",
                "if (x) {",
                "return a;",
                "}",
                "return b;",
                "}",
                "public String subject() {"));
    assertThat(strip(lines, "public Scope scope() {")).isTrue();
    assertThat(lines).containsExactly("public String subject() {");
    assertThat(strip(lines, "public Scope scope() {")).isFalse();
  }

  /**
   * The lines as the comparison sees them: trimmed, without blank lines, the package and its
   * imports (they follow the package), and with the service's own name written {@code X}: {@code
   * org.jointappeal.pledge}, {@code pledge-service}, the config prefix {@code pledge.}.
   */
  static List<String> normalised(String service, Path path) {
    String name = service.substring(0, service.indexOf('-'));
    Pattern ownPackage = Pattern.compile("org\\.jointappeal\\." + name + "\\b");
    List<String> lines = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(path)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("package ") || t.startsWith("import ")) {
          continue;
        }
        t = ownPackage.matcher(t).replaceAll("org.jointappeal.X");
        t = t.replace(service, "X-service").replace("{" + name + ".", "{X.");
        t = t.replace("\"" + name + ".", "\"X.");
        lines.add(t);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** Removes the first block that starts with {@code start}, and its Javadoc; false if none. */
  static boolean strip(List<String> lines, String start) {
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        from = i;
        break;
      }
    }
    if (from < 0) {
      return false;
    }
    int to = from;
    int depth = 0;
    boolean opened = false;
    for (; to < lines.size(); to++) {
      String line = lines.get(to);
      for (char c : line.toCharArray()) {
        if (c == '{') {
          depth++;
          opened = true;
        } else if (c == '}') {
          depth--;
        }
      }
      if (depth <= 0 && (opened || line.endsWith(";"))) {
        break;
      }
    }
    int javadoc = from;
    if (javadoc > 0 && lines.get(javadoc - 1).endsWith("*/")) {
      while (javadoc > 0 && !lines.get(javadoc - 1).startsWith("/**")) {
        javadoc--;
      }
      javadoc--;
    }
    lines.subList(Math.max(javadoc, 0), Math.min(to + 1, lines.size())).clear();
    return true;
  }

  /** Null if equal; else the first differing line of each, with the line before it. */
  static String firstDifference(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      if (!a.get(i).equals(b.get(i))) {
        return "line %d after \"%s\": \"%s\" / \"%s\""
            .formatted(i + 1, i == 0 ? "" : a.get(i - 1), a.get(i), b.get(i));
      }
    }
    if (a.size() != b.size()) {
      return "the end: %d lines / %d lines".formatted(a.size(), b.size());
    }
    return null;
  }

  @Test
  void aMechanismNotInEveryServiceSaysWhy() {
    for (Shared shared : SHARED) {
      assertThat(Set.copyOf(shared.services())).hasSameSizeAs(shared.services());
      assertThat(Repo.SERVICES).containsAll(shared.services());
      if (shared.services().size() < Repo.SERVICES.size()) {
        assertThat(shared.whyNotEverywhere()).as(shared.file()).isNotBlank();
      }
    }
  }
}
