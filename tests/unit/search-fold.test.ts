import { describe, expect, it } from 'vitest';
import { foldD, normaliseQuery } from '../../src/lib/search/fold.ts';

describe('search text folding', () => {
  it('folds only đ and Đ, keeping the other marks for Pagefind', () => {
    expect(foldD('Đại Dực, tiền điện')).toBe('Dại Dực, tiền diện');
  });

  it.each([
    ['dai duc', 'dai duc'],
    ['Đại Dực', 'dại dực'],
    ['VNEID', 'vneid'],
    ['cài   vneid ', 'cài vneid'],
    ['THANH TOÁN TIỀN ĐIỆN', 'thanh toán tiền diện'],
  ])('normalises the query %j to %j', (query, expected) => {
    expect(normaliseQuery(query)).toBe(expected);
  });

  it('turns a decomposed (NFD) query into the same query as NFC', () => {
    const nfc = 'thanh toán tiền điện';
    expect(normaliseQuery(nfc.normalize('NFD'))).toBe(normaliseQuery(nfc));
  });
});
