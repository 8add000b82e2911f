import { headersFor, parseHeaders } from '../../src/lib/delivery/headers.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAFLET_CSS_BUDGET, overBudget, pageType, PRINT_CSS_BUDGET, READING_TYPES, SAVE_OFFLINE_BUDGET, SERVICE_WORKER_BUDGET, SHARE_BUTTON_BUDGET, SW_REGISTER_BUDGET } from '../../src/lib/delivery/budgets.ts';
import { brotliQuality, brotliSize, isTextAsset, PRINT_VARIANT_BROTLI_QUALITY } from '../../src/lib/delivery/precompress.ts';
import { routes } from '../../src/lib/routes.ts';
import { builtPages, DIST, readPage } from '../support/dist.ts';

const pages = builtPages();
const fileOf = (page: string) => (page.endsWith('/') ? path.join(DIST, page, 'index.html') : path.join(DIST, page));
const sizes = pages.map((page) => ({ page, bytes: brotliSize(readFileSync(fileOf(page)), brotliQuality(page)) }));
const distFile = (sitePath: string) => path.join(DIST, sitePath);

/** Scripts a page runs (JSON-LD is data). */
const scriptsOf = (page: string) =>
  readPage(page)
    .querySelectorAll('script')
    .filter((script) => script.getAttribute('type') !== 'application/ld+json');

describe('byte budgets (brotli 11, as precompressed), over every built page', () => {
  it('keeps every reading page ≤ 14,000 B and every list/home/print page ≤ 16,000 B (HTML with inlined CSS)', () => {
    expect(sizes.length).toBe(pages.length);
    expect(sizes.filter((s) => READING_TYPES.has(pageType(s.page))).length).toBeGreaterThan(30);
    expect(overBudget(sizes)).toEqual([]);
    // The closest pages, for the log (docs/performance.md quotes them).
    const closest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
    console.log(`largest pages: ${closest.map((s) => `${s.page} ${s.bytes} B`).join(', ')}`);
  });

  it('names the page and the bytes when a page is over', () => {
    expect(
      overBudget([
        { page: '/bai-hoc/x/', bytes: 14_001 },
        { page: '/', bytes: 15_000 },
      ]),
    ).toEqual(['/bai-hoc/x/: 14001 bytes brotli > budget 14000 (lesson)']);
  });

  it('needs no other request to render: no external stylesheet except media="print", no classic or blocking script', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const html = readPage(page);
      for (const link of html.querySelectorAll('link[rel~="stylesheet"]')) {
        if (link.getAttribute('media') !== 'print') problems.push(`${page}: render-blocking stylesheet ${link.getAttribute('href')}`);
      }
      for (const script of scriptsOf(page)) {
        if (script.getAttribute('type') !== 'module' || !script.getAttribute('src') || script.text.trim()) problems.push(`${page}: script ${script.toString().slice(0, 80)}`);
      }
      if (!html.querySelector('head style')) problems.push(`${page}: no inlined CSS`);
    }
    expect(problems).toEqual([]);
  });

  it("lets a reading page reference only the service-worker registration module (≤ 1 KB brotli), plus a feature's module only with its control (share ≤ 512 B, save offline ≤ 640 B)", () => {
    // Issue 27: "Gửi qua Zalo" (lesson pages) and "Lưu để đọc khi mất sóng" (campaign and topic pages) each
    // bring their own module, and only where their control is; nothing else may come with them.
    const features = [
      { name: 'share', module: /\/_astro\/ShareButton\.[^/]*\.js$/, control: 'button[data-share-url]', budget: SHARE_BUTTON_BUDGET, on: 'lesson' },
      { name: 'save offline', module: /\/_astro\/SaveOffline\.[^/]*\.js$/, control: '[data-save-pages]', budget: SAVE_OFFLINE_BUDGET, on: 'campaign' },
    ] as const;
    const registration = new Set<string>();
    const found = new Map<string, Set<string>>(features.map((f) => [f.name, new Set<string>()]));
    const withControl = new Map<string, number>(features.map((f) => [f.name, 0]));
    for (const page of pages.filter((p) => READING_TYPES.has(pageType(p)))) {
      const sources = scriptsOf(page).map((s) => s.getAttribute('src') ?? '');
      let rest = sources;
      for (const feature of features) {
        const has = readPage(page).querySelector(feature.control) !== null;
        const modules = sources.filter((src) => feature.module.test(src));
        expect(modules, `${page}: ${feature.name}`).toHaveLength(has ? 1 : 0);
        if (has) withControl.set(feature.name, withControl.get(feature.name)! + 1);
        for (const src of modules) found.get(feature.name)!.add(src);
        rest = rest.filter((src) => !modules.includes(src));
      }
      expect(rest, page).toHaveLength(1);
      registration.add(rest[0]!);
    }
    // Topic pages (lists) have the save box too (issue 27), and its module only with it: no other page loads it.
    const topics = pages.filter((page) => /^\/chu-de\/[^/]+\/(\d+\/)?$/.test(page));
    expect(topics.length).toBeGreaterThan(0);
    for (const page of pages) {
      const has = readPage(page).querySelector(features[1].control) !== null;
      if (topics.includes(page)) expect(has, page).toBe(true);
      const modules = scriptsOf(page)
        .map((s) => s.getAttribute('src') ?? '')
        .filter((src) => features[1].module.test(src));
      expect(modules, `${page}: save offline`).toHaveLength(has ? 1 : 0);
      for (const src of modules) found.get(features[1].name)!.add(src);
    }
    expect(registration.size).toBe(1);
    const [module] = [...registration];
    expect(module).toMatch(/^\/_astro\/.+\.js$/);
    const bytes = brotliSize(readFileSync(distFile(module!)));
    expect(bytes, `${module}: ${bytes} B`).toBeLessThanOrEqual(SW_REGISTER_BUDGET);
    expect(readFileSync(distFile(module!), 'utf8')).toContain(routes.serviceWorker());
    for (const feature of features) {
      // The share button is on every lesson; the save box on every campaign with lessons.
      expect(withControl.get(feature.name), feature.name).toBeGreaterThan(0);
      if (feature.on === 'lesson') expect(withControl.get(feature.name)).toBe(pages.filter((p) => pageType(p) === 'lesson').length);
      expect(found.get(feature.name)!.size).toBe(1);
      const [featureModule] = [...found.get(feature.name)!];
      const featureBytes = brotliSize(readFileSync(distFile(featureModule!)));
      console.log(`${feature.name} module: ${featureModule} ${featureBytes} B brotli`);
      expect(featureBytes, `${featureModule}: ${featureBytes} B`).toBeLessThanOrEqual(feature.budget);
    }
  });

  it('keeps the service worker tiny (≤ 2 KB brotli): no comments shipped, only its code and settings', () => {
    const worker = readFileSync(distFile(routes.serviceWorker()), 'utf8');
    const bytes = brotliSize(Buffer.from(worker));
    expect(bytes, `${routes.serviceWorker()}: ${bytes} B`).toBeLessThanOrEqual(SERVICE_WORKER_BUDGET);
    expect(worker).not.toMatch(/^\s*\/\/|\/\*\*/m);
  });

  it('keeps print.css within its budget, as a media="print" file; leaflet.css only on print variants', () => {
    const printCss = readdirSync(path.join(DIST, '_astro')).filter((f) => /^print\..+\.css$/.test(f));
    expect(printCss).toHaveLength(1);
    expect(brotliSize(readFileSync(path.join(DIST, '_astro', printCss[0]!)))).toBeLessThanOrEqual(PRINT_CSS_BUDGET);
    const withLeaflet = pages.filter((page) => readFileSync(fileOf(page), 'utf8').includes('.print-toolbar{'));
    expect(withLeaflet.length).toBeGreaterThan(0);
    expect(withLeaflet.filter((page) => pageType(page) !== 'print')).toEqual([]);
    // leaflet.css as built = the inlined CSS a print variant has beyond a reading page's.
    const leaflet = withLeaflet[0]!;
    const css = (page: string) =>
      readPage(page)
        .querySelectorAll('style')
        .map((s) => s.text)
        .join('');
    const extra = brotliSize(css(leaflet)) - brotliSize(css(routes.home()));
    expect(extra, `${leaflet}: leaflet CSS ≈ ${extra} B`).toBeLessThanOrEqual(LEAFLET_CSS_BUDGET);
  });
});

