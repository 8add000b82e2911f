// A build costs what changed: a copy of the site (the small fixture content plus a second
// lesson) is built, one lesson is edited and it is built again with the caches kept; then a
// print stylesheet changes and a lesson is deleted. The build log and the cache say what was
// made again (src/lib/build-cache/).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describeRebuild('rebuilding after a change', () => {
  beforeAll(() => {
    root = copySite('ban-so-rebuild-', path.join(REPO, 'tests/fixtures/base'));
    const second = readFileSync(lessonFile('bai-mau'), 'utf8').replace(/^title: .*$/m, 'title: Kích hoạt VNeID mức 2 cho người nhà');
    writeFileSync(lessonFile('bai-mau-hai'), second);
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

  it('a changed print stylesheet prints every PDF again; a deleted lesson leaves nothing in the cache', () => {
    const css = path.join(root, 'src/styles/leaflet.css');
    writeFileSync(css, readFileSync(css, 'utf8').replace('.lf-foot { font-size: calc(var(--u) * 12);', '.lf-foot { font-size: calc(var(--u) * 11);'));
    rmSync(lessonFile('bai-mau-hai'));
    const third = build();
    const pdfCount = readdirSync(path.join(root, 'dist'), { recursive: true }).map(String).filter((file) => file.endsWith('.pdf')).length;
    expect(third.pdfLine).toMatch(new RegExp(`PDF: ${pdfCount} tệp làm mới, 0 lấy từ bộ nhớ đệm`));
    // The PDF cache also keeps each leaflet's picture for phones (issue 27), one entry each.
    const pictureCount = readdirSync(path.join(root, 'dist/bai-hoc'), { recursive: true }).map(String).filter((file) => file.endsWith('to-roi.jpg')).length;
    expect(manifests('pdf')).toHaveLength(pdfCount + pictureCount);
    const previews = readdirSync(path.join(root, 'dist/og'), { recursive: true }).map(String).filter((file) => file.endsWith('.png'));
    expect(manifests('og')).toHaveLength(previews.length);
    expect(previews).not.toContain(path.join('bai-hoc', 'bai-mau-hai.png'));
  }, 240_000);
});
