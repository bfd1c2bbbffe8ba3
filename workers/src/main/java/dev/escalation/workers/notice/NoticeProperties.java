package dev.escalation.workers.notice;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param templateDir optional folder with edited notice templates ({@code <language>/<file>.txt}
 *     and {@code <language>/words.properties}); a file found there replaces the bundled one of the
 *     same name, everything else comes from the bundled templates. Read at every notice, so an
 *     edit applies to the next notice without a restart.
 */
@ConfigurationProperties("escalation.notices")
public record NoticeProperties(Path templateDir) {}
