// The allowlist over the real output (issue 23, item 4): every page of dist/ holds only elements
// and attributes our templates write (tests/support/output-allowlist.ts, unit-tested with hostile
// markup in tests/unit/output-allowlist.test.ts). Whatever let a refused element through (a gap in
// the content check, the renderer, a template), this names the page and the file it came from.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { routes } from '../../src/lib/routes.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { builtPages, DIST, sourceFileOf } from '../support/dist.ts';
import { outputProblems } from '../support/output-allowlist.ts';

const rules = { site: siteUrl(), searchPath: routes.search() };
let entries: Awaited<ReturnType<typeof validateContent>>['entries'] = [];
beforeAll(async () => {
  entries = (await validateContent(process.cwd())).entries;
});

/** dist/… file of a site path. */
const distFile = (page: string) => path.join(DIST, page.endsWith('/') ? `${page}index.html` : page);

describe('allowlist over every built page', () => {
  it('finds only what our templates write, on every page of dist/ and the CMS page', () => {
    // builtPages() leaves out /admin/ (not laid out by us); its one page is ours all the same.
    const pages = [...builtPages(), routes.admin()];
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const page of pages) {
      const file = distFile(page);
      if (!existsSync(file)) {
        problems.push(`${path.relative(process.cwd(), file)}: missing`);
        continue;
      }
      const source = sourceFileOf(page, entries);
      for (const problem of outputProblems(readFileSync(file, 'utf8'), rules)) {
        problems.push(`${path.relative(process.cwd(), file)}${source ? ` (from ${source})` : ''} — ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names the content file of a page', () => {
    const lesson = entries.find((entry) => entry.collection === 'lessons')!;
    expect(sourceFileOf(routes.lesson(lesson.id), entries)).toBe(lesson.file);
    expect(sourceFileOf(routes.leaflet(lesson.id), entries)).toBe(lesson.file);
    expect(sourceFileOf(routes.broadcast(lesson.id), entries)).toBe(lesson.file);
    const campaign = entries.find((entry) => entry.collection === 'campaigns')!;
    expect(sourceFileOf(routes.meetingPack(campaign.id), entries)).toBe(campaign.file);
    expect(sourceFileOf(routes.glossary(), entries)).toMatch(/^content\/glossary\/ \(\d+ mục\)$/);
    expect(sourceFileOf(routes.home(), entries)).toBeUndefined();
    expect(sourceFileOf(routes.newsList(2), entries)).toBeUndefined();
  });
});
