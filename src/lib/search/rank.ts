/**
 * A small re-rank of the first page of search results (issue 13; search terms, issue 25): Pagefind scores words, not
 * their order, so for "tien dien" (electricity bill) it put "Đóng tiền học cho con bằng điện
 * thoại" (school fees, with "tiền" and "điện" apart) above "Thanh toán tiền điện". A result
 * whose title holds the query's words in the order typed comes first, then one whose summary
 * does; otherwise Pagefind's order stays. Both sides are folded (marks dropped, đ → d), so a
 * query typed without diacritics ranks the same as with them. Only results already fetched
 * for the first page are moved: no extra request. Issue 25: a search term that is the query
 * comes first of all, and a query typed with marks puts titles that hold its words only with
 * other marks (place names: Tiên Yên, Điền Xá for "tiền điện") last.
 */
import { normaliseQuery } from './fold.ts';

/** Lower case, NFC, đ → d, then every other mark dropped; punctuation becomes a space. */
export function foldForMatch(text: string): string {
  return normaliseQuery(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The query's words folded, and whether one of residents' own words for the task is the query itself or holds it. */
function termMatch(words: string, terms: string): 'is' | 'holds' | undefined {
  let found: 'holds' | undefined;
  for (const term of terms.split(';')) {
    const folded = foldForMatch(term);
    if (folded === words) return 'is';
    if (words.includes(' ') && ` ${folded} `.includes(` ${words} `)) found = 'holds';
  }
  return found;
}

/**
 * 4: one of the page's search terms is the query (one word too: "cccd", "wifi"): an editor
 * chose that word for this very task, so it beats a title that merely holds it (the glossary's
 * "Căn cước gắn chip" for "can cuoc"); 3: the title has the query's words together and in
 * order; 2: a search term holds them in order; 1: the summary does; 0: none.
 */
export function phraseScore(query: string, title: string, summary = '', terms = ''): number {
  const words = foldForMatch(query);
  if (!words) return 0;
  const phrase = words.includes(' ');
  const has = (text: string) => ` ${foldForMatch(text)} `.includes(` ${words} `);
  const term = terms ? termMatch(words, terms) : undefined;
  if (term === 'is') return 4;
  if (phrase && has(title)) return 3;
  if (term === 'holds') return 2;
  if (phrase && has(summary)) return 1;
  return 0;
}

// Vietnamese tone marks (grave, acute, tilde, hook, dot below) as NFD combining characters.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * A word as written, in a form that ignores case, đ and where the tone mark sits: "hoá" and
 * "hóa" give the same key, "tiền" and "Tiên" do not (their marks differ).
 */
export function markKey(word: string): string {
  const nfd = normaliseQuery(word).normalize('NFD');
  const tones = [...nfd.matchAll(TONES)]
    .map((match) => match[0])
    .sort()
    .join('');
  return `${nfd.replace(TONES, '').normalize('NFC')}${tones}`;
}

const wordsOf = (text: string): string[] =>
  normaliseQuery(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);

/**
 * Was the query typed with marks, and does the text hold one of its marked words only with
 * other marks? "tiền điện" against "Xã Tiên Yên" or "Xã Điền Xá": yes. Such a result matched
 * only because Pagefind drops marks; it ranks below results that match as typed. A query
 * typed without marks ("tien dien") never demotes anything: it could mean either.
 */
export function matchesOnlyByFolding(query: string, text: string): boolean {
  const marked = wordsOf(query).filter((word) => foldForMatch(word) !== word);
  if (marked.length === 0) return false;
  const words = wordsOf(text);
  return marked.some((word) => {
    const folded = foldForMatch(word);
    const same = words.filter((other) => foldForMatch(other) === folded);
    return same.length > 0 && !same.some((other) => markKey(other) === markKey(word));
  });
}

/**
 * The results in their new order: results whose title matches a query typed with marks only by
 * folding last (Tiên Yên for "tiền điện"), then by phraseScore; ties keep Pagefind's order (a
 * stable sort).
 */
export function rerank<T>(query: string, results: readonly T[], text: (result: T) => { title?: string | undefined; summary?: string | undefined; terms?: string | undefined }): T[] {
  return results
    .map((result, index) => {
      const { title = '', summary = '', terms = '' } = text(result);
      // Place names sit in titles: "Xã Tiên Yên", "Tiên Yên: 85 Tổ công nghệ số…".
      const folding = matchesOnlyByFolding(query, title) ? 1 : 0;
      return { result, index, folding, score: phraseScore(query, title, summary, terms) };
    })
    .sort((a, b) => a.folding - b.folding || b.score - a.score || a.index - b.index)
    .map(({ result }) => result);
}
