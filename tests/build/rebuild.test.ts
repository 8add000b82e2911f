// A build costs what changed: a copy of the site (the small fixture content plus a second
// lesson) is built, one lesson is edited and it is built again with the caches kept; then a
// print stylesheet changes and a lesson is deleted. The build log and the cache say what was
// made again (src/lib/build-cache/).
// No page goes stale (issue 29): a lesson's text, a topic's name, a place's name and a shared
// component are edited in turn, each followed by a build with every cache kept (ours, and
// Astro's data store with the articles' HTML): exactly the pages that show the edited thing
// change, no other page does, and PDFs, leaflet pictures, link previews and .br/.gz twins change
// exactly when what they are made from changed. It holds for any cache that skips work,
// including Astro's incremental build if it is turned on again (docs/performance.md).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfJobs } from '../../src/lib/print/jobs.ts';
import { canRun } from '../support/prerequisites.ts';
import { buildCopy, copySite } from '../support/site-copy.ts';

const REPO = process.cwd();
const run = !process.env['SKIP_PDF'] && canRun(['chromium']);
const describeRebuild = run ? describe : describe.skip;

let root = '';
const lessonFile = (id: string) => path.join(root, 'content/lessons', `${id}.mdx`);

function build(): { log: string; pdfLine: string } {
  const { status, log } = buildCopy(root);
  expect(status, log.slice(-3000)).toBe(0);
  return { log, pdfLine: log.split('\n').find((line) => /\[ban-so:pdf\] PDF: \d+ tệp làm mới/.test(line)) ?? '' };
}
const drawn = (log: string) => [...log.matchAll(/\[og\] (\S+): drawn/g)].map((m) => m[1]).sort();
const manifests = (kind: string) => readdirSync(path.join(root, '.cache/ban-so', kind)).filter((name) => name.endsWith('.json'));

/** Every file of dist/ (path with "/") and the sha-256 of its bytes. */
function snapshot(): Map<string, string> {
  const dist = path.join(root, 'dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dist, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex')];
    }),
  );
}
const htmlFiles = (files: Map<string, string>) => [...files.keys()].filter((file) => file.endsWith('.html')).sort();
/** The built pages whose HTML contains `text`. */
const pagesShowing = (text: string) => htmlFiles(snapshot()).filter((file) => readFileSync(path.join(root, 'dist', file), 'utf8').includes(text));

function replaceIn(file: string, from: string, to: string): void {
  const source = readFileSync(file, 'utf8');
  expect(source, `${file} should contain "${from}"`).toContain(from);
  writeFileSync(file, source.replaceAll(from, to));
}

/**
 * After an edit and a build: the pages showing `now` are exactly the pages that changed (and,
 * for a renamed thing, exactly those that showed `was`, which no page shows any more); each PDF,
 * picture and twin changed exactly when its source did; no link preview changed.
 */
