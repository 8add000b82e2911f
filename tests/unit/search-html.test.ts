import { describe, expect, it } from 'vitest';
import { cappedWords, htmlForIndex, searchEntries, sectionRecords } from '../../src/lib/search/html.ts';

const page = `<!doctype html><html lang="vi"><body><header><p>Bản Số</p></header><main>
<div data-pagefind-body data-pagefind-meta="title[data-title]" data-title="Đại Dực, xã cũ" data-pagefind-filter="type[data-type]" data-type="Địa phương">
<span hidden data-pagefind-filter="place[data-value]" data-value="Xã Đông Ngũ"></span>
<h1>Xã Đại Dực</h1><p>Đại Dực có <strong>họp thôn</strong> và điện thoại. Họp thôn lại.</p><p data-pagefind-ignore>Bỏ qua</p><script>var x = 1</script>
</div></main></body></html>`;

describe('search index HTML', () => {
  it('indexes headings and each word once, with đ folded, leaving out the rest of the page', () => {
    const html = htmlForIndex(page)!;
    expect(html).toContain('<h1>Xã Dại Dực</h1>');
    expect(html).toContain('<p>Dại Dực có họp thôn và diện thoại lại</p>');
    expect(html).not.toContain('Bản Số');
    expect(html).not.toContain('Bỏ qua');
    expect(html).not.toContain('var x');
  });

  it('indexes the summary with a heading weight', () => {
    expect(htmlForIndex(page.replace('data-title=', 'data-summary="Xã cũ của Tiên Yên" data-title='))).toContain('<h1>Xã Dại Dực</h1><h2>Xã cũ của Tiên Yên</h2>');
  });

  it("indexes residents' search terms with a title's weight, đ folded (issue 25)", () => {
    const html = htmlForIndex(page.replace('data-title=', 'data-search-terms="đóng tiền điện; EVN" data-title='))!;
    expect(html).toContain('<h1>Xã Dại Dực</h1><p data-pagefind-weight="7">dóng tiền diện  EVN</p>');
    expect(htmlForIndex(page)).not.toContain('data-pagefind-weight');
    // The terms meta, which Pagefind matches and boosts, has đ folded too: "dong" finds "đóng".
    expect(html).toContain('data-search-terms="dóng tiền diện; EVN"');
  });

  it('keeps each word at most MAX_REPEATS times', () => {
    expect(cappedWords('Họp thôn, họp thôn! Điện thoại đó.', 1)).toEqual(['Họp', 'thôn', 'Diện', 'thoại', 'dó']);
    expect(cappedWords('a a a b', 2)).toEqual(['a', 'a', 'b']);
  });

  it('keeps meta and filter attributes with their diacritics', () => {
    const html = htmlForIndex(page)!;
    expect(html).toContain('data-title="Đại Dực, xã cũ"');
    expect(html).toContain('data-type="Địa phương"');
    expect(html).toContain('data-value="Xã Đông Ngũ"');
  });

  it('leaves pages without data-pagefind-body out (lists, print variants)', () => {
    expect(htmlForIndex('<html><body><h1>Danh sách</h1></body></html>')).toBeUndefined();
  });

  it('makes a record of each marked section, linked by its anchor', () => {
    const records = sectionRecords('<section id="otp" data-search-record data-title="Mã OTP" data-summary="Dãy số dùng một lần." data-type="Từ khó"><h2>Mã OTP</h2><p>Không đọc mã cho ai.</p></section>', '/tu-dien/');
    expect(records).toEqual([
      {
        url: '/tu-dien/#otp',
        content: 'Mã OTP. Mã OTP. Dãy số dùng một lần. Mã OTP Không dọc mã cho ai.',
        meta: { title: 'Mã OTP', summary: 'Dãy số dùng một lần.', type: 'Từ khó' },
        filters: { type: ['Từ khó'] },
      },
    ]);
  });
});

describe('searchEntries', () => {
  it('gives from one parse what htmlForIndex and sectionRecords give apart', () => {
    const html = page.replace('</main>', '<section id="otp" data-search-record data-title="Mã OTP" data-summary="Dãy số." data-type="Từ khó"><h2>Mã OTP</h2></section></main>');
    expect(searchEntries(html, '/x/')).toEqual({ html: htmlForIndex(html), records: sectionRecords(html, '/x/') });
  });
});
