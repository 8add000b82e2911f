/**
 * The files of Pagefind's engine a first search needs before it can look anything up
 * (docs/search.md, "Round trips"): its module, the entry file, the language's metadata and the
 * wasm. The build knows their exact names once Pagefind has written them and writes them into
 * /tim-kiem/ as preload hints; the header box's warm-up (src/scripts/search-warmup.ts) finds
 * the same names from pagefind-entry.json with engineFiles().
 */

export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

export interface EngineFiles {
  /**
   * Cache tag for pagefind-entry.json (Pagefind's metaCacheTag; without one it adds ?ts=<now>
   * and the entry can never be preloaded or cached). The language's index hash: it changes
   * whenever the index does, so a new deployment never meets an old entry.
   */
  tag: string;
  module: string;
  /** pagefind-entry.json?ts=<tag>, the URL Pagefind requests with metaCacheTag set. */
  entry: string;
  meta: string;
  wasm: string;
}

/**
 * The engine files whose names do not depend on the index: Pagefind's module and the wasm of a
 * language without a stemmer of its own (Vietnamese: "unknown"). The header box prefetches
 * them the moment it gets focus, before the entry names the rest; the build checks that the
 * index it wrote still uses these names.
 */
export const FIXED_ENGINE_FILES = ['/pagefind/pagefind.js', '/pagefind/wasm.unknown.pagefind'] as const;

/** The engine files of one language of an index, from its pagefind-entry.json. */
export function engineFiles(entry: PagefindEntry, language = 'vi', base = '/pagefind/'): EngineFiles {
  const index = entry.languages[language];
  if (!index) throw new Error(`Pagefind: no index for language "${language}" in pagefind-entry.json`);
  const tag = index.hash;
  return {
    tag,
    module: `${base}pagefind.js`,
    entry: `${base}pagefind-entry.json?ts=${tag}`,
    meta: `${base}pagefind.${index.hash}.pf_meta`,
    wasm: `${base}wasm.${index.wasm ?? 'unknown'}.pagefind`,
  };
}

/**
 * <link> hints for the search page: the browser fetches the engine in parallel with our own
 * module, in the round trip after the HTML, instead of four round trips one after another.
 * `crossorigin` makes the preloads match Pagefind's fetch() (CORS mode, same-origin credentials).
 */
export function preloadHints(files: EngineFiles): string {
  return [`<link rel="modulepreload" href="${files.module}">`, ...[files.entry, files.meta, files.wasm].map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`)].join('');
}

/**
 * Adds the hints (at the end of <head>, after the CSP meta, so the policy covers them) and the
 * entry's cache tag (on #search-ui) to the search page's HTML.
 */
export function withEngineHints(html: string, files: EngineFiles): string {
  if (!/<\/head>/.test(html) || !/id="search-ui"/.test(html)) throw new Error('Pagefind: /tim-kiem/ has no </head> or #search-ui to add the engine to');
  return html.replace(/<\/head>/, `${preloadHints(files)}</head>`).replace(/id="search-ui"/, `id="search-ui" data-engine-tag="${files.tag}"`);
}
