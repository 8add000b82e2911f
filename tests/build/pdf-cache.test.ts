// The PDF step through the build cache, on a copy of the built site: what is printed again,
// what comes from the cache, and that the PDFs stay one page with the font embedded.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfs, type PdfMeta } from '../../src/lib/print/cached.ts';
import { CacheStore } from '../../src/lib/build-cache/store.ts';
import { chromiumPath, chromiumVersion } from '../../src/lib/print/chromium.ts';
import { pdfJobs, type PdfJob } from '../../src/lib/print/jobs.ts';
import { embeddedFonts } from '../../src/lib/print/pdf.ts';
import { builtPages, DIST } from '../support/dist.ts';
import { canRun } from '../support/prerequisites.ts';

const run = !process.env['SKIP_PDF'] && canRun(['chromium', 'poppler-utils']);
const describePdf = run ? describe : describe.skip;
const EPOCH = 1_764_633_600; // 2025-12-02

let root = '';
let dist = '';
let store: CacheStore<PdfMeta>;
let jobs: PdfJob[] = [];
let lessonA = '';
let lessonB = '';

/** `cache: null` prints everything, as with BUILD_CACHE=0. */
const build = (some: readonly PdfJob[] = jobs, cache: CacheStore<PdfMeta> | null = store) =>
  buildPdfs(dist, some, { executablePath: chromiumPath()!, chromiumVersion: chromiumVersion(chromiumPath()!), sourceDateEpoch: EPOCH, store: cache ?? undefined });
const read = (sitePath: string) => readFileSync(path.join(dist, sitePath));
const pdfs = () => jobs.map((job) => job.pdf);

