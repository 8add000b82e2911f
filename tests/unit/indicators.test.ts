import { describe, expect, it } from 'vitest';
import { firstIfAllSame, formatNumber, formatValue, headlineRows, latestByMetric, pickSeriesMetric, placesPerMetric, sharedDateAndSource } from '../../src/lib/places/indicators.ts';

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

describe('firstIfAllSame', () => {
  it('gives the row whose sources every figure shares, so "Nguồn" is said once (issue 24)', () => {
    const rows = [
      { key: 'bao-qn', n: 1 },
      { key: 'bao-qn', n: 2 },
    ];
    expect(firstIfAllSame(rows, (row) => row.key)).toEqual({ key: 'bao-qn', n: 1 });
    expect(firstIfAllSame([...rows, { key: 'ubnd', n: 3 }], (row) => row.key)).toBeUndefined();
    expect(firstIfAllSame([], (row: { key: string }) => row.key)).toBeUndefined();
  });
});

describe('choosing figures for charts and the overview', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const rows = [
    { metric: 'thue-bao', place: 'a', date: d('2025-06-30') },
    { metric: 'to', place: 'a', date: d('2025-06-30') },
    { metric: 'to', place: 'b', date: d('2025-06-30') },
    { metric: 'vneid', place: 'a', date: d('2024-01-01') },
    { metric: 'vneid', place: 'a', date: d('2025-01-01') },
  ];
  const order = ['thue-bao', 'vneid', 'to'];
  const shared = placesPerMetric(rows);

  it('counts the places reporting each metric', () => {
    expect(Object.fromEntries(shared)).toEqual({ 'thue-bao': 1, to: 2, vneid: 1 });
  });

  it('follows the metric with the most dated figures over time, else one other places share', () => {
    expect(
      pickSeriesMetric(
        rows.filter((r) => r.place === 'a'),
        shared,
        order,
      ),
    ).toBe('vneid');
    const onePointEach = rows.filter((r) => r.place === 'a' && r.metric !== 'vneid');
    expect(pickSeriesMetric(onePointEach, shared, order)).toBe('to');
    expect(pickSeriesMetric([], shared, order)).toBeUndefined();
  });

  it('puts comparable metrics first among headline figures, latest figure only', () => {
    const headline = headlineRows(
      rows.filter((r) => r.place === 'a'),
      shared,
      order,
      2,
    );
    expect(headline.map((r) => r.metric)).toEqual(['to', 'thue-bao']);
    expect(
      headlineRows(
        rows.filter((r) => r.place === 'a'),
        shared,
        order,
      ).find((r) => r.metric === 'vneid')?.date,
    ).toEqual(d('2025-01-01'));
  });
});