function expectOnlyShowingPagesChanged(before: Map<string, string>, edit: { now: string; was?: string; showedBefore?: string[]; mustShow: string[] }): void {
  const after = snapshot();
  const changed = (file: string) => before.get(file) !== after.get(file);
  const showing = pagesShowing(edit.now);
  expect(showing).toEqual(expect.arrayContaining(edit.mustShow));
  if (edit.was !== undefined) {
    expect(pagesShowing(edit.was), `pages still showing "${edit.was}" (stale)`).toEqual([]);
    expect(showing).toEqual(edit.showedBefore);
  }
  const changedPages = [...new Set([...htmlFiles(before), ...htmlFiles(after)])].filter(changed).sort();
  // The search page names its index's version (data-engine-tag): it shows the index, which
  // changes with any indexed text.
  const indexChanged = [...new Set([...before.keys(), ...after.keys()])].some((file) => file.startsWith('pagefind/') && changed(file));
  const expected = [...new Set([...showing, ...(indexChanged ? ['tim-kiem/index.html'] : [])])].sort();
  expect(changedPages, 'pages that changed (left) against pages that show the edit (right)').toEqual(expected);

  const jobs = pdfJobs(htmlFiles(after).map((file) => `/${file.replace(/index\.html$/, '')}`));
  const distFile = (sitePath: string) => sitePath.replace(/^\//, '');
  const pageChanged = (page: string) => changed(`${distFile(page)}index.html`);
  for (const job of jobs) {
    const source = job.fromA4 !== undefined ? changed(distFile(job.fromA4)) : pageChanged(job.page);
    expect(changed(distFile(job.pdf)), `${job.pdf} changed`).toBe(source);
    if (job.kind === 'leaflet' && job.picture && after.has(distFile(job.picture))) expect(changed(distFile(job.picture)), `${job.picture} changed`).toBe(source);
  }
  expect([...after.keys()].filter((file) => file.startsWith('og/') && changed(file))).toEqual([]);
  for (const twin of [...after.keys()].filter((file) => /\.(br|gz)$/.test(file))) {
    expect(changed(twin), `${twin} changed`).toBe(changed(twin.replace(/\.(br|gz)$/, '')));
  }
}

describeRebuild('rebuilding after a change', () => {
  beforeAll(() => {
    root = copySite('ban-so-rebuild-', path.join(REPO, 'tests/fixtures/base'));
    // The second lesson is in a commune, and the things the staleness steps rename carry a
    // word found nowhere else, so "the pages that show it" can be read from the pages.
    const second = readFileSync(lessonFile('bai-mau'), 'utf8')
      .replace(/^title: .*$/m, 'title: Kích hoạt VNeID mức 2 cho người nhà')
      .replace(/^places: \[\]$/m, 'places: [xa-tien-yen]')
      .replace(/\n## Cần chuẩn bị\n/, '\nBà con hỏi cán bộ Kestrelbody nếu chưa rõ.\n\n## Cần chuẩn bị\n');
    writeFileSync(lessonFile('bai-mau-hai'), second);
    replaceIn(path.join(root, 'content/topics.yaml'), 'name: Định danh điện tử', 'name: Định danh điện tử Kestreltopic');
    replaceIn(path.join(root, 'content/places/xa-tien-yen.yaml'), 'name: Tiên Yên', 'name: Tiên Yên Kestrelplace');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the first build makes everything; one lesson edited: only its PDFs are printed and only its preview drawn', () => {
    const first = build();
    expect(first.pdfLine).toMatch(/PDF: \d+ tệp làm mới, 0 lấy từ bộ nhớ đệm/);
    expect(drawn(first.log).length).toBeGreaterThan(2);
    // The log an editor reads in CI is not buried under one bundler warning per MDX file.
    expect(first.log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    const pdfs = () => Object.fromEntries(['bai-mau', 'bai-mau-hai'].map((id) => [id, readFileSync(path.join(root, 'dist/bai-hoc', id, 'to-roi.pdf'))]));
    const before = pdfs();

    writeFileSync(lessonFile('bai-mau-hai'), readFileSync(lessonFile('bai-mau-hai'), 'utf8').replace(/^title: .*$/m, 'title: Kích hoạt VNeID mức 2 cho bố mẹ'));
    const second = build();
    expect(second.pdfLine).toMatch(/PDF: 2 tệp làm mới, \d+ lấy từ bộ nhớ đệm/);
    expect(second.pdfLine).toContain('(1 in bằng Chromium, 1 tờ A5 ghép từ tờ A4)');
    expect(drawn(second.log)).toEqual(['/og/bai-hoc/bai-mau-hai.png']);
    const after = pdfs();
    expect(after['bai-mau']!.equals(before['bai-mau']!)).toBe(true);
    expect(after['bai-mau-hai']!.equals(before['bai-mau-hai']!)).toBe(false);
    expect(second.log).toMatch(/tệp nén sẵn: \d+ tệp làm mới, \d+ lấy từ bộ nhớ đệm/);
  }, 240_000);

  // Each edit replaces a word only the edited thing carries, so "the pages that show it" is a text search.
  it.each([
    ["a lesson's text edited: the pages that show it change and no other", () => lessonFile('bai-mau-hai'), 'Kestrelbody', 'Ospreybody', ['bai-hoc/bai-mau-hai/index.html']],
    [
      "a topic renamed: every page that shows its name changes (the topic's, its lessons', their leaflets) and no other",
      () => path.join(root, 'content/topics.yaml'),
      'Kestreltopic',
      'Ospreytopic',
      ['bai-hoc/bai-mau/index.html', 'bai-hoc/bai-mau-hai/index.html', 'chu-de/dinh-danh-dien-tu/index.html'],
    ],
    [
      'a place renamed: every page that shows its name changes (its page, the lesson and news in it) and no other',
      () => path.join(root, 'content/places/xa-tien-yen.yaml'),
      'Kestrelplace',
      'Ospreyplace',
      ['bai-hoc/bai-mau-hai/index.html', 'dia-phuong/xa-tien-yen/index.html', 'tin-tuc/tin-mau/index.html'],
    ],
  ] as const)(
    '%s',
    (_, file, was, now, mustShow) => {
      const before = snapshot();
      const showedBefore = pagesShowing(was);
      replaceIn(file(), was, now);
      build();
      expectOnlyShowingPagesChanged(before, { was, now, showedBefore, mustShow: [...mustShow] });
    },
    240_000,
  );

  it('a shared component changed: every page that shows it changes and no other', () => {
    const before = snapshot();
    replaceIn(path.join(root, 'src/components/site/LinkLine.astro'), '<strong>{label}:</strong>', '<strong>{label} Ospreyline:</strong>');
    build();
    expectOnlyShowingPagesChanged(before, { now: 'Ospreyline', mustShow: ['bai-hoc/bai-mau-hai/index.html', 'tin-tuc/tin-mau/index.html'] });
  }, 240_000);

  it('a changed print stylesheet prints every PDF again; a deleted lesson leaves nothing in the cache', () => {
    const css = path.join(root, 'src/styles/leaflet.css');
    writeFileSync(css, readFileSync(css, 'utf8').replace('.lf-foot { font-size: calc(var(--u) * 12);', '.lf-foot { font-size: calc(var(--u) * 11);'));
    rmSync(lessonFile('bai-mau-hai'));
    const third = build();
    const pdfCount = readdirSync(path.join(root, 'dist'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.pdf')).length;
    expect(third.pdfLine).toMatch(new RegExp(`PDF: ${pdfCount} tệp làm mới, 0 lấy từ bộ nhớ đệm`));
    // The PDF cache also keeps each leaflet's picture for phones (issue 27), one entry each.
    const pictureCount = readdirSync(path.join(root, 'dist/bai-hoc'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('to-roi.jpg')).length;
    expect(manifests('pdf')).toHaveLength(pdfCount + pictureCount);
    const previews = readdirSync(path.join(root, 'dist/og'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.png'));
    expect(manifests('og')).toHaveLength(previews.length);
    expect(previews).not.toContain(path.join('bai-hoc', 'bai-mau-hai.png'));
  }, 240_000);
});
