/**
 * Page sizes of the long lists. A list page must stay under its byte budget (16,000 bytes
 * brotli, src/lib/delivery/budgets.ts) however many lessons the site grows to (docs/performance.md).
 */
export const PAGE_SIZE = {
  /** Lesson cards on a topic page. */
  topic: 30,
  /** Lessons on a print-centre topic page (each with five print links). */
  printTopic: 20,
  /** Titles on an A–Z page. */
  az: 100,
  /** Lessons shown per topic on /bai-hoc/ and /in-an/ before "see all". */
  preview: 6,
} as const;

/** Number of pages for `total` items, at least 1. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
