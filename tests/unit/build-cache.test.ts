import { mkdtempSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir, cacheLine, cacheRoot } from '../../src/lib/build-cache/settings.ts';
import { CacheStore, hashParts } from '../../src/lib/build-cache/store.ts';
import { pdfDate, withFixedDates, withStableNodeIds } from '../../src/lib/print/pdf.ts';

const dirs: string[] = [];
function store(): CacheStore<{ pages: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ban-so-cache-'));
  dirs.push(dir);
  return new CacheStore(dir);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const KEY = hashParts(['bài học', 'tờ rơi']);

describe('build cache store', () => {
  it('gives back exactly what was stored, with its metadata', async () => {
    const cache = store();
    expect(await cache.get(KEY)).toBeUndefined();
    await cache.put(KEY, { pdf: Buffer.from('%PDF-1.4 tờ rơi') }, { pages: 1 });
    const entry = await cache.get(KEY);
    expect(entry?.files.get('pdf')?.toString()).toBe('%PDF-1.4 tờ rơi');
    expect(entry?.meta).toEqual({ pages: 1 });
    expect(cache.counts).toEqual({ made: 1, fromCache: 1, damaged: 0 });
  });

  it('never serves a truncated, changed or half-written entry: it deletes it and reports a miss', async () => {
    const cache = store();
    await cache.put(KEY, { pdf: Buffer.from('%PDF-1.4 một trang đầy đủ') }, { pages: 1 });
    truncateSync(path.join(cache.dir, `${KEY}.pdf`), 5);
    expect(await cache.get(KEY)).toBeUndefined();
    expect(readdirSync(cache.dir)).toEqual([]);

    await cache.put(KEY, { pdf: Buffer.from('%PDF-1.4 một trang đầy đủ') }, { pages: 1 });
    writeFileSync(path.join(cache.dir, `${KEY}.pdf`), '%PDF-1.4 một trang đầy đủ!');
    expect(await cache.get(KEY)).toBeUndefined();

    await cache.put(KEY, { pdf: Buffer.from('x') }, { pages: 1 });
    writeFileSync(path.join(cache.dir, `${KEY}.json`), '{"version":1,"files":');
    expect(await cache.get(KEY)).toBeUndefined();
    expect(cache.counts.damaged).toBe(3);
    expect(readdirSync(cache.dir)).toEqual([]);
  });

  it('prunes entries the latest build neither made nor used, and stray files', async () => {
    const cache = store();
    const used = hashParts(['used']);
    const unused = hashParts(['unused']);
    await cache.put(used, { png: Buffer.from('a') }, { pages: 0 });
    await cache.put(unused, { png: Buffer.from('b') }, { pages: 0 });
    // Both were made by an earlier build; the new build starts and uses one of them.
    const old = new Date(Date.now() - 60_000);
    for (const key of [used, unused]) utimesSync(path.join(cache.dir, `${key}.json`), old, old);
    writeFileSync(path.join(cache.dir, `${hashParts(['stray'])}.png`), 'no manifest');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const buildStart = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.get(used);
    expect(await cache.summary(buildStart)).toEqual({ made: 0, fromCache: 1 });
    expect(await cache.prune(buildStart)).toBe(2);
    expect(readdirSync(cache.dir).sort()).toEqual([`${used}.json`, `${used}.png`]);
  });

  it('refuses keys and names that could leave its folder', async () => {
    const cache = store();
    await expect(cache.put('../../etc', { pdf: Buffer.from('x') }, { pages: 1 })).rejects.toThrow(/bad key/);
    await expect(cache.put(KEY, { '../x': Buffer.from('x') }, { pages: 1 })).rejects.toThrow(/bad file name/);
  });

  it('keys on every part, in order', () => {
    expect(hashParts(['ab', 'c'])).not.toBe(hashParts(['a', 'bc']));
    expect(hashParts(['a', Buffer.from('b')])).toBe(hashParts(['a', 'b']));
  });
});

describe('build cache settings', () => {
  it('one folder per kind under one root, and switches that turn all or one kind off', () => {
    expect(cacheRoot({})).toBe(path.resolve('node_modules/.cache/ban-so'));
    expect(cacheDir('pdf', {})).toBe(path.resolve('node_modules/.cache/ban-so/pdf'));
    expect(cacheDir('og', { BUILD_CACHE_DIR: '/tmp/c' })).toBe('/tmp/c/og');
    expect(['pdf', 'og', 'precompress'].map((kind) => cacheDir(kind as 'pdf', { BUILD_CACHE: '0' }))).toEqual([undefined, undefined, undefined]);
    expect(cacheDir('pdf', { PDF_CACHE: '0' })).toBeUndefined();
    expect(cacheDir('og', { PDF_CACHE: '0' })).toBeDefined();
    expect(cacheDir('precompress', { PRECOMPRESS_CACHE: 'false' })).toBeUndefined();
  });

  it('says per kind how many were made and how many came from the cache', () => {
    expect(cacheLine('pdf', { made: 2, fromCache: 15, pruned: 1 }, true)).toBe('PDF: 2 tệp làm mới, 15 lấy từ bộ nhớ đệm, xoá 1 mục không còn dùng');
    expect(cacheLine('pdf', { made: 17, fromCache: 0 }, false)).toBe('PDF: 17 tệp làm mới (bộ nhớ đệm tắt)');
  });
});

describe('reproducible PDFs', () => {
  it('replaces the print time with SOURCE_DATE_EPOCH, keeping every byte offset', () => {
    const pdf = Buffer.from("1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261202155205+00'00')\n/ModDate (D:20261202155205+00'00')>>\nendobj\n", 'latin1');
    const fixed = withFixedDates(pdf, 1_767_225_600);
    expect(fixed.length).toBe(pdf.length);
    expect(fixed.toString('latin1')).toContain("/CreationDate (D:20260101000000+00'00')");
    expect(fixed.toString('latin1')).toContain("/ModDate (D:20260101000000+00'00')");
    expect(withFixedDates(pdf, undefined)).toBe(pdf);
    expect(pdfDate(0)).toBe("D:19700101000000+00'00'");
  });

  it('numbers tagged-PDF node ids by rank, so a page printed beside another gets the same bytes', () => {
    const pdf = (a: number, b: number) => Buffer.from(`/ID (node${String(a).padStart(8, '0')})>>\n/Headers [(node${String(a).padStart(8, '0')})]\n/ID (node${String(b).padStart(8, '0')})>>`, 'latin1');
    const alone = withStableNodeIds(pdf(14, 100));
    expect(withStableNodeIds(pdf(15, 173)).equals(alone)).toBe(true);
    expect(alone.length).toBe(pdf(14, 100).length);
    expect(alone.toString('latin1')).toBe('/ID (node00000001)>>\n/Headers [(node00000001)]\n/ID (node00000002)>>');
  });
});

describe('CI keeps the build cache', () => {
  it('restores and saves the cache folder after npm ci (which empties node_modules), keyed so a pull request starts from main', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as { jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }> };
    // Both jobs that build: the whole suite and an editor's content pull request (issue 29).
    for (const job of ['site', 'content']) {
      const steps = workflow.jobs[job]!.steps;
      const npmCi = steps.findIndex((step) => step.run === 'npm ci');
      const cache = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
      const build = steps.findIndex((step) => step.run === 'npm run build');
      expect(npmCi).toBeGreaterThanOrEqual(0);
      expect(cache).toBeGreaterThan(npmCi);
      expect(build).toBeGreaterThan(cache);
      // Ours and Astro's own cache (its content store keeps the rendered articles), one per line.
      expect(steps[cache]!.with!['path']!.trim().split('\n')).toEqual([path.relative(process.cwd(), cacheRoot({})), 'node_modules/.astro']);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, read as text
      expect(steps[cache]!.with!['key']).toContain('${{ github.sha }}');
      expect(steps[cache]!.with!['restore-keys']).toMatch(/build-cache-\$\{\{ runner\.os \}\}-\n?/);
    }
  });
});
