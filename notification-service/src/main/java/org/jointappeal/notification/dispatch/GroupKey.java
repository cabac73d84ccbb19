package org.jointappeal.notification.dispatch;

import org.jointappeal.notification.alert.Alert;

/** Alerts are grouped by appeal, as Alertmanager's {@code group_by: [appeal]}. */
record GroupKey(String appealCode) {

  static GroupKey of(Alert alert) {
    String appeal = alert.labels().get("appeal");
    return new GroupKey(appeal != null ? appeal : alert.appealCode());
  }

  static GroupKey parse(String value) {
    return new GroupKey(value.substring("appeal=".length()));
  }

  String value() {
    return "appeal=" + appealCode;
  }
}
