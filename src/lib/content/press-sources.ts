/**
 * Sources without a web address (issue 24): an indicator, news item, story, campaign or place may cite a press
 * article the project read but whose address nobody has found yet (`noAddress:` instead of
 * `url:`, src/schemas/helpers.ts `pressCitation`). Allowed, never silent: `npm run check` warns
 * once per article, naming every file that cites it, so an editor keeps looking for the address.
 */
import type { Problem } from '../problems.ts';

export interface SourcedEntry {
  collection: string;
  file: string;
  parsed: Record<string, unknown>;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export function checkSourcesWithoutAddress(entries: readonly SourcedEntry[]): Problem[] {
  // One warning per article, at its first use, naming the other files: one thing to look for.
  const firstUse = new Map<string, { warning: Problem; files: string[] }>();
  for (const entry of entries) {
    const sources = entry.parsed['sources'];
    if (!Array.isArray(sources)) continue;
    sources.forEach((source: { name?: unknown; publisher?: unknown; noAddress?: unknown }, index) => {
      if (typeof source?.noAddress !== 'string') return;
      const key = `${String(source.publisher)}\u0000${String(source.name)}`;
      const seen = firstUse.get(key);
      if (seen) {
        if (!seen.files.includes(entry.file)) seen.files.push(entry.file);
        return;
      }
      firstUse.set(key, {
        files: [entry.file],
        warning: {
          file: entry.file,
          line: entry.lineOf(['sources', index, 'noAddress']),
          field: `sources[${index}].noAddress`,
          message: `nguồn "${String(source.name)}" chưa có địa chỉ trên mạng, bạn đọc không tự kiểm tra được`,
          fix: 'Tìm bài trên trang của nơi đăng (tên bài, tác giả, một câu trong bài). Thấy thì thêm "url: https://…" và xoá "noAddress:"',
        },
      });
    });
  }
  return [...firstUse.values()].map(({ warning, files }) => ({
    ...warning,
    fix: `${warning.fix}${files.length > 1 ? `, ở tệp này và ở ${files.slice(1).join(', ')}` : ''}.`,
  }));
}
