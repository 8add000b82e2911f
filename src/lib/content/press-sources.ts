/**
 * Sources without a web address (issue 24): an indicator, news item or story may cite a press
 * article the project read but whose address nobody has found yet (`noAddress:` instead of
 * `url:`, src/schemas/helpers.ts `pressCitation`). Allowed, never silent: `npm run check` warns
 * once per file and article, so an editor keeps looking for the address.
 */
import type { Problem } from '../problems.ts';

export interface SourcedEntry {
  collection: string;
  file: string;
  parsed: Record<string, unknown>;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export function checkSourcesWithoutAddress(entries: readonly SourcedEntry[]): Problem[] {
  const warnings: Problem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const sources = entry.parsed['sources'];
    if (!Array.isArray(sources)) continue;
    sources.forEach((source: { name?: unknown; noAddress?: unknown }, index) => {
      if (typeof source?.noAddress !== 'string') return;
      const key = `${entry.file}\u0000${String(source.name)}`;
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push({
        file: entry.file,
        line: entry.lineOf(['sources', index, 'noAddress']),
        field: `sources[${index}].noAddress`,
        message: `nguồn "${String(source.name)}" chưa có địa chỉ trên mạng, bạn đọc không tự kiểm tra được`,
        fix: 'Tìm bài trên trang của nơi đăng (tên bài, tác giả, một câu trong bài). Thấy thì thêm "url: https://…" và xoá "noAddress:".',
      });
    });
  }
  return warnings;
}
