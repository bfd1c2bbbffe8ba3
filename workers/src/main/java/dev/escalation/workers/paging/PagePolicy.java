package dev.escalation.workers.paging;

/**
 * Who gets page number {@code attempt} (1-based) and how many pages are left: each manager in the
 * on-call order gets {@code pagesPerManager} pages, then the next one; never more than
 * {@code maxPages} in all.
 */
record PagePolicy(int pagesPerManager, int maxPages) {

  static PagePolicy of(PagingProperties properties) {
    return new PagePolicy(properties.pagesPerManager(), properties.maxPages());
  }

  int totalPages(int managersOnCall) {
    return Math.min(maxPages, managersOnCall * pagesPerManager);
  }

  /** Index into the on-call order for this attempt. */
  int managerIndex(int attempt, int managersOnCall) {
    return Math.min((attempt - 1) / pagesPerManager, managersOnCall - 1);
  }

  int pagesLeft(int attempt, int managersOnCall) {
    return Math.max(0, totalPages(managersOnCall) - attempt);
  }
}
