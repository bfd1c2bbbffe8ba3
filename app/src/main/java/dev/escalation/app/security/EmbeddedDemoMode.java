package dev.escalation.app.security;

/**
 * Marks embedded mode, whose demo logins (password {@code demo}) are allowed. Implemented only by
 * the embedded runtime on the test classpath ({@code app/src/test}), so no configuration of the
 * production jar can switch the demo-password check off.
 */
public interface EmbeddedDemoMode {}
