package dev.escalation.workers.chat;

import java.time.Instant;

/**
 * A customer's chat. The {@code publicId} is its only name outside the app (in the conversation token,
 * and as the customer's address in the inbound path's conversations); the row id stays inside.
 */
public record ChatConversation(long id, String publicId, String customerName, String customerEmail, String language,
    Instant createdAt) {}
