package dev.escalation.app.queue;

import dev.escalation.app.web.Problems.FieldProblem;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * W1: the query parameters of {@code GET /api/queue}, read strictly: booleans are {@code true} or
 * {@code false}, enums their exact names, numbers plain decimal digits. Every bad or unknown
 * parameter is collected, so one 400 names them all.
 */
final class QueueParameters {
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;
  private static final List<String> KNOWN = List.of("mine", "tier", "group", "priority", "status", "breached", "atRisk",
      "channel", "vip", "cursor", "limit");

  record Parsed(QueueFilter filter, QueueCursor cursor, int limit) {}

  static final class Invalid extends RuntimeException {
    private final transient List<FieldProblem> problems;

    Invalid(List<FieldProblem> problems) {
      super(problems.toString());
      this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
      return problems;
    }
  }

  private final Map<String, String[]> raw;
  private final List<FieldProblem> problems = new ArrayList<>();

  private QueueParameters(Map<String, String[]> raw) {
    this.raw = raw;
  }

  static Parsed parse(Map<String, String[]> raw, String caller) {
    return new QueueParameters(raw).parse(caller);
  }

  private Parsed parse(String caller) {
    raw.keySet().stream().filter(name -> !KNOWN.contains(name)).sorted()
        .forEach(name -> problems.add(new FieldProblem(name, "is not a parameter of the queue; known: " + String.join(", ", KNOWN))));
    Boolean mine = bool("mine");
    Integer tier = number("tier", 1, 9);
    String group = text("group", "[a-z0-9][a-z0-9-]{0,63}", "must be a group name such as billing (lower case, digits, '-')");
    Priority priority = name("priority", Priority.class);
    TicketStatus status = name("status", TicketStatus.class);
    if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
      problems.add(new FieldProblem("status", "must be OPEN or WAITING_ON_CUSTOMER: the queue holds open tickets only"));
    }
    Boolean breached = bool("breached");
    Boolean atRisk = bool("atRisk");
    String channel = text("channel", "[a-z0-9][a-z0-9-]{0,31}", "must be a channel name such as email (lower case, digits, '-')");
    Boolean vip = bool("vip");
    Integer limit = number("limit", 1, MAX_LIMIT);
    QueueCursor cursor = value("cursor", text -> {
      try {
        return QueueCursor.decode(text);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("cursor", e.getMessage() + "; pass the 'next' of a page unchanged"));
        return null;
      }
    });
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    QueueFilter filter = new QueueFilter(Boolean.TRUE.equals(mine) ? caller : null, tier, group, priority,
        status, breached, atRisk, channel, vip);
    return new Parsed(filter, cursor, limit == null ? DEFAULT_LIMIT : limit);
  }

  /** The single value of a parameter, or null when absent; given twice is a problem. */
  private <T> T value(String name, Function<String, T> read) {
    String[] values = raw.get(name);
    if (values == null) {
      return null;
    }
    if (values.length != 1) {
      problems.add(new FieldProblem(name, "must be given once"));
      return null;
    }
    return read.apply(values[0]);
  }

  private Boolean bool(String name) {
    return value(name, text -> switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add(new FieldProblem(name, "must be true or false: '" + text + "'"));
        yield null;
      }
    });
  }

  private Integer number(String name, int min, int max) {
    return value(name, text -> {
      if (text.matches("[1-9][0-9]{0,2}")) {
        int n = Integer.parseInt(text);
        if (n >= min && n <= max) {
          return n;
        }
      }
      problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max + ": '" + text + "'"));
      return null;
    });
  }

  private String text(String name, String pattern, String rule) {
    return value(name, text -> {
      if (text.matches(pattern)) {
        return text;
      }
      problems.add(new FieldProblem(name, rule));
      return null;
    });
  }

  private <E extends Enum<E>> E name(String name, Class<E> type) {
    return value(name, text -> {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text)) {
          return constant;
        }
      }
      problems.add(new FieldProblem(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", "))));
      return null;
    });
  }
}
