package dev.escalation.workers.translation;

/** A service's translation and the source language it detected (null when the caller named the source). */
public record Translated(String text, String detectedLanguage) {}
