import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageCount } from '../../src/lib/paginate.ts';
import { absoluteUrl, editUrl, routes } from '../../src/lib/routes.ts';
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
