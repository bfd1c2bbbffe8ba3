package dev.escalation.processes.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.processes.TicketEscalation.SlaPolicy;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.processes.TicketProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * S1: every row of {@code sla-policy.dmn}, evaluated by the engine's own DMN engine: the inputs that
 * select it, the promise it gives and the rule id the engine reports. The four severity rows are T2's
 * defaults exactly (SlaProperties.defaultTargets), so a table nobody edited changes nothing.
 */
@ZeebeProcessTest
class SlaPolicyDecisionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DMN = Path.of("sla-policy.dmn");
  private static final List<Double> AT_75 = List.of(0.75);
  private static final List<Double> AT_50_AND_75 = List.of(0.5, 0.75);

  ZeebeTestEngine engine;
  ZeebeClient client;

  /** One evaluation: a plain ticket of this priority and plan (plus {@code inputs}), and the promise expected. */
  record Case(String name, String priority, String plan, Map<String, Object> inputs, String ruleId, String response,
      String resolution, String nextReply, String calendar, List<Double> thresholds, boolean notifyManager) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeEach
  void deploy() {
    client.newDeployResourceCommand().addResourceFromClasspath(SlaPolicy.RESOURCE).send().join();
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("ENTERPRISE P3 answers in 30 minutes around the clock", "P3", "ENTERPRISE", in(),
            "enterprise-around-the-clock", "PT30M", "PT8H", "PT1H", "24x7", AT_50_AND_75, true),
        new Case("ENTERPRISE P1 keeps the P1 targets, around the clock", "P1", "ENTERPRISE", in(),
            "enterprise-around-the-clock", "PT15M", "PT4H", "PT1H", "24x7", AT_50_AND_75, true),
        new Case("PREMIUM P2 adds a next-reply target in business hours", "P2", "PREMIUM", in(),
            "premium-next-reply", "PT1H", "PT8H", "PT4H", "business-hours", AT_50_AND_75, false),
        new Case("PREMIUM P3", "P3", "PREMIUM", in(), "premium-next-reply", "PT4H", "PT24H", "PT4H", "business-hours",
            AT_50_AND_75, false),
        new Case("PREMIUM P4", "P4", "PREMIUM", in(), "premium-next-reply", "PT24H", "PT72H", "PT4H", "business-hours",
            AT_50_AND_75, false),
        new Case("PREMIUM P1 is the P1 row", "P1", "PREMIUM", in(), "p1-around-the-clock", "PT15M", "PT4H", null, "24x7",
            AT_75, false),
        new Case("FREE P2 within half a business day", "P2", "FREE", in(), "free-next-business-day", "PT4H", "PT72H", null,
            "business-hours", AT_75, false),
        new Case("FREE P4 within a business day", "P4", "FREE", in(), "free-next-business-day", "PT8H", "PT72H", null,
            "business-hours", AT_75, false),
        new Case("FREE P1 is the P1 row", "P1", "FREE", in(), "p1-around-the-clock", "PT15M", "PT4H", null, "24x7", AT_75,
            false),
        new Case("T2 default P1", "P1", "STANDARD", in(), "p1-around-the-clock", "PT15M", "PT4H", null, "24x7", AT_75, false),
        new Case("T2 default P2", "P2", "STANDARD", in(), "p2-business-hours", "PT1H", "PT8H", null, "business-hours", AT_75,
            false),
        new Case("T2 default P3", "P3", "STANDARD", in(), "p3-business-hours", "PT4H", "PT24H", null, "business-hours", AT_75,
            false),
        new Case("T2 default P4", "P4", "STANDARD", in(), "p4-business-hours", "PT24H", "PT72H", null, "business-hours", AT_75,
            false),
        new Case("no plan at all is the default row", "P3", null, in(), "p3-business-hours", "PT4H", "PT24H", null,
            "business-hours", AT_75, false),
        new Case("VIP, chat, security category and tier 3 change nothing in the default table", "P2", "STANDARD",
            in(Variables.VIP, true, Variables.CHANNEL, "chat", Variables.CATEGORY, "SECURITY", Variables.TIER, 3),
            "p2-business-hours", "PT1H", "PT8H", null, "business-hours", AT_75, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rowGivesItsPromiseAndRuleId(Case c) throws Exception {
    Map<String, Object> vars = TicketProcessDriver.neutralTriage();
    vars.put(Variables.PRIORITY, c.priority());
    vars.put(Variables.PLAN, c.plan());
    vars.put(Variables.TIER, 1);
    vars.putAll(c.inputs());

    EvaluateDecisionResponse response =
        client.newEvaluateDecisionCommand().decisionId(SlaPolicy.DECISION_ID).variables(vars).send().join();

    var evaluated = response.getEvaluatedDecisions().get(0);
    assertThat(evaluated.getMatchedRules()).as("FIRST hit policy: one matched rule").hasSize(1);
    assertThat(evaluated.getMatchedRules().get(0).getRuleId()).isEqualTo(c.ruleId());
    Map<String, Object> out = JSON.readValue(response.getDecisionOutput(), new TypeReference<>() {});
    assertThat(out)
        .containsEntry(SlaPolicy.RULE_ID, c.ruleId())
        .containsEntry(SlaPolicy.RESPONSE_TARGET, c.response())
        .containsEntry(SlaPolicy.RESOLUTION_TARGET, c.resolution())
        .containsEntry(SlaPolicy.NEXT_REPLY_TARGET, c.nextReply())
        .containsEntry(SlaPolicy.CALENDAR, c.calendar())
        .containsEntry(SlaPolicy.WARNING_THRESHOLDS, c.thresholds())
        .containsEntry(SlaPolicy.NOTIFY_MANAGER_ON_BREACH, c.notifyManager());
    assertThat((String) out.get(SlaPolicy.REASON)).isNotBlank();
  }

  @Test
  void theCasesCoverEveryRowOfTheTable() throws Exception {
    String dmn = Files.readString(DMN);
    Set<String> rows = Pattern.compile("<rule id=\"([^\"]+)\"").matcher(dmn).results()
        .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    Set<String> tested = cases().map(Case::ruleId).collect(Collectors.toCollection(TreeSet::new));
    assertThat(rows).hasSize(7);
    assertThat(tested).isEqualTo(rows);
  }

  @Test
  void everyRowExplainsItselfAndTheSeverityDefaultsComeLast() throws Exception {
    String dmn = Files.readString(DMN);
    List<String> ids = Pattern.compile("<rule id=\"([^\"]+)\">\\s*<description>[^<]{20,}</description>").matcher(dmn)
        .results().map(m -> m.group(1)).toList();
    assertThat(ids).hasSize(7).endsWith("p1-around-the-clock", "p2-business-hours", "p3-business-hours", "p4-business-hours");
    assertThat(dmn).contains("hitPolicy=\"FIRST\"");
  }

  private static Map<String, Object> in(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
