import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageCount } from '../../src/lib/delivery/paginate.ts';
import { absoluteUrl, editUrl, parsePath, routes } from '../../src/lib/routes.ts';
import { pageBudget, pageType, READING_PAGE_BUDGET } from '../../src/lib/delivery/budgets.ts';
import { buildDate, repoUrl, siteUrl } from '../../src/lib/site.ts';

describe('routes', () => {
  it('builds the Vietnamese ASCII paths of DESIGN.md, always with a trailing slash', () => {
    expect(routes.lesson('cai-vneid')).toBe('/bai-hoc/cai-vneid/');
    expect(routes.leaflet('cai-vneid')).toBe('/bai-hoc/cai-vneid/to-roi/');
    expect(routes.broadcast('cai-vneid')).toBe('/bai-hoc/cai-vneid/phat-thanh/');
    expect(routes.place('xa-dai-duc')).toBe('/dia-phuong/xa-dai-duc/');
    expect(routes.meetingPack('vneid')).toBe('/chien-dich/vneid/hop-thon/');
    expect(routes.newsList(1)).toBe('/tin-tuc/');
    expect(routes.newsList(2)).toBe('/tin-tuc/2/');
    expect(routes.glossaryTerm('otp')).toBe('/tu-dien/#otp');
  });

  it('makes absolute URLs against the configured site', () => {
    expect(absoluteUrl('/bai-hoc/x/', 'https://example.org/')).toBe('https://example.org/bai-hoc/x/');
  });

  it('links "Sửa trang này" to the GitHub web editor', () => {
    expect(editUrl('https://github.com/o/r/', 'content/lessons/a.mdx')).toBe('https://github.com/o/r/edit/main/content/lessons/a.mdx');
  });
});

describe('site settings', () => {
  it('reads SITE_URL with a default, always ending in /', () => {
    expect(siteUrl({})).toBe('https://ban-so.example.org/');
    expect(siteUrl({ SITE_URL: 'https://banso.quangninh.gov.vn' })).toBe('https://banso.quangninh.gov.vn/');
    expect(() => siteUrl({ SITE_URL: 'not a url' })).toThrow();
  });

  it('reads REPO_URL and SOURCE_DATE_EPOCH', () => {
    expect(repoUrl({ REPO_URL: 'https://github.com/x/y/' })).toBe('https://github.com/x/y');
    expect(buildDate({ SOURCE_DATE_EPOCH: '1751328000' }).toISOString()).toBe('2025-07-01T00:00:00.000Z');
  });
});

describe('paginated lists', () => {
  it('number pages from 1, page 1 without a number', () => {
    expect(routes.topic('thanh-toan')).toBe('/chu-de/thanh-toan/');
    expect(routes.topic('thanh-toan', 2)).toBe('/chu-de/thanh-toan/2/');
    expect(routes.lessonsAz()).toBe('/tim-kiem/tu-a-den-z/');
    expect(routes.lessonsAz(3)).toBe('/tim-kiem/tu-a-den-z/3/');
    expect(routes.printTopic('y-te', 1)).toBe('/in-an/chu-de/y-te/');
    expect(routes.printTopic('y-te', 2)).toBe('/in-an/chu-de/y-te/2/');
  });

  it('count pages, never fewer than one', () => {
    expect(pageCount(0, 30)).toBe(1);
    expect(pageCount(30, 30)).toBe(1);
    expect(pageCount(31, 30)).toBe(2);
    expect(pageCount(1000, PAGE_SIZE.az)).toBe(10);
  });
});

describe('parsePath, the inverse of routes', () => {
  it('reads back every kind of page routes writes, translations included', () => {
    expect(parsePath(routes.lesson('cai-vneid'))).toEqual({ kind: 'lesson', lesson: 'cai-vneid', id: 'cai-vneid', lang: undefined });
    expect(parsePath(routes.lesson('cai-vneid/tyz'))).toEqual({ kind: 'lesson', lesson: 'cai-vneid/tyz', id: 'cai-vneid', lang: 'tyz' });
    expect(parsePath(routes.leaflet('cai-vneid/tyz'))).toEqual({ kind: 'leaflet', lesson: 'cai-vneid/tyz', id: 'cai-vneid', lang: 'tyz' });
    expect(parsePath(routes.leafletA5('x')).kind).toBe('leaflet-a5');
    expect(parsePath(routes.broadcast('x')).kind).toBe('lesson-broadcast');
    expect(parsePath(routes.meetingPack('c'))).toEqual({ kind: 'meeting-pack', id: 'c' });
    expect(parsePath(routes.campaignBroadcast('c'))).toEqual({ kind: 'campaign-broadcast', id: 'c' });
    expect(parsePath(routes.campaign('c'))).toEqual({ kind: 'campaign', id: 'c' });
    expect(parsePath(routes.news('tin-a'))).toEqual({ kind: 'news', id: 'tin-a' });
    expect(parsePath(routes.story('s'))).toEqual({ kind: 'story', id: 's' });
    expect(parsePath(routes.place('xa-a'))).toEqual({ kind: 'place', id: 'xa-a' });
    expect([routes.home(), routes.glossary(), routes.offline()].map((p) => parsePath(p).kind)).toEqual(['home', 'glossary', 'offline']);
    expect([routes.lessons(), routes.newsList(2), routes.topic('t'), routes.printCentre(), routes.search(), routes.lessonsAz(3)].map((p) => parsePath(p).kind)).toEqual(Array(6).fill('list'));
    expect([routes.leafletPdf('x'), routes.rss(), '/bai-hoc/x/khong-co/', '/chien-dich/c/x/y/'].map((p) => parsePath(p).kind)).toEqual(Array(4).fill('other'));
  });

  it("gives a translated lesson the reading-page budget, not a list page's (issue 26)", () => {
    expect(pageType(routes.lesson('cai-vneid/tyz'))).toBe('lesson');
    expect(pageBudget(routes.lesson('cai-vneid/tyz'))).toBe(READING_PAGE_BUDGET);
    expect(pageType(routes.leaflet('cai-vneid/tyz'))).toBe('print');
  });
});