describePdf('PDFs through the build cache', () => {
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-pdf-cache-'));
    dist = path.join(root, 'dist');
    cpSync(DIST, dist, { recursive: true, filter: (file) => !/\.(br|gz|pdf)$/.test(file) });
    store = new CacheStore(path.join(root, 'cache'));
    const all = pdfJobs(builtPages(dist));
    const lessons = [...new Set(all.filter((job) => job.kind === 'leaflet').map((job) => job.page.split('/')[2]!))].slice(0, 2);
    [lessonA, lessonB] = lessons as [string, string];
    jobs = all.filter((job) => lessons.some((id) => job.page.startsWith(`/bai-hoc/${id}/`)) || job.kind === 'meeting').slice(0, 6);
    expect(jobs.map((job) => job.kind).sort()).toEqual(['leaflet', 'leaflet', 'leaflet-a5', 'leaflet-a5', 'meeting']);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints every leaflet and meeting pack once, makes the A5 sheets from the A4 PDFs, then takes all from the cache', async () => {
    const first = await build();
    expect([first.printed, first.derived, first.fromCache, first.problems]).toEqual([3, 2, 0, []]);
    const bytes = pdfs().map(read);
    for (const [index, pdf] of bytes.entries()) expect(embeddedFonts(pdf), pdfs()[index]).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    const manifests = readdirSync(store.dir).filter((name) => name.endsWith('.json'));
    for (const name of manifests) {
      const { meta } = JSON.parse(readFileSync(path.join(store.dir, name), 'utf8')) as { meta: PdfMeta };
      if (meta.pages === 1 && Object.keys(meta.deps).length)
        expect(
          Object.keys(meta.deps).some((dep) => dep.endsWith('.woff2')),
          name,
        ).toBe(true);
    }
    const second = await build();
    expect([second.printed, second.derived, second.fromCache]).toEqual([0, 0, 5]);
    expect(pdfs().map(read)).toEqual(bytes);
  });

  it('one lesson changed: exactly its A4 leaflet is printed again and its A5 sheet remade', async () => {
    const page = path.join(dist, 'bai-hoc', lessonA, 'to-roi', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/<h1[^>]*>/, '$&Đã sửa: '));
    const before = read(`/bai-hoc/${lessonB}/to-roi.pdf`);
    const result = await build();
    expect([result.printed, result.derived, result.fromCache]).toEqual([1, 1, 3]);
    expect(read(`/bai-hoc/${lessonB}/to-roi.pdf`).equals(before)).toBe(true);
  });

  it('a changed file the prints use (a font) prints every PDF again', async () => {
    const font = readdirSync(path.join(dist, '_astro')).find((name) => name.startsWith('noto-sans-vietnamese-400') && name.endsWith('.woff2'));
    expect(font).toBeDefined();
    const printed = readdirSync(store.dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => (JSON.parse(readFileSync(path.join(store.dir, name), 'utf8')) as { meta: PdfMeta }).meta)
      .filter((meta) => Object.keys(meta.deps).length);
    expect(printed.length).toBeGreaterThanOrEqual(3);
    for (const meta of printed) expect(Object.keys(meta.deps)).toContain(`/_astro/${font}`);
    const file = path.join(dist, '_astro', font!);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from([0])]));
    const result = await build();
    expect([result.printed, result.fromCache]).toEqual([3, 0]);
    writeFileSync(file, original);
    expect((await build()).printed).toBe(3);
  });

  it('a truncated cache entry is found, deleted and printed again, never copied into dist/', async () => {
    const started = Date.now();
    await build();
    await store.prune(started);
    const victim = readdirSync(store.dir).filter((name) => name.endsWith('.pdf'))[0]!;
    truncateSync(path.join(store.dir, victim), 100);
    const result = await build();
    // The damaged PDF is made again (and, if it was an A4 leaflet printed in a batch before, its
    // A5 sheet with it: a leaflet printed alone has its own font subset); the rest is reused.
    expect(result.printed + result.derived).toBeGreaterThanOrEqual(1);
    expect(result.fromCache).toBeGreaterThanOrEqual(jobs.length - 2);
    expect(store.counts.damaged).toBe(1);
    for (const pdf of pdfs()) expect(execFileSync('pdfinfo', [path.join(dist, pdf)], { encoding: 'utf8' })).toMatch(/Pages:\s+1|Pages:\s+\d+/);
  });

  it('a lesson that no longer exists leaves nothing in the cache after the next build', async () => {
    const started = Date.now();
    const remaining = jobs.filter((job) => !job.page.startsWith(`/bai-hoc/${lessonB}/`));
    const result = await build(remaining);
    expect(result.fromCache).toBe(remaining.length);
    expect(await store.prune(started)).toBeGreaterThanOrEqual(2);
    const manifests = readdirSync(store.dir).filter((name) => name.endsWith('.json'));
    expect(manifests).toHaveLength(remaining.length);
    const kept = manifests.map((name) => JSON.stringify(JSON.parse(readFileSync(path.join(store.dir, name), 'utf8')).meta));
    expect(kept.some((meta) => meta.includes(lessonB))).toBe(false);
  });

  it('two builds of the same pages with no cache write byte-identical PDFs for a given SOURCE_DATE_EPOCH', async () => {
    await build(jobs, null);
    const first = pdfs().map(read);
    await build(jobs, null);
    const second = pdfs().map(read);
    const names = pdfs();
    expect(
      names.filter((_, i) => !second[i]!.equals(first[i]!)),
      'PDFs that differ between the two builds',
    ).toEqual([]);
    for (const pdf of pdfs()) expect(execFileSync('pdfinfo', ['-isodates', path.join(dist, pdf)], { encoding: 'utf8' }), pdf).toMatch(/CreationDate:\s+2025-12-02T00:00:00/);
  });

  it('the A5 sheet is one A4 landscape page, titled, with the Vietnamese font embedded and both copies', () => {
    const file = path.join(dist, `/bai-hoc/${lessonA}/to-roi-a5.pdf`);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    expect(info).toMatch(/Title:\s+\S/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/NotoSans-\w+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('a leaflet whose text spills out of its page is refused, naming the content file', async () => {
    const page = path.join(dist, 'bai-hoc', lessonA, 'to-roi', 'index.html');
    const long = '<li>Mang căn cước và điện thoại đến công an xã để được hướng dẫn từng bước.</li>'.repeat(40);
    writeFileSync(page, readFileSync(page, 'utf8').replace(/(<ol[^>]*>)/, `$1${long}`));
    const alone = await build(jobs.filter((job) => job.page === `/bai-hoc/${lessonA}/to-roi/`));
    expect(alone.problems).toHaveLength(1);
    // Printed in one batch with another leaflet: still exactly this one is refused.
    const result = await build(
      jobs.filter((job) => job.kind === 'leaflet'),
      null,
    );
    expect(result.printed).toBe(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.file).toMatch(new RegExp(`content/lessons/${lessonA}\\.mdx$`));
    expect(result.problems[0]!.message).toMatch(/phải vừa một trang/);
  });
});
