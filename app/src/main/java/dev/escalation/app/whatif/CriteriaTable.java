package dev.escalation.app.whatif;

import dev.escalation.processes.TicketEscalation.Criteria;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValNull$;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import scala.util.Either;

/**
 * An escalation criteria table ({@code escalation-criteria.dmn}) parsed by dmn-scala, the DMN engine
 * Zeebe embeds, outside the engine: M6 replays stored criteria inputs through it. Thread-safe: one
 * parsed table is evaluated from several threads at once.
 */
public final class CriteriaTable {
  private static final DmnEngine ENGINE = new DmnEngine.Builder().build();

  private final ParsedDmn parsed;

  private CriteriaTable(ParsedDmn parsed) {
    this.parsed = parsed;
  }

  /** The table's DMN cannot be used: {@code getMessage()} is the parser's reason (or the missing decision). */
  public static final class InvalidTable extends Exception {
    InvalidTable(String reason) {
      super(reason);
    }
  }

  /** Parses a candidate; it must define the decision {@code escalation-criteria} that the process calls. */
  public static CriteriaTable parse(InputStream dmn) throws InvalidTable {
    Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = ENGINE.parse(dmn);
    } catch (RuntimeException e) {
      throw new InvalidTable("Failed to parse DMN: " + e.getMessage());
    }
    if (result.isLeft()) {
      throw new InvalidTable(result.left().toOption().get().message());
    }
    ParsedDmn parsed = result.toOption().get();
    if (!parsed.decisionsById().contains(Criteria.DECISION_ID)) {
      throw new InvalidTable("has no decision with id '" + Criteria.DECISION_ID + "', which the ticket process calls");
    }
    return new CriteriaTable(parsed);
  }

  /** The deployed table, as the processes module ships it on the classpath. */
  public static CriteriaTable deployed() {
    try (InputStream dmn = CriteriaTable.class.getClassLoader().getResourceAsStream(Criteria.RESOURCE)) {
      if (dmn == null) {
        throw new IllegalStateException(Criteria.RESOURCE + " is not on the classpath");
      }
      return parse(dmn);
    } catch (InvalidTable | java.io.IOException e) {
      throw new IllegalStateException("the deployed " + Criteria.RESOURCE + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The decision's outputs for these inputs, as plain Java values (numbers as {@link Number}), or the
   * evaluation's failure. No output map when no rule matched.
   */
  public Evaluation evaluate(Map<String, Object> inputs) {
    var result = ENGINE.eval(parsed, Criteria.DECISION_ID, inputs);
    if (result.isLeft()) {
      return new Evaluation(null, result.left().toOption().get().failure().message());
    }
    Object value = result.toOption().get().value();
    // the FEEL value mappers found on the classpath (ServiceLoader) decide whether a context comes back as a
    // Scala map, a Java map or FEEL's own context value: Zeebe's, on the test classpath, keep FEEL values
    if (value instanceof ValContext context) {
      value = context.context().variableProvider().getVariables();
    }
    Map<String, Object> java = new HashMap<>();
    if (value instanceof scala.collection.Map<?, ?> outputs) {
      outputs.foreach(entry -> java.put(String.valueOf(entry._1()), javaValue(entry._2())));
      return new Evaluation(java, null);
    }
    if (value instanceof Map<?, ?> outputs) {
      outputs.forEach((name, output) -> java.put(String.valueOf(name), javaValue(output)));
      return new Evaluation(java, null);
    }
    return new Evaluation(null, value == null ? null : "the decision gave " + value + ", not a context of outputs");
  }

  /** {@code outputs} null and {@code failure} null: no rule matched. */
  public record Evaluation(Map<String, Object> outputs, String failure) {}

  private static Object javaValue(Object value) {
    return switch (value) {
      case scala.math.BigDecimal number -> number.bigDecimal();
      case ValNumber number -> number.value().bigDecimal();
      case ValString text -> text.value();
      case ValBoolean flag -> flag.value();
      case Val other when other == ValNull$.MODULE$ -> null;
      case null, default -> value;
    };
  }
}
