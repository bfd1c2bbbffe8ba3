package dev.escalation.workers.devtask;

/** An issue as a tracker reports it. */
record TrackerIssue(String key, String url) {}
