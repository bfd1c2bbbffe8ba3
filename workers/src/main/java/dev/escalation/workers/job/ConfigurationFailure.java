package dev.escalation.workers.job;

/**
 * A failure caused by a setting that is wrong (a rejected token, a repository or project that does
 * not exist). Retrying cannot help, so the job fails with no retries left and the incident says
 * which setting to fix.
 */
public class ConfigurationFailure extends FixableFailure {
  public ConfigurationFailure(String message, String whatToDo) {
    super(message, whatToDo);
  }
}
