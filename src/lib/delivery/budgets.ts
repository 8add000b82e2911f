/**
 * Byte budgets (issue 5, docs/performance.md), in brotli bytes with the precompression settings
 * (src/lib/delivery/precompress.ts). Checked over every built page by tests/build/budgets.test.ts and
 * reported by `npm run bench`.
 */
import { isPrintVariant, parsePath, type ParsedPath } from '../routes.ts';

/** A reading page's HTML with its inlined CSS arrives in the first TCP round trip (10 × 1,460 B − headers). */
export const READING_PAGE_BUDGET = 14_000;
/** Lists and the home page. */
export const LIST_PAGE_BUDGET = 16_000;
/** Print variants (leaflets, scripts, meeting packs): their CSS (leaflet.css) is inlined too. */
export const PRINT_PAGE_BUDGET = 16_000;
/** The service-worker registration module, the only script a reading page references. */
export const SW_REGISTER_BUDGET = 1_024;
/** The "Gửi qua Zalo" module (src/scripts/share.ts, issue 27), brotli: the one other script a reading page may load, and only with its button. */
export const SHARE_BUTTON_BUDGET = 512;
/** The "Lưu để đọc khi mất sóng" module (src/scripts/save-offline.ts, issue 27), brotli: on campaign and topic pages only, with its box. */
export const SAVE_OFFLINE_BUDGET = 640;
/** /sw.js, the offline worker every reader downloads once per deployment (no comments shipped; issue 23). */
export const SERVICE_WORKER_BUDGET = 2_048;
/** print.css: a separate media="print" file, fetched only when printing. */
export const PRINT_CSS_BUDGET = 1_500;
/** leaflet.css (inlined in print variants only), measured as built. */
export const LEAFLET_CSS_BUDGET = 3_000;

export type PageType = 'lesson' | 'news' | 'story' | 'place' | 'campaign' | 'glossary' | 'home' | 'list' | 'print' | 'other';

/** Reading pages: everything a resident opens to read one thing. */
export const READING_TYPES: ReadonlySet<PageType> = new Set(['lesson', 'news', 'story', 'place', 'campaign', 'glossary']);

const TYPE_OF_KIND: Partial<Record<ParsedPath['kind'], PageType>> = {
  lesson: 'lesson',
  news: 'news',
  story: 'story',
  place: 'place',
  campaign: 'campaign',
  glossary: 'glossary',
  home: 'home',
  list: 'list',
  offline: 'other',
  other: 'other',
};

/** Page type of a site path (a translated lesson, /bai-hoc/<id>/<lang>/, is a lesson). */
export function pageType(sitePath: string): PageType {
  if (isPrintVariant(sitePath)) return 'print';
  if (sitePath === '/404.html') return 'other';
  return TYPE_OF_KIND[parsePath(sitePath).kind] ?? 'other';
}

/** The budget of a page (brotli bytes of its HTML). */
export function pageBudget(sitePath: string): number {
  const type = pageType(sitePath);
  if (READING_TYPES.has(type)) return READING_PAGE_BUDGET;
  return type === 'print' ? PRINT_PAGE_BUDGET : LIST_PAGE_BUDGET;
}

/** "path: N bytes > budget B" for every page over its budget, largest first. */
export function overBudget(sizes: ReadonlyArray<{ page: string; bytes: number }>): string[] {
  return sizes
    .filter(({ page, bytes }) => bytes > pageBudget(page))
    .sort((a, b) => b.bytes - a.bytes)
    .map(({ page, bytes }) => `${page}: ${bytes} bytes brotli > budget ${pageBudget(page)} (${pageType(page)})`);
}
