// Issue 24 on the real site: every lesson page ends with "Báo nội dung sai", its links work with
// no JavaScript, and the editors' issue carries the page's own address and title.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { repoUrl, siteUrl } from '../../src/lib/site.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { routes } from '../../src/lib/routes.ts';
import { readPage } from '../support/dist.ts';

let lessons: ValidEntry[] = [];

beforeAll(async () => {
  lessons = (await validateContent(process.cwd())).entries.filter((entry) => entry.collection === 'lessons');
});

describe('every real lesson page ends with its sources and the day it was last checked', () => {
  it('lists each source as a link (name — publisher, date) and says "Kiểm tra lần cuối: <reviewed>"', () => {
    expect(lessons.length).toBeGreaterThan(3);
    for (const lesson of lessons) {
      const page = routes.lesson(lesson.id);
      const section = readPage(page).querySelector('article section.sources');
      expect(section, page).not.toBeNull();
      expect(section!.querySelector('h2')?.text, page).toBe('Nguồn');
      const cited = lesson.parsed['sources'] as Array<{ name: string; publisher: string; url: string }>;
      const items = section!.querySelectorAll('li');
      expect(items.map((li) => li.querySelector('a')?.getAttribute('href')), page).toEqual(cited.map((source) => source.url));
      for (const [index, source] of cited.entries()) expect(items[index]!.text, page).toContain(`${source.name} — ${source.publisher}, `);
      expect(section!.querySelector('p.meta')?.text, page).toBe(`Kiểm tra lần cuối: ${formatDate(lesson.parsed['reviewed'] as Date)}`);
    }
  });
});

describe('"Báo nội dung sai" on every lesson', () => {
  it('links to a prefilled issue on REPO_URL carrying the page address and title, URL-encoded', () => {
    expect(lessons.length).toBeGreaterThan(3);
    for (const lesson of lessons) {
      const page = routes.lesson(lesson.id);
      const report = readPage(page).querySelector('article section.report');
      expect(report, page).not.toBeNull();
      expect(report!.querySelector('h2')?.text, page).toBe('Báo nội dung sai');
      const href = report!.querySelector('a[data-report-issue]')!.getAttribute('href')!;
      expect(href.startsWith(`${repoUrl()}/issues/new?title=`), page).toBe(true);
      expect(href, page).toContain(encodeURIComponent(new URL(page, siteUrl()).href));
      expect(href, page).not.toMatch(/\s/);
      const issue = new URL(href);
      expect(issue.searchParams.get('title'), page).toBe(`Nội dung sai: ${String(lesson.parsed['title'])}`);
      expect(issue.searchParams.get('body'), page).toContain(`Trang: ${new URL(page, siteUrl()).href}`);
    }
  });
});
