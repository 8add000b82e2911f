import { describe, expect, it } from 'vitest';
import { byDateDesc, formatDate, formatDateLong, isoDate, isWithin, todayInVietnam } from '../../src/lib/dates.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('dates', () => {
  it('formats days as Vietnamese readers write them, without shifting the day', () => {
    expect(formatDate(day('2025-07-01'))).toBe('1/7/2025');
    expect(formatDate(day('2026-12-31'))).toBe('31/12/2026');
    expect(formatDateLong(day('2025-07-01'))).toBe('ngày 1 tháng 7 năm 2025');
    expect(isoDate(day('2025-07-01'))).toBe('2025-07-01');
  });

  it("takes today's date in Vietnam (UTC+7), not in UTC", () => {
    // 20:00 UTC on 30 June is already 1 July in Vietnam.
    expect(isoDate(todayInVietnam(new Date('2025-06-30T20:00:00Z')))).toBe('2025-07-01');
    expect(isoDate(todayInVietnam(new Date('2025-06-30T10:00:00Z')))).toBe('2025-06-30');
  });

  it('treats validity as [from, until)', () => {
    expect(isWithin(day('2025-06-30'), undefined, day('2025-07-01'))).toBe(true);
    expect(isWithin(day('2025-07-01'), undefined, day('2025-07-01'))).toBe(false);
    expect(isWithin(day('2025-07-01'), day('2025-07-01'))).toBe(true);
  });

  it('sorts newest first, ties by title', () => {
    const items = [
      { date: day('2025-01-01'), title: 'B' },
      { date: day('2025-03-01'), title: 'C' },
      { date: day('2025-01-01'), title: 'A' },
    ];
    expect(items.sort(byDateDesc).map((item) => item.title)).toEqual(['C', 'A', 'B']);
  });
});
