package dev.escalation.processes.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.processes.TicketEscalation.Criteria;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.processes.TicketProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code escalation-criteria.dmn}, evaluated by the engine's own DMN engine: the inputs
 * that select the row (and none above it), the outputs it gives and the rule id the engine reports.
 */
@ZeebeProcessTest
class EscalationCriteriaDecisionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DMN = Path.of("escalation-criteria.dmn");

  ZeebeTestEngine engine;
  ZeebeClient client;

  /** One evaluation: the inputs on top of a plain P3 ticket, and the outputs expected. */
  record Case(String name, Map<String, Object> inputs, String ruleId, String priority, String type, String group,
      int startingTier, int maxTier, boolean page, boolean devTask) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeEach
  void deploy() {
    client.newDeployResourceCommand().addResourceFromClasspath(Criteria.RESOURCE).send().join();
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("legal risk on a P3", in("legalRisk", true), "legal-risk-to-security-privacy", "P2", "FUNCTIONAL",
            "security-privacy", 2, 3, false, false),
        new Case("legal risk on a P1 that is also a bug pages and keeps the dev task",
            in("legalRisk", true, "priority", "P1", "bugSignal", true, "vip", true, "churnRisk", true),
            "legal-risk-to-security-privacy", "P1", "FUNCTIONAL", "security-privacy", 2, 3, true, true),
        new Case("VIP threatens to leave", in("vip", true, "churnRisk", true), "vip-threatens-to-leave", "P1",
            "HIERARCHICAL", null, 3, 3, true, false),
        new Case("high-revenue account threatens to leave", in("annualRevenue", 250000, "churnRisk", true),
            "high-revenue-threatens-to-leave", "P2", "HIERARCHICAL", null, 3, 3, false, false),
        new Case("churn risk", in("churnRisk", true, "annualRevenue", 99999), "churn-risk", "P2", "FUNCTIONAL", null, 2, 3,
            false, false),
        new Case("strongly negative sentiment", in("sentimentScore", -0.91), "strongly-negative-sentiment", "P2",
            "FUNCTIONAL", null, 2, 3, false, false),
        new Case("sentiment exactly at the threshold", in("sentimentScore", -0.75), "strongly-negative-sentiment", "P2",
            "FUNCTIONAL", null, 2, 3, false, false),
        new Case("product bug on a billing ticket goes to technical", in("bugSignal", true),
            "product-bug-to-technical", "P3", "FUNCTIONAL", "technical", 1, 3, false, true),
        new Case("VIP on a weekend", in("vip", true, "weekend", true), "vip-on-weekend", "P1", "FUNCTIONAL", null, 1, 3,
            true, false),
        new Case("VIP on a P4", in("vip", true, "priority", "P4"), "vip-customer", "P2", "FUNCTIONAL", null, 1, 3, false,
            false),
        new Case("VIP never lowers a P1", in("vip", true, "priority", "P1"), "vip-customer", "P1", "FUNCTIONAL", null, 1,
            3, false, false),
        new Case("high revenue at the threshold", in("annualRevenue", 100000), "high-revenue-customer", "P2",
            "FUNCTIONAL", null, 1, 3, false, false),
        new Case("negative post on a public channel", in("channel", "instagram", "sentimentScore", -0.55),
            "public-channel-complaint", "P2", "FUNCTIONAL", null, 1, 3, false, false),
        new Case("security ticket on a P4", in("category", "SECURITY", "priority", "P4"), "security-category", "P3",
            "FUNCTIONAL", "security-privacy", 1, 3, false, false),
        new Case("plain P4", in("priority", "P4"), "low-priority-two-tiers", "P4", "FUNCTIONAL", null, 1, 2, false, false),
        new Case("plain P3", in(), "default", "P3", "FUNCTIONAL", null, 1, 3, false, false),
        new Case("negative but not clearly so, by e-mail, is not escalated", in("sentimentScore", -0.74, "channel", "email"), "default",
            "P3", "FUNCTIONAL", null, 1, 3, false, false),
        new Case("not scored (null sentiment) and unknown revenue match no risk row",
            in("sentimentScore", null, "annualRevenue", null, "channel", "instagram"), "default", "P3", "FUNCTIONAL",
            null, 1, 3, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rowGivesItsOutputsAndRuleId(Case c) throws Exception {
    Map<String, Object> vars = TicketProcessDriver.neutralTriage();
    vars.put(Variables.PRIORITY, "P3");
    vars.putAll(c.inputs());

    EvaluateDecisionResponse response =
        client.newEvaluateDecisionCommand().decisionId(Criteria.DECISION_ID).variables(vars).send().join();

    var evaluated = response.getEvaluatedDecisions().get(0);
    assertThat(evaluated.getMatchedRules()).as("FIRST hit policy: one matched rule").hasSize(1);
    assertThat(evaluated.getMatchedRules().get(0).getRuleId()).isEqualTo(c.ruleId());
    Map<String, Object> out = JSON.readValue(response.getDecisionOutput(), new TypeReference<>() {});
    assertThat(out)
        .containsEntry(Criteria.RULE_ID, c.ruleId())
        .containsEntry(Criteria.EFFECTIVE_PRIORITY, c.priority())
        .containsEntry(Criteria.ESCALATION_TYPE, c.type())
        .containsEntry(Criteria.TARGET_GROUP, c.group())
        .containsEntry(Criteria.STARTING_TIER, c.startingTier())
        .containsEntry(Criteria.MAX_TIER, c.maxTier())
        .containsEntry(Criteria.PAGE_MANAGER, c.page())
        .containsEntry(Criteria.CREATE_DEV_TASK, c.devTask());
    assertThat((String) out.get(Criteria.REASON)).isNotBlank();
    assertThat(priorityRank(c.priority())).as("never lower than given").isLessThanOrEqualTo(
        priorityRank((String) vars.get(Variables.PRIORITY)));
  }

  @Test
  void theCasesCoverEveryRowOfTheTable() throws Exception {
    String dmn = Files.readString(DMN);
    Set<String> rows = Pattern.compile("<rule id=\"([^\"]+)\"").matcher(dmn).results()
        .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    Set<String> tested = cases().map(Case::ruleId).collect(Collectors.toCollection(TreeSet::new));
    assertThat(rows).hasSize(13);
    assertThat(tested).isEqualTo(rows);
  }

  @Test
  void everyRowExplainsItselfAndTheDefaultRowIsLast() throws Exception {
    String dmn = Files.readString(DMN);
    List<String> ids = Pattern.compile("<rule id=\"([^\"]+)\">\\s*<description>[^<]{20,}</description>").matcher(dmn)
        .results().map(m -> m.group(1)).toList();
    assertThat(ids).hasSize(13).last().isEqualTo("default");
    assertThat(dmn).contains("hitPolicy=\"FIRST\"");
  }

  private static int priorityRank(String priority) {
    return Integer.parseInt(priority.substring(1));
  }

  private static Map<String, Object> in(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static Map<String, Object> copy(Map<String, Object> m) {
    return new HashMap<>(m);
  }
}
