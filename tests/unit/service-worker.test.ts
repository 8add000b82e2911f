// The offline worker fetches only this site's own paths (issue 23, item 7): the path rule as a
// pure function, and the shipped worker run in a sandbox with a saved page that names other hosts.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { referencedAssets, serviceWorkerSource, workerCode } from '../../src/lib/delivery/service-worker.ts';
import { pageAssets, sitePath } from '../../src/scripts/sw-paths.js';

const ORIGIN = 'https://ban-so.example.org';
const template = readFileSync('src/scripts/sw.js', 'utf8');
const helpers = readFileSync('src/scripts/sw-paths.js', 'utf8');

describe('sitePath', () => {
  it.each(['/', '/a/b.css', '/_astro/Base.astro_astro_type_script_index_0_lang.DMjzKJYm.js', '/bai-hoc/x/to-roi/', '/print-button.js'])('accepts %s', (path) => {
    expect(sitePath(path, ORIGIN)).toBe(path);
  });

  it.each([
    ['a protocol-relative URL', '//host/x.css'],
    ['a backslash protocol-relative URL', '/\\host/x.css'],
    ['a tab that the URL parser drops', '/\t/host/x.css'],
    ['a newline that the URL parser drops', '/\n/host/x.css'],
    ['another host', 'https://other.example/x.css'],
    ['this host, absolute', `${ORIGIN}/x.css`],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/css,body{}'],
    ['a relative path', '../x.css'],
    ['a bare name', 'x.css'],
    ['dot segments', '/a/../x.css'],
    ['encoded dot segments', '/a/%2e%2e/x.css'],
    ['a query', '/x.css?v=1'],
    ['a fragment', '/x.css#a'],
    ['a space', '/x .css'],
    ['not a string', 42],
  ])('refuses %s', (_what, value) => {
    expect(sitePath(value, ORIGIN)).toBeUndefined();
  });
});

describe('pageAssets', () => {
  it('finds this site’s stylesheets and scripts on a saved page, and nothing on other hosts', () => {
    const html = [
      '<link rel="stylesheet" href="/_astro/print.A.css" media="print">',
      '<link rel="stylesheet" href="//host/x.css">',
      '<link rel="stylesheet" href="https://other.example/y.css">',
      '<script type="module" src="/_astro/a.B.js"></script>',
      '<script src="javascript:alert(1)//.js"></script>',
      '<a href="/bai-hoc/x/">bài</a><img src="/_astro/x.png">',
      '<script src="/print-button.js"></script><script src="/print-button.js"></script>',
    ].join('');
    expect(pageAssets(html, ORIGIN)).toEqual(['/_astro/print.A.css', '/_astro/a.B.js', '/print-button.js']);
    expect(referencedAssets(html)).toEqual(['/_astro/print.A.css', '/_astro/a.B.js', '/print-button.js']);
  });

  it('reads a 1 MB attribute in one pass', () => {
    expect(pageAssets(`<a href="/${'a'.repeat(1_000_000)}`, ORIGIN)).toEqual([]);
  });
});

describe('the shipped worker', () => {
  it('carries the same path functions, without export or comments', () => {
    const shipped = serviceWorkerSource({ version: 'v', offline: '/ngoai-tuyen/', pagesPrefix: 'p-', savedPrefix: 's-', precache: [], bypass: [] }, template, helpers);
    expect(shipped).not.toMatch(/^export |^\s*\/\/|\/\*\*/m);
    expect(shipped).toContain(workerCode(helpers).trim());
    const { sitePath: shippedPath, pageAssets: shippedAssets } = new Function(`${workerCode(helpers)}; return { sitePath, pageAssets };`)() as { sitePath: typeof sitePath; pageAssets: typeof pageAssets };
    expect(shippedPath('//host/x.css', ORIGIN)).toBeUndefined();
    expect(shippedAssets('<link href="/a.css"><link href="//host/x.css">', ORIGIN)).toEqual(['/a.css']);
  });

  it('saves a visited page and its own files, and never fetches what the page names on another host', async () => {
    const fetched: string[] = [];
    const saved = new Map<string, unknown>();
    const listeners = new Map<string, (event: unknown) => void>();
    const page = '<link rel="stylesheet" href="/_astro/leaflet.A.css"><link rel="stylesheet" href="//host/x.css"><script src="https://other.example/y.js"></script>';
    const respond = (url: string) => {
      fetched.push(url);
      return new Response(url.endsWith('/') ? page : 'body{}', { status: 200 });
    };
    const cache = {
      match: async (key: string) => saved.get(new URL(key, ORIGIN).href),
      put: async (key: string, value: unknown) => void saved.set(new URL(key, ORIGIN).href, value),
      add: async (key: string) => void saved.set(new URL(key, ORIGIN).href, respond(new URL(key, ORIGIN).href)),
      keys: async () => [...saved.keys()],
      delete: async (key: string) => saved.delete(key),
    };
    const sandbox = {
      self: { addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener) },
      caches: { open: async () => cache, match: async (key: string) => cache.match(key) },
      fetch: async (url: string) => respond(new URL(url, ORIGIN).href),
      location: { origin: ORIGIN },
      URL,
      Response,
      Set,
      Array,
      Promise,
      setTimeout,
    };
    const source = serviceWorkerSource({ version: 'test', offline: '/ngoai-tuyen/', pagesPrefix: 'ban-so-pages-', savedPrefix: 'ban-so-saved-', precache: [], bypass: ['/admin/'] }, template, helpers);
    vm.runInNewContext(source, sandbox);
    let work: Promise<unknown> | undefined;
    listeners.get('message')!({
      data: { pages: ['/bai-hoc/x/', '//host/page/', 'https://other.example/page/', 'javascript:alert(1)'], assets: ['/_astro/a.B.js', '//host/z.js', '../x.js'] },
      waitUntil: (promise: Promise<unknown>) => (work = promise),
    });
    await work;
    expect(fetched.sort()).toEqual([`${ORIGIN}/_astro/a.B.js`, `${ORIGIN}/_astro/leaflet.A.css`, `${ORIGIN}/bai-hoc/x/`]);
  });
});