describe('precompressed twins', () => {
  it('has .br and .gz next to every text asset where they are smaller, and none for Pagefind index files', () => {
    const files = readdirSync(DIST, { recursive: true }).map(String);
    const text = files.filter(isTextAsset);
    expect(text.length).toBeGreaterThan(pages.length);
    const missing = text.filter((file) => {
      const size = readFileSync(path.join(DIST, file)).length;
      return size > 100 && !(existsSync(path.join(DIST, `${file}.br`)) && existsSync(path.join(DIST, `${file}.gz`)));
    });
    expect(missing).toEqual([]);
    expect(files.filter((file) => /\.pf_\w+\.(br|gz)$/.test(file) || /\.wasm\.\w+\.(br|gz)$/.test(file))).toEqual([]);
    // A twin decompresses to its file (spot check on a lesson page).
    const lesson = pages.find((page) => pageType(page) === 'lesson')!;
    expect(readFileSync(`${fileOf(lesson)}.br`).length).toBe(brotliSize(readFileSync(fileOf(lesson))));
    // Print variants at PRINT_VARIANT_BROTLI_QUALITY (faster to build; opened to print, not to read on 2G).
    const leaflet = pages.find((page) => pageType(page) === 'print')!;
    expect(readFileSync(`${fileOf(leaflet)}.br`).length).toBe(brotliSize(readFileSync(fileOf(leaflet)), PRINT_VARIANT_BROTLI_QUALITY));
  });
});

describe('delivery headers', () => {
  it('ships _headers: hashed assets immutable for a year, HTML revalidated, Pagefind short, the worker never cached', () => {
    // Read with the same parser the browser tests serve dist/ with (src/lib/delivery/headers.ts).
    const rules = parseHeaders(readFileSync(path.join(DIST, '_headers'), 'utf8'));
    expect(headersFor(rules, '/bai-hoc/x/')['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(headersFor(rules, '/_astro/a.1234abcd.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/pagefind/pagefind.js')['cache-control']).toMatch(/must-revalidate/);
    expect(headersFor(rules, '/sw.js')['cache-control']).toBe('no-cache');
    // Every file a page references from /_astro/ really has a hashed name.
    const referenced = new Set(pages.flatMap((page) => [...readFileSync(fileOf(page), 'utf8').matchAll(/"(\/_astro\/[^"?#\s]+)"/g)].map((m) => m[1]!)));
    expect([...referenced].filter((url) => !/[.\-_][\w-]{6,}\.\w+$/.test(url))).toEqual([]);
  });
});
