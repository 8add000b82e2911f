// Issue 24: a lesson whose check has aged warns the editor and never stops the build; one dated
// in the future is refused (tests/fixtures/review/, tests/fixtures/invalid/lessons--reviewed--future.mdx).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const FIXTURES = path.resolve('tests/fixtures');
const NOW = new Date('2026-11-25T12:00:00Z');

function contentWith(...folders: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-review-'));
  for (const folder of folders) cpSync(path.join(FIXTURES, folder), path.join(root, 'content'), { recursive: true, filter: (source) => !source.endsWith('README.md') });
  return root;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('lessons due for review', () => {
  it('seven and thirteen months before SOURCE_DATE_EPOCH: warned, with file, line and what to do, and never an error', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764633600');
    const result = await validateContent(contentWith('base', 'review'), undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'content/lessons/kiem-tra-13-thang.mdx:15 — reviewed — bài chưa được kiểm tra lại từ 2/11/2024, đã hơn 6 tháng (tính đến 2/12/2025) — Làm thử lại từng bước trên ứng dụng hay ở cơ quan thật, đọc lại các nguồn, sửa bài nếu cần, rồi ghi ngày hôm đó vào "reviewed:".',
      'content/lessons/kiem-tra-7-thang.mdx:15 — reviewed — bài chưa được kiểm tra lại từ 2/5/2025, đã hơn 6 tháng (tính đến 2/12/2025) — Làm thử lại từng bước trên ứng dụng hay ở cơ quan thật, đọc lại các nguồn, sửa bài nếu cần, rồi ghi ngày hôm đó vào "reviewed:".',
    ]);
  });

  it('without SOURCE_DATE_EPOCH, the check dates them from now', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    const result = await validateContent(contentWith('base', 'review'), undefined, new Date('2025-06-01T12:00:00Z'));
    expect(result.warnings.map((w) => w.file)).toEqual(['content/lessons/kiem-tra-13-thang.mdx']);
  });

  it('a check written down before it happens is refused', async () => {
    const root = contentWith('base');
    cpSync(path.join(FIXTURES, 'invalid/lessons--reviewed--future.mdx'), path.join(root, 'content/lessons/tuong-lai.mdx'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toEqual(['content/lessons/tuong-lai.mdx:15 — reviewed — ngày 2027-01-15 còn ở tương lai (hôm nay là 2026-11-25) — Chỉ ghi ngày bạn đã thật sự làm thử lại các bước trên ứng dụng hay ở cơ quan thật, dạng NĂM-THÁNG-NGÀY.']);
  });

  it('a source at an http:// address is refused, with what to do', async () => {
    const root = contentWith('base');
    cpSync(path.join(FIXTURES, 'invalid/lessons--sources--http-address.mdx'), path.join(root, 'content/lessons/http.mdx'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toEqual([
      'content/lessons/http.mdx:19 — sources[0].url — đường dẫn bắt đầu bằng http://, không an toàn — Mở trang nguồn, dùng địa chỉ bắt đầu bằng https:// (hầu hết trang chính thức đều có); không có bản https thì chọn nguồn khác.',
    ]);
  });
});
