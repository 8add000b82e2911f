/**
 * Scripts read by ear (issue 27): the loudspeaker script of a lesson reads its summary, key
 * points and leaflet tip, and a campaign's script its announcements. src/lib/print/for-the-ear.ts
 * leaves out a part that only names a menu; a menu name it cannot leave out would be read to a
 * listener who has no screen to find it on. That is a warning: the leaflet may still want it.
 */
import { sentences } from '../print/broadcast.ts';
import { forTheEar } from '../print/for-the-ear.ts';
import type { Problem } from '../problems.ts';

/** What the rule needs of an entry (src/lib/content/integrity.ts's ValidEntry fits). */
export interface SpokenEntry {
  collection: string;
  file: string;
  parsed: Record<string, unknown>;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** The texts a script reads aloud, with their field paths. */
function readAloud(entry: SpokenEntry): Array<{ path: PropertyKey[]; text: string }> {
  const data = entry.parsed;
  if (entry.collection === 'lessons') {
    // A lesson with its own script text (broadcast.text) is read as its editor wrote it.
    if ((data['broadcast'] as { text?: string } | undefined)?.text) return [];
    const points = (data['keyPoints'] as string[] | undefined) ?? [];
    return [{ path: ['summary'], text: String(data['summary'] ?? '') }, ...points.map((text, index) => ({ path: ['keyPoints', index], text })), { path: ['leafletTip'], text: String(data['leafletTip'] ?? '') }];
  }
  if (entry.collection === 'campaigns') {
    const announcements = (data['announcements'] as Array<{ text: string }> | undefined) ?? [];
    return announcements.map((announcement, index) => ({ path: ['announcements', index, 'text'], text: announcement.text }));
  }
  return [];
}

/** A warning for each menu name a script would read without what it does. */
export function checkSpokenMenus(entries: readonly SpokenEntry[]): Problem[] {
  const warnings: Problem[] = [];
  for (const entry of entries) {
    for (const { path, text } of readAloud(entry)) {
      const unheard = sentences(text).flatMap((sentence) => forTheEar(sentence).unheard);
      if (unheard.length === 0) continue;
      warnings.push({
        file: entry.file,
        line: entry.lineOf(path),
        field: path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join(''),
        message: `bài phát thanh đọc tên ${unheard.map((name) => `"${name}"`).join(', ')} mà người nghe qua loa không làm theo được`,
        fix: 'Nói mục đó để làm gì ("vào mục … để …"), hoặc tách tên mục thành một vế riêng sau dấu phẩy ("…, mục …"): bài phát thanh bỏ vế đó, tờ rơi vẫn in đủ.',
      });
    }
  }
  return warnings;
}
