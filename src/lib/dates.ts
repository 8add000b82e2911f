/**
 * Dates are calendar days in Vietnam (UTC+7). Content stores them as YYYY-MM-DD, which
 * zod/YAML turn into a Date at UTC midnight; we format in UTC so the day never shifts.
 */

const VI_DATE = new Intl.DateTimeFormat('vi-VN', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "5/7/2025" → shown as "5/7/2025" (day/month/year, as Vietnamese readers write it). */
export function formatDate(date: Date): string {
  return VI_DATE.format(date);
}

/** "ngày 5 tháng 7 năm 2025" for running text. */
export function formatDateLong(date: Date): string {
  return `ngày ${date.getUTCDate()} tháng ${date.getUTCMonth() + 1} năm ${date.getUTCFullYear()}`;
}

/** Machine-readable value for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today as a UTC-midnight date in Vietnam's time zone (for "future date" checks). */
export function todayInVietnam(now: Date = new Date()): Date {
  const shifted = new Date(now.getTime() + 7 * 3600 * 1000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** Is the date inside [from, until)? Open ends count as unbounded. */
export function isWithin(date: Date, from?: Date, until?: Date): boolean {
  if (from && date < from) return false;
  if (until && date >= until) return false;
  return true;
}

/** Newest first; ties broken by title so the order is reproducible. */
export function byDateDesc<T extends { date: Date; title: string }>(a: T, b: T): number {
  return b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title, 'vi');
}
