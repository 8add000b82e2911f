// Issue 25, "one instruction everywhere", through `npm run check`: a campaign that sends residents
// elsewhere than a lesson it links warns with file, line and field; a stated variant silences it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const FIXTURES = path.resolve('tests/fixtures');
const NOW = new Date('2026-11-25T12:00:00Z');

function contentWith(campaignExtra: string, announcement: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-steps-'));
  const content = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'base'), content, { recursive: true });
  const lesson = path.join(content, 'lessons/bai-mau.mdx');
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace(/^places: \[\]$/m, 'places: []\ngoTo: { place: công an xã, for: [mức 2] }\nbring: [căn cước, điện thoại]'));
  const campaign = path.join(content, 'campaigns/chien-dich-mau.mdx');
  writeFileSync(campaign, readFileSync(campaign, 'utf8').replace(/^places: \[xa-tien-yen\]$/m, `places: [xa-tien-yen]\nannouncements:\n  - title: Mời bà con\n    text: ${announcement}${campaignExtra}`));
  return root;
}

describe('a campaign that contradicts a lesson it links', () => {
  it('warns, naming the sentence, where it sends residents and what the lesson says', async () => {
    const result = await validateContent(contentWith('', 'Kính thưa bà con. Bà con mang căn cước và điện thoại đến buổi họp thôn để đăng ký mức 2.'), undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'content/campaigns/chien-dich-mau.mdx:11 — announcements[0].text — câu "Bà con mang căn cước và điện thoại đến buổi họp thôn để đăng ký mức 2." đưa bà con đến họp thôn, nhưng bài bai-mau nói đến công an xã — Sửa câu cho khớp bài học. Nếu chiến dịch cố ý làm khác, ghi rõ ở "variants:" (lesson, goTo, bring, why) để trang, tờ in và bài phát thanh nói cùng một cách.',
    ]);
  });

  it('does not warn once the campaign states its variant', async () => {
    const variant = '\nvariants:\n  - lesson: bai-mau\n    goTo: họp thôn\n    why: Công an xã về làm ngay tại buổi họp thôn.';
    const result = await validateContent(contentWith(variant, 'Bà con mang căn cước và điện thoại đến buổi họp thôn để đăng ký mức 2.'), undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
  });

  it('refuses a variant for a lesson the campaign does not link', async () => {
    const variant = '\nvariants:\n  - lesson: bai-khac\n    goTo: họp thôn\n    why: Công an xã về làm ngay tại buổi họp thôn.';
    const result = await validateContent(contentWith(variant, 'Bà con đến công an xã để đăng ký mức 2, mang căn cước và điện thoại.'), undefined, NOW);
    expect(result.problems.map((p) => `${p.field} — ${p.message}`)).toContain('variants[0].lesson — không có "bai-khac" trong bài học (content/lessons/)');
  });
});
