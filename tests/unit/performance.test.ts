import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateLessons } from '../../src/lib/bench/corpus.ts';
import { markdownReport, mb, median, targetLines } from '../../src/lib/bench/stats.ts';
import { overBudget, pageBudget, pageType } from '../../src/lib/delivery/budgets.ts';
import { fallbackWidth } from '../../src/lib/article/images.ts';
import { mapLimit } from '../../src/lib/map-limit.ts';
import { brotliQuality, isTextAsset, precompressFile } from '../../src/lib/delivery/precompress.ts';
import { buildVersion, referencedAssets, serviceWorkerSource } from '../../src/lib/delivery/service-worker.ts';

describe('budgets', () => {
  it('sorts pages into reading, list, home and print types', () => {
    expect(['/bai-hoc/x/', '/tin-tuc/y/', '/cau-chuyen/z/', '/dia-phuong/xa-a/', '/chien-dich/c/', '/tu-dien/'].map(pageType)).toEqual(['lesson', 'news', 'story', 'place', 'campaign', 'glossary']);
    expect(['/', '/bai-hoc/', '/tin-tuc/2/', '/chu-de/thanh-toan/', '/bai-hoc/x/to-roi/', '/chien-dich/c/hop-thon/'].map(pageType)).toEqual(['home', 'list', 'list', 'list', 'print', 'print']);
    expect(pageBudget('/bai-hoc/x/')).toBe(14_000);
    expect(pageBudget('/')).toBe(16_000);
  });

  it('reports every page over its budget with its bytes, largest first', () => {
    expect(
      overBudget([
        { page: '/tin-tuc/a/', bytes: 14_000 },
        { page: '/tin-tuc/b/', bytes: 14_500 },
        { page: '/bai-hoc/', bytes: 16_200 },
      ]),
    ).toEqual(['/bai-hoc/: 16200 bytes brotli > budget 16000 (list)', '/tin-tuc/b/: 14500 bytes brotli > budget 14000 (news)']);
  });
});

describe('precompression', () => {
  it('compresses text assets, but not Pagefind index files, its wasm, images or twins', () => {
    expect(['a/index.html', 'x.css', 'x.js', 'pagefind/pagefind-entry.json', 'favicon.svg', 'rss.xml', 'manifest.webmanifest', 'robots.txt'].every(isTextAsset)).toBe(true);
    expect(['pagefind/index/vi_1.pf_index', 'pagefind/pagefind.vi_1.pf_meta', 'pagefind/wasm.unknown.pagefind', 'x.png', 'x.avif', 'a.html.br', 'a.html.gz', 'x.pdf'].some(isTextAsset)).toBe(false);
  });

  it('writes twins that decompress to the file, and none when compression would not help', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ban-so-precompress-'));
    const html = path.join(dir, 'index.html');
    const text = '<p>Bà con không đưa mã OTP cho ai.</p>\n'.repeat(50);
    writeFileSync(html, text);
    const result = await precompressFile(html);
    expect(brotliDecompressSync(readFileSync(`${html}.br`)).toString()).toBe(text);
    expect(gunzipSync(readFileSync(`${html}.gz`)).toString()).toBe(text);
    expect(result.br).toBeLessThan(result.size);
    const tiny = path.join(dir, 'tiny.txt');
    writeFileSync(tiny, 'a');
    expect(await precompressFile(tiny)).toEqual({ file: tiny, size: 1 });
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs at most `limit` jobs at a time and keeps the order of results', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(most).toBe(2);
  });
});

describe('service worker', () => {
  it('gets a new version when any page or asset name changes, the same one otherwise', () => {
    const files = [
      { path: 'index.html', content: '<h1>A</h1>' },
      { path: '_astro/x.1.js', content: '' },
    ];
    const version = buildVersion(files);
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(buildVersion([...files].reverse())).toBe(version);
    expect(buildVersion([{ path: 'index.html', content: '<h1>B</h1>' }, files[1]!])).not.toBe(version);
    expect(buildVersion([files[0]!, { path: '_astro/x.2.js', content: '' }])).not.toBe(version);
  });

  it('finds the scripts and stylesheets a page needs, and puts its settings above the worker', () => {
    const html = '<link rel="stylesheet" href="/_astro/print.A.css" media="print"><script type="module" src="/_astro/a.B.js"></script><script src="/print-button.js"></script><img src="/_astro/x.png">';
    expect(referencedAssets(html)).toEqual(['/_astro/print.A.css', '/_astro/a.B.js', '/print-button.js']);
    const source = serviceWorkerSource({ version: 'abc', offline: '/ngoai-tuyen/', pagesPrefix: 'ban-so-pages-', savedPrefix: 'ban-so-saved-', precache: [], bypass: ['/admin/'] }, 'self;');
    expect(source.split('\n')[0]).toBe('const CONFIG = {"version":"abc","offline":"/ngoai-tuyen/","pagesPrefix":"ban-so-pages-","savedPrefix":"ban-so-saved-","precache":[],"bypass":["/admin/"]};');
  });
});

