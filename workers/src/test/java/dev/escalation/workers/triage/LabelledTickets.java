package dev.escalation.workers.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The labelled set {@code triage/labelled-tickets.tsv}. */
record LabelledTickets(List<Row> rows) {
  record Row(String id, String language, boolean legal, boolean churn, boolean bug, String polarity, String text) {}

  static LabelledTickets load() throws IOException {
    try (InputStream in = LabelledTickets.class.getClassLoader().getResourceAsStream("triage/labelled-tickets.tsv")) {
      List<Row> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", 7))
          .map(f -> new Row(f[0], f[1], "1".equals(f[2]), "1".equals(f[3]), "1".equals(f[4]), f[5], f[6]))
          .toList();
      return new LabelledTickets(rows);
    }
  }
}
