import { HTMLElement, parse, type Node } from 'node-html-parser';
import { foldD } from './fold.ts';
import { escapeHtml } from '../text.ts';

/** Pages that opt into the search index carry this attribute on their main content. */
export const INDEXED_SELECTOR = '[data-pagefind-body]';

const PARSE_OPTIONS = { comment: false, blockTextElements: { script: true, style: true, noscript: true } } as const;

const HEADINGS = new Set(['H1', 'H2', 'H3']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'SVG', 'FORM']);

/**
 * How often one word may appear in a page's indexed text. Pagefind stores every position
 * of every word, and our results show the title and summary, not excerpts: beyond a few
 * occurrences, positions are bytes a reader downloads for nothing (docs/search.md).
 */
export const MAX_REPEATS = 1;

/** Pagefind weight of a page's search terms: an h1's (7, Pagefind's default for titles). */
export const SEARCH_TERMS_WEIGHT = 7;

/** The words of a text in order, đ folded, punctuation trimmed, each kept at most `max` times. */
export function cappedWords(text: string, max = MAX_REPEATS, counts: Map<string, number> = new Map()): string[] {
  const words: string[] = [];
  for (const raw of foldD(text).split(/\s+/u)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!word) continue;
    const key = word.toLocaleLowerCase('vi');
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count <= max) words.push(word);
  }
  return words;
}

const escapeAttr = (text: string): string => escapeHtml(text).replace(/"/g, '&quot;');
const attributes = (element: HTMLElement): string =>
  Object.entries(element.attributes)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`))
    .join('');

/**
 * The HTML Pagefind indexes for a page: its h1–h3 headings and its summary (for their ranking
 * weight), then the rest of the text with each word capped at MAX_REPEATS, đ folded throughout (see
 * fold.ts); elements carrying Pagefind meta or filters keep their attributes, so
 * results show correct Vietnamese. Undefined for pages that are not indexed (lists, print).
 */
export function htmlForIndex(html: string, maxRepeats = MAX_REPEATS): string | undefined {
  return indexedHtml(parse(html, PARSE_OPTIONS), maxRepeats);
}

/** What a built page gives the search index, from one parse: its page HTML and its section records. */
export function searchEntries(html: string, pageUrl: string): { html: string | undefined; records: SectionRecord[] } {
  const root = parse(html, PARSE_OPTIONS);
  return { html: indexedHtml(root), records: recordsOf(root, pageUrl) };
}

function indexedHtml(root: HTMLElement, maxRepeats = MAX_REPEATS): string | undefined {
  const body = root.querySelector(INDEXED_SELECTOR);
  if (!body) return undefined;
  const headings: string[] = [];
  const text: string[] = [];
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (!(child instanceof HTMLElement)) {
        text.push(child.text);
      } else if (SKIP.has(child.tagName) || child.hasAttribute('data-pagefind-ignore')) {
        // Not indexed: neither its text nor its headings.
      } else if (HEADINGS.has(child.tagName)) {
        const tag = child.tagName.toLowerCase();
        headings.push(`<${tag}>${escapeHtml(foldD(child.text.replace(/\s+/g, ' ').trim()))}</${tag}>`);
      } else {
        text.push(' ');
        walk(child);
        text.push(' ');
      }
    }
  };
  walk(body);
  const tagged = body.querySelectorAll('[data-pagefind-filter], [data-pagefind-meta]').map((element) => `<span${attributes(element)}></span>`);
  // The summary says what the page is about: index it with a heading's weight.
  const summary = body.getAttribute('data-summary');
  if (summary) headings.splice(1, 0, `<h2>${escapeHtml(foldD(summary))}</h2>`);
  // Residents' own words for the task ("nộp tiền điện", "cccd") weigh as much as the title:
  // a lesson found by them comes before pages that merely mention the words.
  const terms = body.getAttribute('data-search-terms');
  const termsHtml = terms ? `<p data-pagefind-weight="${SEARCH_TERMS_WEIGHT}">${escapeHtml(foldD(terms.replace(/;/g, ' ')))}</p>` : '';
  // The terms are also a meta field, which Pagefind matches and boosts (search.ts sets its
  // weight): đ folded there too, so "dong tien dien" matches "đóng tiền điện" (nobody sees it).
  if (terms) body.setAttribute('data-search-terms', foldD(terms));
  const words = cappedWords(text.join(''), maxRepeats);
  return `<!doctype html><html lang="vi"><body><div${attributes(body)}>${tagged.join('')}${headings.join('')}${termsHtml}<p>${escapeHtml(words.join(' '))}</p></div></body></html>`;
}

/** Text of an element with a space at every element boundary ("OTP</h2><p>Không" → "OTP Không"). */
function spacedText(element: HTMLElement): string {
  return element.childNodes.map((child) => (child instanceof HTMLElement ? ` ${spacedText(child)} ` : child.text)).join('');
}

/** A search result that is part of a page (a glossary term), indexed as its own record. */
export interface SectionRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Sections marked `data-search-record` (with an id, data-title, data-summary, data-type)
 * become records of their own, so "OTP" leads straight to /tu-dien/#otp with its real title.
 */
export function sectionRecords(html: string, pageUrl: string): SectionRecord[] {
  return recordsOf(parse(html, PARSE_OPTIONS), pageUrl);
}

function recordsOf(root: HTMLElement, pageUrl: string): SectionRecord[] {
  return root.querySelectorAll('[data-search-record][id]').map((section) => {
    const meta = {
      title: section.getAttribute('data-title') ?? '',
      summary: section.getAttribute('data-summary') ?? '',
      type: section.getAttribute('data-type') ?? '',
    };
    return {
      url: `${pageUrl}#${section.id}`,
      // The title twice: a term should rank above pages that merely mention it.
      content: foldD(`${meta.title}. ${meta.title}. ${meta.summary} ${spacedText(section)}`.replace(/\s+/g, ' ').trim()),
      meta,
      filters: { type: [meta.type] },
    };
  });
}
