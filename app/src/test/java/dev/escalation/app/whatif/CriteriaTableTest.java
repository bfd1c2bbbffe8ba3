package dev.escalation.app.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployed criteria table evaluated by dmn-scala outside the engine, row by row as the process would. */
class CriteriaTableTest {
  private final CriteriaTable table = CriteriaTable.deployed();

  @Test
  void aNeutralTicketTakesTheDefaultRow() {
    CriteriaTable.Evaluation evaluation = table.evaluate(inputs("P3", false, false, "BILLING", "email"));
    assertThat(evaluation.failure()).isNull();
    Map<String, Object> outputs = evaluation.outputs();
    assertThat(Outcome.of(outputs)).isEqualTo(new Outcome("default", "P3", 1, 3, false, false, null));
  }

  @Test
  void aBugGetsADevTaskAndALegalRiskStartsAtTierTwoAtLeastP2() {
    assertThat(Outcome.of(table.evaluate(inputs("P3", true, false, "TECHNICAL", "email")).outputs()))
        .isEqualTo(new Outcome("product-bug-to-technical", "P3", 1, 3, false, true, null));
    assertThat(Outcome.of(table.evaluate(inputs("P4", false, true, "ACCOUNT", "chat")).outputs()))
        .isEqualTo(new Outcome("legal-risk-to-security-privacy", "P2", 2, 3, false, false, null));
  }

  @Test
  void aTableThatIsNotDmnIsRefusedWithTheParsersReason() {
    assertThatThrownBy(() -> CriteriaTable.parse(new ByteArrayInputStream("no".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(CriteriaTable.InvalidTable.class).hasMessageStartingWith("Failed to parse DMN");
  }

  private static Map<String, Object> inputs(String priority, boolean bug, boolean legal, String category, String channel) {
    Map<String, Object> in = new HashMap<>();
    in.put("priority", priority);
    in.put("vip", false);
    in.put("annualRevenue", new BigDecimal("50000"));
    in.put("sentimentScore", 0.1);
    in.put("churnRisk", false);
    in.put("legalRisk", legal);
    in.put("bugSignal", bug);
    in.put("category", category);
    in.put("channel", channel);
    in.put("weekend", false);
    in.put("language", "en");
    return in;
  }
}
