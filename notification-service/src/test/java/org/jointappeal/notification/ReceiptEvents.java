package org.jointappeal.notification;

import java.util.UUID;

/**
 * Test data: receipt events as pledge-service publishes them on {@code pledge-events}, keyed by
 * donor. Valid defaults: NOR receives NOK 1 000 000.00 of value date 1997-10-15, nothing allocated,
 * version 0.
 */
public final class ReceiptEvents {

  public static final String RECORDED = "org.jointappeal.receipt.recorded.v1";
  public static final String ALLOCATED = "org.jointappeal.receipt.allocated.v1";

  private final UUID receiptId = UUID.randomUUID();
  private String donorCode = "NOR";
  private String amount = "1000000.00";
  private String unallocated = "1000000.00";
  private String valueDate = "1997-10-15";
  private long version = 0;

  private ReceiptEvents() {}

  public static ReceiptEvents aReceipt() {
    return new ReceiptEvents();
  }

  public ReceiptEvents by(String donorCode) {
    this.donorCode = donorCode;
    return this;
  }

  public ReceiptEvents valueDate(String date) {
    this.valueDate = date;
    return this;
  }

  public ReceiptEvents unallocated(String amount) {
    this.unallocated = amount;
    return this;
  }

  public ReceiptEvents atVersion(long version) {
    this.version = version;
    return this;
  }

  public UUID id() {
    return receiptId;
  }

  public String json() {
    var allocated =
        new java.math.BigDecimal(amount).subtract(new java.math.BigDecimal(unallocated));
    String status =
        allocated.signum() == 0
            ? "UNALLOCATED"
            : unallocated.equals("0.00") ? "ALLOCATED" : "PARTIALLY_ALLOCATED";
    return """
        {"donorCode":"%s","receipt":{"receiptId":"%s","donorCode":"%s","amount":%s,
         "valueDate":"%s","usdValue":{"amount":"134048.26","currency":"USD"},"unitsPerUsd":"7.46",
         "allocated":%s,"unallocated":%s,"status":"%s","source":"MANUAL","version":%d},
         "occurredOn":"%s","recordedAt":"1997-10-16T09:00:00Z"}"""
        .formatted(
            donorCode,
            receiptId,
            donorCode,
            nok(amount),
            valueDate,
            nok(allocated.toPlainString()),
            nok(unallocated),
            status,
            version,
            valueDate);
  }

  public String publishAndAwait(String type) {
    String eventId = UUID.randomUUID().toString();
    KafkaTestClient.send(
        PledgeEvents.TOPIC,
        donorCode,
        PledgeEvents.cloudEventHeaders(eventId, type),
        KafkaTestClient.bytes(json()));
    FundingEvents.awaitApplied(eventId);
    return eventId;
  }

  private static String nok(String amount) {
    return "{\"amount\":\"%s\",\"currency\":\"NOK\"}".formatted(amount);
  }
}
