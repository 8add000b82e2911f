/**
 * A small re-rank of the first page of search results (issue 13; search terms, issue 25): Pagefind scores words, not
 * their order, so for "tien dien" (electricity bill) it put "Đóng tiền học cho con bằng điện
 * thoại" (school fees, with "tiền" and "điện" apart) above "Thanh toán tiền điện". A result
 * whose title holds the query's words in the order typed comes first, then one whose summary
 * does; otherwise Pagefind's order stays. Both sides are folded (marks dropped, đ → d), so a
 * query typed without diacritics ranks the same as with them. Only results already fetched
 * for the first page are moved: no extra request.
 */
import { normaliseQuery } from './text.ts';

/** Lower case, NFC, đ → d, then every other mark dropped; punctuation becomes a space. */
export function foldForMatch(text: string): string {
  return normaliseQuery(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One of residents' own words for the task (searchTerms, "; " apart) is the query, or holds its words in order. */
function matchesTerm(words: string, terms: string): boolean {
  return terms.split(';').some((term) => {
    const folded = foldForMatch(term);
    return folded === words || (words.includes(' ') && ` ${folded} `.includes(` ${words} `));
  });
}

/**
 * 3: the title has the query's words together and in order; 2: one of the page's search terms
 * is the query (one word too: "cccd") or holds it; 1: the summary has the words in order; 0: none.
 */
export function phraseScore(query: string, title: string, summary = '', terms = ''): number {
  const words = foldForMatch(query);
  if (!words) return 0;
  const phrase = words.includes(' ');
  const has = (text: string) => ` ${foldForMatch(text)} `.includes(` ${words} `);
  if (phrase && has(title)) return 3;
  if (terms && matchesTerm(words, terms)) return 2;
  if (phrase && has(summary)) return 1;
  return 0;
}

/** The results in their new order: by phraseScore, ties keep Pagefind's order (a stable sort). */
export function rerank<T>(query: string, results: readonly T[], text: (result: T) => { title?: string | undefined; summary?: string | undefined; terms?: string | undefined }): T[] {
  return results
    .map((result, index) => {
      const { title = '', summary = '', terms = '' } = text(result);
      return { result, index, score: phraseScore(query, title, summary, terms) };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ result }) => result);
}
