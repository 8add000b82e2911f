import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { excludedFromSitemap, isPrintVariant, routes } from '../../src/lib/routes.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { builtPages, DIST, expectedPage, idsOn, missingPages, pageExists, readPage } from '../support/dist.ts';

let entries: ValidEntry[] = [];
let pages: string[] = [];

beforeAll(async () => {
  entries = (await validateContent(process.cwd())).entries;
  pages = builtPages();
});

describe('every content entry has its page', () => {
  it('finds a page (or glossary anchor) for each entry counted from content/', () => {
    const expected = entries.map(expectedPage).filter((page): page is string => page !== undefined);
    expect(expected.length).toBeGreaterThan(40);
    expect(
      missingPages(
        expected,
        (page) => pageExists(page),
        (page) => idsOn(page),
      ),
    ).toEqual([]);
  });

  it('would notice a single lost page', () => {
    const expected = entries.map(expectedPage).filter((page): page is string => page !== undefined);
    const lost = expected.find((page) => page.startsWith('/bai-hoc/'))!;
    const missing = missingPages(
      expected,
      (page) => page !== lost && pageExists(page),
      (page) => idsOn(page),
    );
    expect(missing).toEqual([lost]);
  });

  it('has a topic page for each topic with lessons, and paginates news 10 a page', () => {
    const topics = new Set(entries.filter((e) => e.collection === 'lessons').map((e) => (e.parsed['topic'] as { id: string }).id));
    for (const topic of topics) expect(pageExists(routes.topic(topic)), topic).toBe(true);
    const news = entries.filter((e) => e.collection === 'news').length;
    const lastPage = Math.max(1, Math.ceil(news / 10));
    expect(pageExists(routes.newsList(lastPage))).toBe(true);
    expect(pageExists(routes.newsList(lastPage + 1))).toBe(false);
    const listed = readPage(routes.newsList(1)).querySelectorAll('main .card h2 a').length;
    expect(listed).toBe(Math.min(10, news));
  });

  it('has the fixed pages of the design', () => {
    for (const page of ['/', routes.lessons(), routes.newsList(), routes.stories(), routes.places(), routes.campaigns(), routes.glossary(), routes.search()]) {
      expect(pageExists(page), page).toBe(true);
    }
    expect(pages).toContain('/404.html');
  });

  it('the home page offers the top tasks as large links to their lessons, not as names in a sentence (issue 25)', () => {
    const links = readPage('/').querySelectorAll('ul.tasks a');
    const tasks = entries.filter((e) => e.collection === 'lessons' && e.parsed['homeTask']);
    expect(tasks.length).toBeGreaterThanOrEqual(4);
    expect(links.map((a) => a.text.trim()).sort()).toEqual(tasks.map((e) => String(e.parsed['homeTask'])).sort());
    for (const link of links) {
      const lesson = tasks.find((e) => e.parsed['homeTask'] === link.text.trim())!;
      expect(link.getAttribute('href')).toBe(routes.lesson(lesson.id));
    }
    expect(readPage('/').querySelector('.hero')!.text).not.toMatch(/VNeID|tiền điện/);
  });
});

