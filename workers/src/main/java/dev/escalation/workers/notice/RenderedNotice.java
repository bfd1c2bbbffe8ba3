package dev.escalation.workers.notice;

/** A notice ready to send: its subject and body, and the language it was written in. */
public record RenderedNotice(String language, String subject, String body) {}
