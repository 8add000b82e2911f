/** Text helpers shared by slugs, search and content checks. */

/**
 * Remove Vietnamese diacritics and fold đ/Đ to d/D.
 * "đ" has no Unicode decomposition, so stripping combining marks alone would keep it.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Compare Vietnamese strings the way a reader expects in an A–Z list. */
export const compareVietnamese: (a: string, b: string) => number = new Intl.Collator('vi', {
  sensitivity: 'base',
  numeric: true,
}).compare;

/** Text made safe inside HTML or XML, in element content and in double-quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
