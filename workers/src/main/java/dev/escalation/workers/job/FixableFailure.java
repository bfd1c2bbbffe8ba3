package dev.escalation.workers.job;

/** A technical failure that knows what an engineer should do about it; shown in the incident. */
public class FixableFailure extends RuntimeException {
  private final String whatToDo;

  public FixableFailure(String message, String whatToDo) {
    super(message);
    this.whatToDo = whatToDo;
  }

  public String whatToDo() {
    return whatToDo;
  }
}
