import { describe, expect, it } from 'vitest';
import { countSyllables, plainTextFromMarkdown, readingMinutes, SYLLABLES_PER_MINUTE } from '../../src/lib/article/reading-time.ts';

describe('reading time', () => {
  it('counts Vietnamese syllables, not punctuation', () => {
    expect(countSyllables('Bà con mở ứng dụng — rồi chọn "Quét mã".')).toBe(9);
  });

  it('never says less than one minute', () => {
    expect(readingMinutes('Ngắn thôi.')).toBe(1);
  });

  it('rounds to whole minutes at the stated pace', () => {
    const text = Array.from({ length: SYLLABLES_PER_MINUTE * 3 }, () => 'chữ').join(' ');
    expect(readingMinutes(text)).toBe(3);
    expect(readingMinutes(text, SYLLABLES_PER_MINUTE * 3)).toBe(1);
  });

  it('ignores MDX tags, link targets and list markers', () => {
    const markdown = '<Steps>\n\n1. Mở [ứng dụng](/bai-hoc/x/) ngay\n- **Chọn** mục\n\n</Steps>\n![ảnh](../images/a.png)';
    expect(countSyllables(plainTextFromMarkdown(markdown))).toBe(6);
  });
});
