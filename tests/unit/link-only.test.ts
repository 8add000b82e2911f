import { describe, expect, it } from 'vitest';
import { isLinkOnly } from '../../src/lib/article/link-only.ts';

describe('isLinkOnly (list items that are a stand-alone touch target)', () => {
  it('is true for a single link, also inside one paragraph of a loose list', () => {
    expect(isLinkOnly('<a href="/bai-hoc/x/">Cài đặt VNeID</a>')).toBe(true);
    expect(isLinkOnly('\n<p><a href="/bai-hoc/x/">Cài đặt <strong>VNeID</strong></a></p>\n')).toBe(true);
  });
  it('is false for a link inside a sentence, two links, or no link', () => {
    expect(isLinkOnly('Xem <a href="/x/">bài này</a> trước.')).toBe(false);
    expect(isLinkOnly('<a href="/x/">Một</a> và <a href="/y/">hai</a>')).toBe(false);
    expect(isLinkOnly('<a href="/x/">Một</a><a href="/y/">hai</a>')).toBe(false);
    expect(isLinkOnly('Chỉ có chữ.')).toBe(false);
    expect(isLinkOnly('<p>Một</p><p><a href="/x/">hai</a></p>')).toBe(false);
  });
});
