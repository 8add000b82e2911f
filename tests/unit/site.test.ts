import { describe, expect, it } from 'vitest';
import { draftNotice, siteSetting, SiteUrlError, siteUrl } from '../../src/lib/site.ts';

describe('SITE_URL (issue 28): no leaflet points nowhere', () => {
  it('without SITE_URL the site is a draft at the placeholder address', () => {
    expect(siteSetting({})).toEqual({ url: 'https://ban-so.example.org/', draft: true });
    expect(siteSetting({ SITE_URL: '  ' }).draft).toBe(true);
    expect(siteSetting({ SITE_URL: 'https://ban-so.example.org' }).draft).toBe(true);
  });

  it('a real https address at the root of its domain is not a draft', () => {
    expect(siteSetting({ SITE_URL: 'https://banso.quangninh.gov.vn' })).toEqual({ url: 'https://banso.quangninh.gov.vn/', draft: false });
    expect(siteSetting({ SITE_URL: 'https://banso.quangninh.gov.vn/' }).url).toBe('https://banso.quangninh.gov.vn/');
    expect(siteUrl({ SITE_URL: 'https://ban-so.pages.dev' })).toBe('https://ban-so.pages.dev/');
  });

  it.each([
    ['http://banso.quangninh.gov.vn', /phải bắt đầu bằng https:\/\//],
    ['banso.quangninh.gov.vn', /không phải một địa chỉ trang web/],
    ['https://ban-so.github.io/ban-so/', /có phần "\/ban-so\/" sau tên miền/],
    ['https://banso.quangninh.gov.vn/?x=1', /có phần "\/\?x=1" sau tên miền/],
    ['https://banso.quangninh.gov.vn/#a', /sau tên miền/],
    ['https://user:pass@banso.quangninh.gov.vn', /tên đăng nhập/],
  ])('refuses %s, saying what is wrong and what to do', (value, reason) => {
    expect(() => siteSetting({ SITE_URL: value })).toThrow(SiteUrlError);
    expect(() => siteSetting({ SITE_URL: value })).toThrow(reason);
    expect(() => siteSetting({ SITE_URL: value })).toThrow(/^biến môi trường SITE_URL — ".*" — .* — đặt SITE_URL=https:\/\/.* docs\/deploy\.md/);
  });

  it('a draft build says so in one line; a real address says nothing', () => {
    const notice = draftNotice(siteSetting({}))!;
    expect(notice.split('\n')).toHaveLength(1);
    expect(notice).toContain('BẢN THỬ — chưa có địa chỉ trang');
    expect(notice).toContain('SITE_URL');
    expect(draftNotice(siteSetting({ SITE_URL: 'https://banso.quangninh.gov.vn' }))).toBeUndefined();
  });
});
