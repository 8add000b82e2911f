/**
 * Rules for lessons in other languages (content/translations/<lesson>.<lang>.mdx): the file name
 * says which lesson and language, and a translation older than its lesson is flagged (a
 * warning: the translated page says so too, it is not wrong to publish it).
 */
import path from 'node:path';
import { isoDate } from '../dates.ts';
import type { ValidEntry } from './integrity.ts';
import type { Problem } from '../problems.ts';

/** "cai-dat-vneid.tyz.mdx": the file name a translation must have. */
export function translationFileName(lesson: string, lang: string): string {
  return `${lesson}.${lang}.mdx`;
}

/** Whether the Vietnamese lesson was updated after the translation was made. */
export function isStale(lessonUpdated: Date, translated: Date): boolean {
  return lessonUpdated.getTime() > translated.getTime();
}

export function checkTranslations(entries: readonly ValidEntry[]): { problems: Problem[]; warnings: Problem[] } {
  const lessons = new Map(entries.filter((entry) => entry.collection === 'lessons').map((entry) => [entry.id, entry]));
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'translations') continue;
    const lesson = (entry.parsed['lesson'] as { id: string }).id;
    const lang = String(entry.parsed['lang']);
    const expected = translationFileName(lesson, lang);
    if (path.basename(entry.file) !== expected) {
      problems.push({
        file: entry.file,
        line: entry.lineOf(['lesson']),
        field: '(tệp)',
        message: `tên tệp không khớp với lesson "${lesson}" và lang "${lang}"`,
        fix: `Đổi tên tệp thành content/translations/${expected} (tên bài, dấu chấm, mã ngôn ngữ).`,
      });
    }
    const original = lessons.get(lesson);
    const updated = original?.parsed['updated'];
    const translated = entry.parsed['translated'];
    if (updated instanceof Date && translated instanceof Date && isStale(updated, translated)) {
      warnings.push({
        file: entry.file,
        line: entry.lineOf(['translated']),
        field: 'translated',
        message: `bài tiếng Việt (${original?.file}) đã sửa ngày ${isoDate(updated)}, sau ngày dịch ${isoDate(translated)}`,
        fix: 'Nhờ người dịch xem phần mới của bài tiếng Việt, sửa bản dịch, rồi ghi ngày dịch mới ở translated.',
      });
    }
  }
  return { problems, warnings };
}