describe('images', () => {
  it('never sends a fallback wider than 1080 px, and never enlarges a small one', () => {
    expect(fallbackWidth(4000)).toBe(1080);
    expect(fallbackWidth(800)).toBe(800);
  });
});

describe('bench', () => {
  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('generates the same lessons from the same seed, with steps and links to other lessons', () => {
    const a = generateLessons(30, ['thanh-toan', 'an-toan-mang']);
    expect(generateLessons(30, ['thanh-toan', 'an-toan-mang'])).toEqual(a);
    expect(new Set(a.map((l) => l.id)).size).toBe(30);
    for (const lesson of a) {
      expect(lesson.source).toMatch(/<Steps>\n\n1\. /);
      expect(lesson.source).toMatch(/\]\(\/bai-hoc\/bai-\d{4}\/\)/);
      expect(lesson.source).not.toContain(`(/bai-hoc/${lesson.id}/)`);
    }
  });

  it('writes a report with the 1,000 → 5,000 ratio', () => {
    const build = (lessons: number, wallMs: number) => ({
      lessons,
      pages: lessons * 4,
      wallMs,
      peakRssBytes: 1e9,
      distBytes: 1e8,
      distBytesWithoutTwins: 5e7,
      pagefindBytes: 1e7,
      byType: [{ type: 'lesson', count: lessons, median: 5000, max: 6000, maxPage: '/bai-hoc/x/' }],
    });
    const report = markdownReport(
      [
        { build: build(1000, 100_000), browser: [] },
        { build: build(5000, 520_000), browser: [] },
      ],
      [],
    );
    expect(report).toContain('Build time 1,000 → 5,000 lessons: ×5.20 for ×5.00 pages.');
    expect(report).toContain('| lesson (≤ 14,000) | 1000 | 5,000 | 6,000 | `/bai-hoc/x/` |');
  });
});

