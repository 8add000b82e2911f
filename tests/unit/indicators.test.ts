import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, latestByMetric, sharedDateAndSource } from '../../src/lib/indicators.ts';

describe('indicator formatting', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatNumber(24000)).toBe('24.000');
    expect(formatNumber(51.3)).toBe('51,3');
  });

  it('adds unit and qualifier', () => {
    expect(formatValue(75, 'percent', 'hơn')).toBe('hơn 75%');
    expect(formatValue(24, 'billion-vnd', 'hơn')).toBe('hơn 24 tỷ đồng');
    expect(formatValue(86, 'count')).toBe('86');
  });

  it('keeps the latest figure of each metric', () => {
    const rows = [
      { metric: 'a', date: new Date('2025-01-01'), value: 1 },
      { metric: 'a', date: new Date('2026-01-01'), value: 2 },
      { metric: 'b', date: new Date('2025-01-01'), value: 3 },
    ];
    expect(latestByMetric(rows).map((row) => row.value)).toEqual([2, 3]);
  });
});

describe('sharedDateAndSource', () => {
  it('says the date and source once when every row shares them', () => {
    const row = { dateText: '1/7/2025', source: { name: 'Báo Quảng Ninh' } };
    expect(sharedDateAndSource([row, { ...row }])).toEqual({ dateText: '1/7/2025', source: 'Báo Quảng Ninh' });
    expect(sharedDateAndSource([row, { ...row, dateText: '2/7/2025' }])).toBeUndefined();
    expect(sharedDateAndSource([])).toBeUndefined();
  });
});
