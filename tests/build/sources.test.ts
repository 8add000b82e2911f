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
let all: ValidEntry[] = [];

beforeAll(async () => {
  all = (await validateContent(process.cwd())).entries;
  lessons = all.filter((entry) => entry.collection === 'lessons');
});

interface PressSource {
  name: string;
  publisher: string;
  url?: string;
  noAddress?: string;
}
const idOf = (ref: unknown): string => (typeof ref === 'string' ? ref : String((ref as { id: string }).id));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

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
      expect(
        items.map((li) => li.querySelector('a')?.getAttribute('href')),
        page,
      ).toEqual(cited.map((source) => source.url));
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

describe('figures carry their sources where they are shown (issue 24)', () => {
  it('each place page with figures names every article that prints them, linked when it has an address', () => {
    const figures = all.filter((entry) => entry.collection === 'indicators');
    expect(figures.length).toBeGreaterThan(0);
    const byPlace = new Map<string, ValidEntry[]>();
    for (const figure of figures) byPlace.set(idOf(figure.parsed['place']), [...(byPlace.get(idOf(figure.parsed['place'])) ?? []), figure]);
    for (const [place, rows] of byPlace) {
      const page = routes.place(place);
      const html = readPage(page);
      const table = html.querySelector('#bang-so-lieu');
      expect(table, page).not.toBeNull();
      // Under the table (one "Bài in số liệu" line) or in its source column, every article appears.
      const around = squash(
        `${table!.text} ${html
          .querySelectorAll('section[aria-labelledby="so-lieu"] p.meta')
          .map((p) => p.text)
          .join(' ')}`,
      );
      for (const source of rows.flatMap((row) => row.parsed['sources'] as PressSource[])) {
        expect(around, `${page}: ${source.name}`).toContain(source.name);
        if (source.url) expect(html.querySelector(`section[aria-labelledby="so-lieu"] a[href="${source.url}"]`), `${page}: link to ${source.url}`).not.toBeNull();
        else expect(around, `${page}: why ${source.name} has no address`).toContain(squash(source.noAddress!));
      }
    }
  });
});

describe('a story shows only real quotations as quotations (issue 24)', () => {
  it('every blockquote on a story page is a quotation that names who said it and cites its article', () => {
    const stories = all.filter((entry) => entry.collection === 'stories');
    const quoted = stories.filter((story) => (story.parsed['quotes'] as unknown[]).length > 0);
    expect(quoted.length, 'at least one real quotation is published').toBeGreaterThan(0);
    for (const story of stories) {
      const page = routes.story(story.id);
      const html = readPage(page);
      const quotes = story.parsed['quotes'] as Array<{ text: string; speaker: string; source: PressSource }>;
      const blockquotes = html.querySelectorAll('main blockquote');
      expect(blockquotes.length, `${page}: no blockquote but the quotations`).toBe(quotes.length);
      for (const [index, quote] of quotes.entries()) {
        const figure = blockquotes[index]!.parentNode!;
        expect(squash(blockquotes[index]!.text), page).toBe(squash(quote.text));
        const caption = figure.querySelector('figcaption');
        expect(caption?.text, page).toContain(quote.speaker);
        expect(caption?.querySelector('cite a')?.getAttribute('href'), page).toBe(quote.source.url);
        expect(caption?.querySelector('cite')?.text, page).toBe(quote.source.name);
      }
    }
  });
});

describe('reform links not checked against the resolution are never stated as fact (issue 24)', () => {
  it('marks them "chưa đối chiếu" on both ends, explains the mark, and leaves checked links plain', () => {
    const places = all.filter((entry) => entry.collection === 'places');
    const unchecked = places.filter((place) => (place.parsed['unverifiedSuccessors'] as unknown[]).length > 0);
    expect(unchecked.length).toBeGreaterThan(0);
    const linkFollowedBy = (page: string, target: string): string | undefined => {
      const anchor = readPage(page)
        .querySelectorAll('.notice a')
        .find((a) => a.getAttribute('href') === routes.place(target));
      return anchor ? squash(`${anchor.text}${anchor.nextElementSibling?.text ?? ''}`) : undefined;
    };
    for (const place of unchecked) {
      const page = routes.place(place.id);
      expect(readPage(page).querySelector('.notice')!.text, page).toContain('“Chưa đối chiếu”: Bản Số chưa đọc được điều này');
      for (const successor of (place.parsed['unverifiedSuccessors'] as unknown[]).map(idOf)) {
        expect(linkFollowedBy(page, successor), `${page} → ${successor}`).toMatch(/\(chưa đối chiếu\)$/);
        expect(linkFollowedBy(routes.place(successor), place.id), `${successor} ← ${place.id}`).toMatch(/\(chưa đối chiếu\)$/);
      }
    }
    // Nor in the page's data for machines: an unchecked successor is not claimed there.
    const ld = JSON.parse(readPage(routes.place('xa-hoanh-mo-truoc-2025')).querySelector('script[type="application/ld+json"]')!.text) as Record<string, unknown>;
    expect(JSON.stringify(ld)).not.toContain(routes.place('xa-hoanh-mo'));
    // Đại Dực's split is in the text read (khoản 4 and 6): no mark.
    expect(linkFollowedBy(routes.place('xa-dai-duc'), 'xa-tien-yen')).not.toMatch(/chưa đối chiếu/);
    expect(readPage(routes.place('xa-dai-duc')).querySelector('.notice')!.text).not.toContain('Chưa đối chiếu');
    // The list of places says it too.
    const list = squash(readPage(routes.places()).text);
    expect(list).toContain('Xã Hoành Mô (Huyện Bình Liêu (cũ)) — nay là Xã Hoành Mô (chưa đối chiếu)');
    expect(list).toContain('— được lập từ Xã Đồng Văn (cũ) (chưa đối chiếu), Xã Hoành Mô (cũ) (chưa đối chiếu)');
  });
});
