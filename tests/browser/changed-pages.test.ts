// The pages a content pull request changed (issue 29), in Chromium: the content job runs this
// instead of the whole browser suite. CHANGED_FILES (git's names, one a line; the workflow sets
// it) says which files changed; without it, content/ files changed since origin/main, else in
// the last commit, else the first lesson. Every page made from those files, served with the
// headers of dist/_headers: axe-core with zero violations, no CSP violation or inline code,
// nothing from another host, 44×44 touch targets at 360 px in Noto Sans, no sideways scroll at
// 360 px, nor with text at 200%.
import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedNames, pagesOfChangedFiles } from '../support/ci-changes.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { builtPages, DIST, sourceFileOf } from '../support/dist.ts';
import { axeViolationsUnderCsp, inlineCode, phoneFontProblem, recordRequests, serveWithHeaders, sidewaysScroll, smallTargets, watchCsp, zoomText } from '../support/quality.ts';

const enabled = browserAvailable();

function gitNames(args: string[]): string[] {
  try {
    return changedNames(execFileSync('git', ['diff', '--name-only', ...args, '--', 'content/'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return [];
  }
}

/** The changed content files, and where that list came from (printed with the test's name). */
function changedFiles(firstLesson: string): { files: string[]; from: string } {
  const given = process.env['CHANGED_FILES'];
  if (given?.trim()) return { files: changedNames(given), from: 'CHANGED_FILES' };
  for (const range of ['origin/main...HEAD', 'HEAD~1']) {
    const files = gitNames([range]);
    if (files.length) return { files, from: `git diff ${range}` };
  }
  return { files: [firstLesson], from: 'no content change: the first lesson' };
}

const entries = (await validateContent(process.cwd())).entries;
const firstLesson = entries
  .filter((entry) => entry.collection === 'lessons')
  .map((entry) => entry.file.split(path.sep).join('/'))
  .sort()[0]!;
const { files, from } = changedFiles(firstLesson);
const PAGES = enabled ? pagesOfChangedFiles(files, builtPages(), (page) => sourceFileOf(page, entries)) : [];

describe.skipIf(!enabled)(`the pages of the changed content files (${from}: ${files.length} files)`, () => {
  let browser: Browser;
  let server: Server;
  let base = '';

  beforeAll(async () => {
    ({ url: base, server } = await serveWithHeaders(DIST, path.join(DIST, '_headers')));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('has at least one page to check', () => {
    expect(PAGES.length).toBeGreaterThan(0);
  });

  it.each(PAGES)(
    '%s passes axe-core, keeps 44 px touch targets at 360 px in Noto Sans, does not scroll sideways (nor with text at 200%%), and stays on 127.0.0.1 under the CSP',
    async (sitePath) => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const cspViolations = await watchCsp(context);
      const requests = recordRequests(context);
      const page = await context.newPage();
      await page.goto(`${base}${sitePath}`, { waitUntil: 'networkidle' });
      expect(await cspViolations(page)).toEqual([]);
      expect(await inlineCode(page)).toEqual([]);
      // axe in this page, under its CSP and before the zoom below: one load instead of two (support/quality.ts).
      expect(await axeViolationsUnderCsp(page)).toEqual([]);
      expect(requests.all.length).toBeGreaterThan(0);
      expect(requests.foreign()).toEqual([]);
      expect(await phoneFontProblem(page)).toBeUndefined();
      expect(await smallTargets(page)).toEqual([]);
      // A long word, address or number in the text must not push the page sideways on a phone.
      expect(await sidewaysScroll(page), 'at 100%').toBeUndefined();
      await zoomText(page, 200);
      expect(await sidewaysScroll(page), 'text at 200%').toBeUndefined();
      await context.close();
    },
    60_000,
  );
});
