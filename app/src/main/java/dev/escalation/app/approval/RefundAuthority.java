package dev.escalation.app.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.processes.RefundApproval;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A1's authority table, asked of the engine (the same {@code refund-authority} DMN the process uses),
 * so the inbox and the process can never disagree about who may approve what.
 */
@Component
class RefundAuthority {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CamundaClient client;

  RefundAuthority(CamundaClient client) {
    this.client = client;
  }

  record Verdict(boolean within, BigDecimal limit) {}

  Verdict of(String role, BigDecimal amount) {
    String output = client.newEvaluateDecisionCommand().decisionId(RefundApproval.DECISION_ID)
        .variables(Map.of("role", role, "amount", amount)).send().join().getDecisionOutput();
    try {
      JsonNode result = JSON.readTree(output);
      JsonNode limit = result.path("authorityLimit");
      return new Verdict(result.path("withinAuthority").asBoolean(false), limit.isNumber() ? limit.decimalValue() : null);
    } catch (Exception e) {
      throw new IllegalStateException("refund-authority returned something unexpected: " + output, e);
    }
  }
}