describe('precompression cache', () => {
  it('copies twins of unchanged content from the build cache, and prunes what a build did not use', async () => {
    const { CacheStore } = await import('../../src/lib/build-cache/store.ts');
    const { readdirSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(tmpdir(), 'ban-so-precompress-cache-'));
    const store = new CacheStore(path.join(dir, 'cache'));
    const file = path.join(dir, 'index.html');
    writeFileSync(file, '<p>Tiền điện trả bằng mã QR.</p>\n'.repeat(40));
    const first = await precompressFile(file, store);
    expect(first.cached).toBeUndefined();
    rmSync(`${file}.br`);
    const second = await precompressFile(file, store);
    expect(second).toEqual({ ...first, cached: true });
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(readFileSync(file, 'utf8'));
    expect(readdirSync(store.dir).sort()).toHaveLength(3); // .br, .gz and the manifest
    // A file too small to gain from compression: remembered as "no twins", restored as such.
    const tiny = path.join(dir, 'tiny.txt');
    writeFileSync(tiny, 'a');
    await precompressFile(tiny, store);
    expect(await precompressFile(tiny, store)).toEqual({ file: tiny, size: 1, cached: true });
    expect(await store.prune(Date.now() + 1000)).toBe(2);
    expect(readdirSync(store.dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('bench: where the build time went', () => {
  it('reads each phase and the cache counts from a build log', async () => {
    const { buildPhases } = await import('../../src/lib/bench/phases.ts');
    const log = [
      '16:06:10 [ban-so:content-gate] Nội dung hợp lệ: 77 mục, kiểm tra trong 0.4 s.',
      ' generating static routes ',
      '[og] /og/bai-hoc/a.png: drawn in 95 ms',
      '[og] /og/bai-hoc/b.png: from cache in 1 ms',
      '[og] /og/bai-hoc/c.png: drawn in 105 ms',
      '\x1b[32m16:06:13\x1b[39m ✓ Completed in 4.87s.',
      '16:06:13 [build] ✓ Completed in 1.54s.',
      '16:06:13 [ban-so:build-cache] ảnh xem trước: 2 tệp làm mới, 1 lấy từ bộ nhớ đệm',
      '16:06:13 [ban-so:search-index] Chỉ mục tìm kiếm: 52 mục (từ 90 trang HTML) trong 0.2 s.',
      '16:06:16 [ban-so:pdf] PDF: 17 tệp làm mới, 0 lấy từ bộ nhớ đệm (9 in bằng Chromium, 8 tờ A5 ghép từ tờ A4); xong 17 tệp trong 3.2 s.',
      '16:06:16 [ban-so:precompress] Nén sẵn: 105 tệp, 1830 KB → 473 KB brotli (1 tệp không nhỏ hơn khi nén, giữ nguyên) trong 1.1 s.',
      '16:06:16 [ban-so:precompress] tệp nén sẵn: 105 tệp làm mới (bộ nhớ đệm tắt)',
    ].join('\n');
    expect(buildPhases(log)).toEqual({
      contentMs: 400,
      renderMs: 4870,
      previewsMs: 200,
      searchMs: 200,
      pdfMs: 3200,
      twinsMs: 1100,
      made: { 'ảnh xem trước': { made: 2, fromCache: 1 }, PDF: { made: 17, fromCache: 0 }, 'tệp nén sẵn': { made: 105, fromCache: 0 } },
    });
  });

  it("reads Astro's durations in every unit it prints", async () => {
    const { astroDuration } = await import('../../src/lib/bench/phases.ts');
    expect(['Completed in 4.87s.', 'Completed in 604ms.', 'Completed in 1m 4s.', 'Completed in 2m 0.5s.', 'Completed in 3m.'].map(astroDuration)).toEqual([4870, 604, 64_000, 120_500, 180_000]);
  });
});

describe('brotli quality', () => {
  it('is 11 for what residents read, 7 for print variants and 10 for the CMS, from a site path or a dist file name', () => {
    expect(brotliQuality('/bai-hoc/cai-vneid/')).toBe(11);
    expect(brotliQuality('bai-hoc/cai-vneid/index.html')).toBe(11);
    expect(brotliQuality('/')).toBe(11);
    expect(brotliQuality('_astro/print.A.css')).toBe(11);
    expect(brotliQuality('admin/cms-AbC_1.js')).toBe(10);
    for (const file of ['bai-hoc/cai-vneid/to-roi/index.html', 'bai-hoc/cai-vneid/to-roi-a5/index.html', 'bai-hoc/cai-vneid/tay/phat-thanh/index.html', 'chien-dich/vneid/hop-thon/index.html', '/chien-dich/vneid/phat-thanh/']) {
      expect(brotliQuality(file), file).toBe(7);
    }
  });
});

describe('bench: the targets of issue 29', () => {
  const anchors = [{ site: 'starlight', wallMs: 20_000, peakRssBytes: 9e8 }];
  const run = (lessons: number, wallMs: number, peakRssBytes: number, rebuildMs: number, rebuildPeak: number) => ({ build: { lessons, wallMs, peakRssBytes }, rebuild: { wallMs: rebuildMs, peakRssBytes: rebuildPeak }, anchors });

  it('says met or not met for each ratio to Starlight, with the rebuild held to half its cold build', () => {
    expect(targetLines([run(1016, 80_000, 1e9, 10_000, 8e8)])).toEqual(['- 1,016 lessons, cold ≤ 4× Starlight: 4.00× — met.', "- 1,016 lessons, rebuild after one edit ≤ 0.5× Starlight's cold build: 0.50× — met."]);
    expect(targetLines([run(1016, 80_001, 1e9, 10_001, 8e8)]).every((line) => line.endsWith('— not met.'))).toBe(true);
    // No Starlight in the run: no ratio to judge.
    expect(targetLines([{ ...run(1016, 80_000, 1e9, 10_000, 8e8), anchors: [] }])).toEqual([]);
  });

  it('holds 5,000 lessons to 2,000 decimal megabytes, cold and rebuild, as /usr/bin/time reports them', () => {
    const kib = (kilobytes: number) => kilobytes * 1024;
    // 1,953,125 KB × 1,024 = exactly 2,000,000,000 bytes: met; one kilobyte more is not.
    const lines = targetLines([run(1016, 100_000, 1e9, 30_000, 8e8), run(5016, 500_000, kib(1_953_125), 60_000, kib(1_953_126))]);
    expect(lines).toContain('- 5,016 lessons, peak RSS ≤ 2,000 MB, cold: 2,000 MB — met; rebuild: 2,000 MB — not met.');
    expect(lines).toContain('- 5,016 lessons inside 30 minutes: 500.00 s — met.');
    expect(lines).toContain('- cold time ≤ 5.5× the 1,016-lesson time: ×5.00 — met.');
    expect(mb(kib(1_978_000))).toBe('1931.6 MiB');
  });
});
