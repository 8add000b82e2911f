// Issue 25, item 3: a task lesson (one with <Steps>) without its "Khi gặp lỗi" box warns the editor,
// with the file, the line of its steps and what to do, and never stops the build.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const BASE = path.resolve('tests/fixtures/base');
const SAMPLE = readFileSync(path.join(BASE, 'lessons/bai-mau.mdx'), 'utf8');
const WITHOUT_BOX = SAMPLE.replace(/<WhenStuck>[\s\S]*?<\/WhenStuck>\n\n/, '');

function contentWith(lessons: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-when-stuck-'));
  cpSync(BASE, path.join(root, 'content'), { recursive: true });
  for (const [name, text] of Object.entries(lessons)) writeFileSync(path.join(root, 'content/lessons', name), text);
  return root;
}

describe('"Khi gặp lỗi" on every task lesson', () => {
  it('warns, at the line of the steps, when a lesson with <Steps> has no <WhenStuck>; the build goes on', async () => {
    expect(WITHOUT_BOX).not.toContain('WhenStuck');
    const result = await validateContent(contentWith({ 'chua-co-khung.mdx': WITHOUT_BOX }), undefined, NOW);
    const line = WITHOUT_BOX.split('\n').indexOf('<Steps>') + 1;
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      `content/lessons/chua-co-khung.mdx:${line} — nội dung — bài có các bước (<Steps>) nhưng chưa có khung "Khi gặp lỗi" (<WhenStuck>) — Sau các bước, thêm <WhenStuck> với các lỗi bà con hay gặp, mỗi lỗi một dòng "- **Lỗi gặp phải:** cách làm", viết từ các nguồn trong "sources:" (xem CONTRIBUTING.md, mục 6). Nguồn không nói thì chưa thêm.`,
    ]);
  });

  it('is explained in CONTRIBUTING.md with the warning quoted word for word', () => {
    const doc = readFileSync('CONTRIBUTING.md', 'utf8');
    expect(doc).toContain('**`<WhenStuck>`** — khung **"Khi gặp lỗi"**');
    expect(doc).toContain(
      '— nội dung — bài có các bước (<Steps>) nhưng chưa có khung "Khi gặp lỗi" (<WhenStuck>) — Sau các bước, thêm <WhenStuck> với các lỗi bà con hay gặp, mỗi lỗi một dòng "- **Lỗi gặp phải:** cách làm", viết từ các nguồn trong "sources:" (xem CONTRIBUTING.md, mục 6). Nguồn không nói thì chưa thêm.',
    );
  });

  it('says nothing for a lesson with its box, nor for one without steps (not a task)', async () => {
    const noSteps = WITHOUT_BOX.replace(/<Steps>[\s\S]*?<\/Steps>\n\n/, '- Đến công an xã, mang theo căn cước.\n\n');
    expect(noSteps).not.toContain('<Steps>');
    const result = await validateContent(contentWith({ 'khong-co-buoc.mdx': noSteps }), undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
