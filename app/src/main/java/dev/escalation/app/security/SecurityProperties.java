package dev.escalation.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.security.*}: the first admin of a fresh installation. When
 * {@code bootstrap-admin-password} is set (env {@code ESCALATION_BOOTSTRAP_ADMIN_PASSWORD}) and no
 * login of that name exists, the app creates it at start.
 */
@ConfigurationProperties("escalation.security")
record SecurityProperties(@DefaultValue("admin") String bootstrapAdminUsername, String bootstrapAdminPassword) {}
