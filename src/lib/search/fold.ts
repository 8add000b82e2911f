/**
 * Text folding shared by the search index (build) and the search box (browser).
 *
 * Pagefind 1.6 drops accent marks on both sides, so "thanh toan" already finds "thanh toán".
 * But "đ" is a letter of its own, not an accented "d": "dai duc" would never find "Đại Dực".
 * We therefore index page text with đ/Đ written as d/D (only in the index; pages, titles and
 * summaries keep correct Vietnamese) and fold queries the same way.
 */

/** Fold đ/Đ to d/D and nothing else: Pagefind handles the other marks itself. */
export function foldD(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A query as typed (NFC or NFD, any case) → what we hand to Pagefind. */
export function normaliseQuery(query: string): string {
  return foldD(query.normalize('NFC').toLocaleLowerCase('vi')).replace(/\s+/g, ' ').trim();
}
