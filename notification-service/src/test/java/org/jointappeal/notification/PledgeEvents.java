package org.jointappeal.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data: pledge events as pledge-service publishes them on {@code pledge-events} (full pledge
 * state in every event). Valid defaults: NOR commits USD 1 000 000.00 to a fresh appeal in one
 * instalment due 1997-09-30, version 1; a test states only what matters to it.
 */
public final class PledgeEvents {

  public static final String TOPIC = "pledge-events";
  public static final String DLQ = "pledge-events.dlq";
  public static final String ANNOUNCED = "org.jointappeal.pledge.announced.v1";
  public static final String COMMITTED = "org.jointappeal.pledge.committed.v1";
  public static final String CANCELLED = "org.jointappeal.pledge.cancelled.v1";
  public static final String WRITTEN_OFF = "org.jointappeal.pledge.written-off.v1";
  public static final String PAYMENT_ALLOCATED = "org.jointappeal.pledge.payment-allocated.v1";
  public static final String PAYMENT_REVERSED = "org.jointappeal.pledge.payment-reversed.v1";
  public static final String INSTALMENT_OVERDUE = "org.jointappeal.pledge.instalment-overdue.v1";

  private final UUID pledgeId = UUID.randomUUID();
  private String appealCode = FundingEvents.uniqueAppealCode();
  private String donorCode = "NOR";
  private String usdValue = "1000000.00";
  private String status = "COMMITTED";
  private long version = 1;
  private Instant recordedAt = Instant.parse("1997-07-02T10:00:00Z");
  private List<String[]> instalments = new ArrayList<>();

  private PledgeEvents() {
    instalments.add(new String[] {"1", "1997-09-30", "1000000.00", "0.00", "PENDING"});
  }

  public static PledgeEvents aPledge() {
    return new PledgeEvents();
  }

  public PledgeEvents forAppeal(String code) {
    this.appealCode = code;
    return this;
  }

  public PledgeEvents by(String donorCode) {
    this.donorCode = donorCode;
    return this;
  }

  /** Its value in USD; the pledge is in USD, so the instalments sum to it. */
  public PledgeEvents worthUsd(String amount) {
    this.usdValue = amount;
    instalments = new ArrayList<>();
    instalments.add(new String[] {"1", "1997-09-30", amount, "0.00", "PENDING"});
    return this;
  }

  public PledgeEvents status(String status) {
    this.status = status;
    return this;
  }

  public PledgeEvents atVersion(long version) {
    this.version = version;
    return this;
  }

  public PledgeEvents recordedAt(Instant at) {
    this.recordedAt = at;
    return this;
  }

  /** Replaces the schedule: each {number, dueOn, amount, paid, status}. */
  public PledgeEvents instalments(String[]... schedule) {
    this.instalments = new ArrayList<>(List.of(schedule));
    return this;
  }

  public UUID id() {
    return pledgeId;
  }

  public String appealCode() {
    return appealCode;
  }

  public String json(String type) {
    var schedule = new StringBuilder();
    for (String[] i : instalments) {
      if (!schedule.isEmpty()) {
        schedule.append(',');
      }
      schedule.append(instalment(i, "dueOn"));
    }
    String overdue =
        INSTALMENT_OVERDUE.equals(type)
            ? ",\"instalment\":" + instalment(instalments.get(0), "dueDate")
            : "";
    return """
        {"appealCode":"%s","pledge":{"pledgeId":"%s","appealCode":"%s","donorCode":"%s",
         "amount":%s,"usdValue":%s,"unitsPerUsd":"1","rateEffectiveFrom":"1997-07-01",
         "announcedOn":"1997-07-02","occasion":null,"status":"%s","agreementReference":null,
         "committedOn":null,"earmarking":{"level":"UNEARMARKED","agency":null,"country":null,
         "sector":null,"requirementLineId":null},"paid":%s,"outstanding":%s,"writtenOff":%s,
         "paidUsd":%s,"outstandingUsd":%s,"writtenOffUsd":%s,"instalments":[%s],"version":%d}%s,
         "occurredOn":"1997-07-02","recordedAt":"%s"}"""
        .formatted(
            appealCode,
            pledgeId,
            appealCode,
            donorCode,
            usd(usdValue),
            usd(usdValue),
            status,
            usd("0.00"),
            usd(usdValue),
            usd("0.00"),
            usd("0.00"),
            usd(usdValue),
            usd("0.00"),
            schedule,
            version,
            overdue,
            recordedAt);
  }

  /** Publishes this state as an event of the type under a fresh id and waits until applied. */
  public String publishAndAwait(String type) {
    String eventId = UUID.randomUUID().toString();
    publishAs(type, eventId);
    FundingEvents.awaitApplied(eventId);
    return eventId;
  }

  public void publishAs(String type, String eventId) {
    KafkaTestClient.send(
        TOPIC, appealCode, cloudEventHeaders(eventId, type), KafkaTestClient.bytes(json(type)));
  }

  static java.util.Map<String, String> cloudEventHeaders(String eventId, String type) {
    var headers = KafkaTestClient.cloudEventHeaders(eventId, type);
    headers.put("ce_source", "urn:jointappeal:pledge-service");
    return headers;
  }

  private static String instalment(String[] i, String dueName) {
    return """
        {"number":%s,"%s":"%s","amount":%s,"paid":%s,"status":"%s"}"""
        .formatted(i[0], dueName, i[1], usd(i[2]), usd(i[3]), i[4]);
  }

  private static String usd(String amount) {
    return "{\"amount\":\"%s\",\"currency\":\"USD\"}".formatted(amount);
  }
}
