package dev.escalation.app.chat;

import dev.escalation.workers.chat.ChatConversation;

/** The customer of a chat, known by a valid conversation token: a controller parameter of this type is authenticated. */
record ChatCaller(ChatConversation chat) {}
