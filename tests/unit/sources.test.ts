import { describe, expect, it } from 'vitest';
import { publishersInWords, sourcesKey, sourceViews } from '../../src/lib/sources.ts';

const cite = (publisher: string, published?: string) => ({ name: `Bài của ${publisher}`, publisher, url: 'https://example.gov.vn/bai', read: new Date('2026-12-07'), ...(published ? { published: new Date(published) } : {}) });

describe('sources in words (the loudspeaker script) and in the "Nguồn" list', () => {
  it('names each publisher once, joined the Vietnamese way', () => {
    expect(publishersInWords([cite('Bộ Công an')])).toBe('Bộ Công an');
    expect(publishersInWords([cite('Bộ Công an'), cite('Báo Quảng Ninh'), cite('Bộ Công an')])).toBe('Bộ Công an và Báo Quảng Ninh');
    expect(publishersInWords([])).toBeUndefined();
  });

  it('names at most two of a long list aloud and points to the page for the rest', () => {
    const many = ['Cục An toàn thông tin', 'ICTVietnam', 'VTC News', 'Công an tỉnh Lào Cai'].map((p) => cite(p));
    expect(publishersInWords(many)).toBe('Cục An toàn thông tin, ICTVietnam và các nguồn khác ghi ở cuối bài trên trang Bản Số');
  });

  it('dates a source by its publication, else by the day it was read', () => {
    expect(sourceViews([cite('Bộ Công an', '2025-06-16'), cite('VTV')]).map((s) => s.date)).toEqual(['16/6/2025', 'đọc ngày 7/12/2026']);
  });

  it('keeps a press article without an address as such, with the reason (issue 24)', () => {
    const seed = { name: 'Bài về chuyển đổi số', publisher: 'Báo Quảng Ninh', noAddress: 'Chưa tìm được địa chỉ bài.', read: new Date('2026-12-07') };
    const [view] = sourceViews([seed]);
    expect(view).toEqual({ name: 'Bài về chuyển đổi số', publisher: 'Báo Quảng Ninh', url: undefined, noAddress: 'Chưa tìm được địa chỉ bài.', date: 'đọc ngày 7/12/2026' });
  });

  it('tells lists of sources apart by address, or by publisher and name when there is none', () => {
    const a = sourceViews([cite('Bộ Công an')]);
    const seed = sourceViews([{ name: 'Bài', publisher: 'Báo Quảng Ninh', noAddress: 'Chưa tìm được.', read: new Date('2026-12-07') }]);
    expect(sourcesKey(a)).toBe(sourcesKey(sourceViews([cite('Bộ Công an', '2025-01-01')])));
    expect(sourcesKey(a)).not.toBe(sourcesKey(seed));
    expect(sourcesKey([...a, ...seed])).not.toBe(sourcesKey(a));
  });
});
