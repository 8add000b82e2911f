/**
 * Is a lesson still checked? (issue 24). `reviewed:` is the day someone last followed the steps
 * against the real app or office. Procedures change (three times in 2025), so:
 * - older than REVIEW_DUE_MONTHS at the build's date: `npm run check` warns the editor (never
 *   fails: a date passing must not break a build) and the print centre lists it for review;
 * - older than READER_NOTICE_MONTHS: the lesson page tells readers;
 * - after today: refused (a check cannot be written down before it happens).
 *
 * "The build's date" is SOURCE_DATE_EPOCH when set (reproducible builds), otherwise the time
 * given (now). "Today" for the future check is the real day, as for every other date.
 */
import { formatDate, isoDate, todayInVietnam } from '../dates.ts';
import { sourceDateEpoch } from '../site.ts';
import type { Problem } from '../problems.ts';

export const REVIEW_DUE_MONTHS = 6;
export const READER_NOTICE_MONTHS = 12;

/** The same calendar day `months` later (the last day of the month when it has no such day), UTC. */
export function addMonths(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), last)));
}

/** The day content is judged "as of": SOURCE_DATE_EPOCH's day when set, else `now`'s, in Vietnam. */
export function reviewAsOf(now: Date = new Date(), env: Record<string, string | undefined> = process.env): Date {
  const epoch = sourceDateEpoch(env);
  return todayInVietnam(epoch !== undefined ? new Date(epoch * 1000) : now);
}

/** Was `reviewed` more than `months` months before `asOf` (a day)? */
export function olderThan(reviewed: Date, months: number, asOf: Date): boolean {
  return addMonths(reviewed, months) < asOf;
}

export interface ReviewStatus {
  /** Editors should follow the steps again (more than 6 months). */
  due: boolean;
  /** Readers are told (more than 12 months). */
  notice: boolean;
}

export function reviewStatus(reviewed: Date | undefined, asOf: Date): ReviewStatus {
  if (!reviewed) return { due: false, notice: false };
  return { due: olderThan(reviewed, REVIEW_DUE_MONTHS, asOf), notice: olderThan(reviewed, READER_NOTICE_MONTHS, asOf) };
}

/** Lessons due for review, oldest check first (ties by title, so the order is reproducible). */
export function dueForReview<T extends { reviewed?: Date | undefined; title: string }>(lessons: readonly T[], asOf: Date): Array<T & { reviewed: Date }> {
  return lessons.filter((lesson): lesson is T & { reviewed: Date } => reviewStatus(lesson.reviewed, asOf).due).sort((a, b) => a.reviewed.getTime() - b.reviewed.getTime() || a.title.localeCompare(b.title, 'vi'));
}

/** What the check needs of a parsed entry (src/lib/content/integrity.ts's ValidEntry fits). */
export interface ReviewedEntry {
  collection: string;
  file: string;
  parsed: Record<string, unknown>;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** The example address of the `npm run new` lesson template (scripts/templates/lesson.mdx): not a source yet. */
export const TEMPLATE_SOURCE_URL = 'https://example.org/thay-bang-dia-chi-trang-nguon';

/**
 * Problems (reviewed in the future) and warnings (review due; a source still the template's
 * example address) for lessons. `now` is the real time; SOURCE_DATE_EPOCH, when set, dates
 * the "older than 6 months" warning.
 */
export function checkReviews(entries: readonly ReviewedEntry[], now: Date = new Date(), env: Record<string, string | undefined> = process.env): { problems: Problem[]; warnings: Problem[] } {
  const today = todayInVietnam(now);
  const asOf = reviewAsOf(now, env);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'lessons') continue;
    const reviewed = entry.parsed['reviewed'];
    if (reviewed instanceof Date) {
      const line = entry.lineOf(['reviewed']);
      if (reviewed > today) {
        problems.push({
          file: entry.file,
          line,
          field: 'reviewed',
          message: `ngày ${isoDate(reviewed)} còn ở tương lai (hôm nay là ${isoDate(today)})`,
          fix: 'Chỉ ghi ngày bạn đã thật sự làm thử lại các bước trên ứng dụng hay ở cơ quan thật, dạng NĂM-THÁNG-NGÀY.',
        });
      } else if (reviewStatus(reviewed, asOf).due) {
        warnings.push({
          file: entry.file,
          line,
          field: 'reviewed',
          message: `bài chưa được kiểm tra lại từ ${formatDate(reviewed)}, đã hơn ${REVIEW_DUE_MONTHS} tháng (tính đến ${formatDate(asOf)})`,
          fix: 'Làm thử lại từng bước trên ứng dụng hay ở cơ quan thật, đọc lại các nguồn, sửa bài nếu cần, rồi ghi ngày hôm đó vào "reviewed:".',
        });
      }
    }
    const sources = entry.parsed['sources'];
    if (Array.isArray(sources)) {
      sources.forEach((source: { url?: unknown }, index) => {
        if (typeof source?.url === 'string' && source.url.replace(/\/$/, '') === TEMPLATE_SOURCE_URL) {
          warnings.push({
            file: entry.file,
            line: entry.lineOf(['sources', index, 'url']),
            field: `sources[${index}].url`,
            message: `"${source.url}" là địa chỉ mẫu, chưa phải nguồn thật`,
            fix: 'Dán địa chỉ trang hay văn bản chính thức bạn đã đọc (bắt đầu bằng https://), và sửa tên, nơi đăng, ngày đọc cho đúng.',
          });
        }
      });
    }
  }
  return { problems, warnings };
}
