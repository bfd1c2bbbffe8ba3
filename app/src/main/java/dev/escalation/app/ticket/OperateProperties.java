package dev.escalation.app.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param baseUrl where engineers open Operate, e.g. http://localhost:8088; empty when there is none (embedded mode) */
@ConfigurationProperties("escalation.operate")
record OperateProperties(String baseUrl) {
  String linkTo(Long processInstanceKey) {
    if (baseUrl == null || baseUrl.isBlank() || processInstanceKey == null) {
      return null;
    }
    return baseUrl.replaceAll("/+$", "") + "/operate/processes/" + processInstanceKey;
  }
}
