import { describe, expect, it } from 'vitest';
import { engineFiles, preloadHints, withEngineHints } from '../../src/lib/search/engine.ts';

const ENTRY = { version: '1.6.0', languages: { vi: { hash: 'vi_ad66c04a22', wasm: null, page_count: 52 } } };

describe('Pagefind engine files', () => {
  it('names the module, the tagged entry, the metadata and the wasm of the index', () => {
    expect(engineFiles(ENTRY)).toEqual({
      tag: 'vi_ad66c04a22',
      module: '/pagefind/pagefind.js',
      entry: '/pagefind/pagefind-entry.json?ts=vi_ad66c04a22',
      meta: '/pagefind/pagefind.vi_ad66c04a22.pf_meta',
      wasm: '/pagefind/wasm.unknown.pagefind',
    });
    expect(engineFiles({ ...ENTRY, languages: { vi: { ...ENTRY.languages.vi, wasm: 'vi' } } }).wasm).toBe('/pagefind/wasm.vi.pagefind');
    expect(() => engineFiles({ version: '1.6.0', languages: {} })).toThrow(/no index for language "vi"/);
  });

  it('writes preload hints at the end of <head> (after the CSP) and the tag on #search-ui', () => {
    const html = '<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="x"></head><body><div id="search-ui" hidden></div></body></html>';
    const out = withEngineHints(html, engineFiles(ENTRY));
    expect(out).toContain(`content="x">${preloadHints(engineFiles(ENTRY))}</head>`);
    expect(out).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js">');
    expect(out).toContain('<link rel="preload" href="/pagefind/wasm.unknown.pagefind" as="fetch" crossorigin>');
    expect(out).toContain('<div id="search-ui" data-engine-tag="vi_ad66c04a22" hidden>');
    expect(() => withEngineHints('<html><body></body></html>', engineFiles(ENTRY))).toThrow(/no <\/head> or #search-ui/);
  });
});

describe('engine files the header box prefetches before the entry arrives', () => {
  it('are the module and wasm names an index of Vietnamese pages uses', async () => {
    const { FIXED_ENGINE_FILES } = await import('../../src/lib/search/engine.ts');
    const files = engineFiles(ENTRY);
    expect([...FIXED_ENGINE_FILES]).toEqual([files.module, files.wasm]);
  });
});
