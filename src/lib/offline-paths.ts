/**
 * Paths of the offline feature, in a module of their own so the registration script (shipped to
 * every reader, ≤ 1 KB) does not bundle all of routes.ts. routes.ts re-exports them.
 */
export const SERVICE_WORKER_PATH = '/sw.js';
export const OFFLINE_PATH = '/ngoai-tuyen/';
/** Cache names start with this; the offline page lists the pages cache. */
export const PAGES_CACHE_PREFIX = 'ban-so-pages-';
/** Campaigns a reader saved to read without signal (issue 27): one cache each, named with the campaign's id; no deployment deletes them. */
export const SAVED_CACHE_PREFIX = 'ban-so-saved-';
/** A topic page saved the same way: its cache is SAVED_CACHE_PREFIX + this (page 2 onwards has its own). */
export function savedTopicId(topic: string, page = 1): string {
  return page <= 1 ? `chu-de-${topic}` : `chu-de-${topic}-${page}`;
}