describe('sitemap', () => {
  it('lists every page except 404, the offline page and the print variants (excludedFromSitemap), and nothing that is not built', () => {
    const index = readFileSync(path.join(DIST, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const locs = sitemaps.flatMap((sitemap) => [...readFileSync(path.join(DIST, sitemap), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    const site = siteUrl();
    expect(locs.every((loc) => loc.startsWith(site))).toBe(true);
    const listed = locs.map((loc) => new URL(loc).pathname).sort();
    expect(listed).toEqual(pages.filter((page) => page !== '/404.html' && !excludedFromSitemap(page)));
    expect(pages.filter(isPrintVariant).length).toBeGreaterThan(0);
  });
});

describe('every page', () => {
  it('has lang="vi", a title, exactly one h1 and a canonical link to itself', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const html = readPage(page);
      if (html.querySelector('html')?.getAttribute('lang') !== 'vi') problems.push(`${page}: lang`);
      if (!html.querySelector('title')?.text.trim()) problems.push(`${page}: <title>`);
      const h1 = html.querySelectorAll('h1').length;
      if (h1 !== 1) problems.push(`${page}: ${h1} h1`);
      const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (page !== '/404.html' && canonical !== new URL(page, siteUrl()).href) problems.push(`${page}: canonical ${canonical}`);
    }
    expect(problems).toEqual([]);
  });

  it('has a skip link to the main landmark, a header, nav and footer', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const html = readPage(page);
      if (html.querySelector('a.skip-link')?.getAttribute('href') !== '#main' || !html.querySelector('main#main')) problems.push(`${page}: skip link`);
      if (!html.querySelector('header') || !html.querySelector('nav') || !html.querySelector('footer')) problems.push(`${page}: landmarks`);
    }
    expect(problems).toEqual([]);
  });

  it('ships no JavaScript to read (exactly the service-worker registration module; search page: its module; offline page: its list; print variants: the print button; pages with a "Gửi qua Zalo" button or a "Lưu để đọc khi mất sóng" box: its module; JSON-LD is data)', () => {
    const executable = (page: string) =>
      readPage(page)
        .querySelectorAll('script')
        .filter((script) => script.getAttribute('type') !== 'application/ld+json');
    const lesson = routes.lesson(entries.find((e) => e.collection === 'lessons')!.id);
    // The share button's module (issue 27) comes only with its button (tests/build/budgets.test.ts weighs it).
    // So does "Lưu để đọc khi mất sóng" on campaign pages.
    const isShare = (src: string | undefined) => /^\/_astro\/(ShareButton|SaveOffline)\.[^/]+\.js$/.test(src ?? '');
    const hasShareButton = (page: string) => readPage(page).querySelectorAll('button[data-share-url], [data-save-pages]').length;
    // The registration module (docs/performance.md): one external module, no inline code.
    const registration = executable(lesson)
      .map((s) => s.getAttribute('src'))
      .filter((src) => !isShare(src));
    expect(registration).toHaveLength(1);
    expect(registration[0]).toMatch(/^\/_astro\/.+\.js$/);
    const own: Record<string, number> = { [routes.search()]: 1, [routes.offline()]: 1 };
    const wrong = pages.filter((page) => {
      const scripts = executable(page);
      if (scripts.some((s) => s.getAttribute('type') !== 'module' || s.text.trim() !== '')) return true;
      const all = scripts.map((s) => s.getAttribute('src'));
      if (all.filter(isShare).length !== hasShareButton(page)) return true;
      const sources = all.filter((src) => !isShare(src));
      if (isPrintVariant(page)) return sources.join() !== routes.printButtonScript();
      const others = sources.filter((src) => src !== registration[0]);
      return sources.length - others.length !== 1 || others.length !== (own[page] ?? 0);
    });
    expect(wrong).toEqual([]);
    const searchScripts = executable(routes.search()).filter((s) => s.getAttribute('src') !== registration[0]);
    expect(searchScripts.map((script) => [script.getAttribute('type'), script.innerHTML.trim()])).toEqual([['module', '']]);
    expect(searchScripts[0]?.getAttribute('src')).toMatch(/^\/_astro\/.+\.js$/);
    // JSON-LD is there (so the filter above is not vacuous) and is the only script type.
    expect(readPage(lesson).querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
  });

  it('loads nothing from other hosts', () => {
    const offenders: string[] = [];
    for (const page of pages) {
      for (const element of readPage(page).querySelectorAll('link[href], script[src], img[src], source[srcset], iframe, img[srcset]')) {
        const value = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('srcset') ?? '';
        if (/^(https?:)?\/\//.test(value) && !(element.tagName === 'LINK' && element.getAttribute('rel') === 'canonical')) offenders.push(`${page}: ${value}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('content pages', () => {
  it('render the editor components, not raw MDX tags', () => {
    const lesson = entries.find((e) => e.collection === 'lessons' && (e.body ?? '').includes('<Steps>'))!;
    const html = readPage(routes.lesson(lesson.id));
    expect(html.querySelector('.steps ol li')).not.toBeNull();
    expect(html.toString()).not.toMatch(/&lt;(Steps|Tip|Warning|WhenStuck|Term|Figure)/);
  });

  it('draw a Markdown link into the glossary as a term, the same as <Term> (what the CMS link button writes)', () => {
    const lesson = entries.find((e) => e.collection === 'lessons' && /\]\(\/tu-dien\/#/.test(e.body ?? '') && (e.body ?? '').includes('<Term'))!;
    const html = readPage(routes.lesson(lesson.id));
    const [, word, id] = /\[([^\]]+)\]\(\/tu-dien\/#([^)]+)\)/.exec(lesson.body ?? '')!;
    const fromLink = html.querySelectorAll('a.term').find((a) => a.getAttribute('href') === routes.glossaryTerm(id!));
    expect(fromLink?.text).toBe(word);
    const fromTag = /<Term id="([^"]+)">/.exec(lesson.body ?? '')![1]!;
    expect(html.querySelector(`a.term[href="${routes.glossaryTerm(fromTag)}"]`)).not.toBeNull();
    // Other links stay plain links.
    expect(html.querySelectorAll('.prose a:not(.term)').every((a) => !a.getAttribute('href')?.startsWith(routes.glossary()))).toBe(true);
  });

  it('show a historical place with what it became, and the new commune with what it was formed from', () => {
    const daiDuc = readPage(routes.place('xa-dai-duc'));
    const nowLinks = daiDuc.querySelectorAll('.notice a').map((a) => a.getAttribute('href'));
    expect(nowLinks).toEqual(expect.arrayContaining([routes.place('xa-tien-yen'), routes.place('xa-dong-ngu')]));
    const dongNgu = readPage(routes.place('xa-dong-ngu'));
    expect(dongNgu.querySelectorAll('.notice a').map((a) => a.getAttribute('href'))).toContain(routes.place('xa-dai-duc'));
    // A district is not a predecessor of a commune (issue 25): xã Bình Liêu lay in huyện Bình Liêu.
    const binhLieu = readPage(routes.place('xa-binh-lieu')).querySelector('.notice')!;
    const formedFrom = binhLieu.querySelectorAll('p').find((p) => p.text.startsWith('Được lập từ'))!;
    expect(formedFrom.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain(routes.place('huyen-binh-lieu'));
    // The link is not yet checked against the resolution's text (issue 24): it says so.
    expect(binhLieu.text.replace(/\s+/g, ' ')).toContain('Trước ngày 1/7/2025, đất ở đây thuộc huyện Bình Liêu (cũ) (chưa đối chiếu).');
    // And an old district did not become the communes its land went to.
    expect(readPage(routes.place('huyen-binh-lieu')).querySelector('.notice')!.text).toContain('Nay thuộc:');
  });

  it('process cover images into modern formats with explicit sizes', () => {
    const withCover = entries.filter((e) => e.collection === 'lessons' && e.parsed['cover']);
    expect(withCover.length).toBeGreaterThanOrEqual(3);
    for (const entry of withCover) {
      const html = readPage(routes.lesson(entry.id));
      const img = html.querySelector('picture img');
      expect(img?.getAttribute('alt'), entry.id).toBeTruthy();
      expect(img?.getAttribute('width')).toMatch(/^\d+$/);
      expect(html.querySelectorAll('picture source').map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    }
  });
});
