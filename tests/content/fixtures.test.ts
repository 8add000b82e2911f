import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';

const FIXTURES = path.resolve('tests/fixtures');
const NOW = new Date('2026-11-25T12:00:00Z');

/** A throw-away content/ folder: the valid base set plus the files given. */
function contentWith(files: Record<string, Buffer | string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-content-'));
  const content = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'base'), content, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(content, name), data);
  return root;
}

const IMAGE = /\.(png|jpe?g|webp|avif)$/i;

/**
 * Where a fixture named `<collection>--<field>--<problem>.<ext>` goes in content/. An image
 * fixture (e.g. a .png of garbage bytes) goes to images/; imageUser() writes the entry using it.
 */
/** Fixtures whose name is the point: they go where a hostile contributor would put them (issue 23). */
const SPECIAL_PLACES: Record<string, string> = {
  'glossary--file--readme-with-frontmatter.md': 'glossary/README.md',
  'lessons--file--hidden-copy-same-id.mdx': 'lessons/cu/.bai-mau.mdx',
};

/**
 * The line each hostile fixture of issue 23 must be reported at (file and field come from the
 * name; `null`: a problem with the whole file, which has no line).
 */
const EXPECTED_LINES: Record<string, number | null> = {
  'glossary--file--readme-with-frontmatter.md': 1,
  'lessons--file--hidden-copy-same-id.mdx': null,
  'glossary--file--fence-dashes-x-meta-refresh.md': 4,
  'glossary--file--fence-four-dashes-meta-refresh.md': 4,
  'lessons--file--fence-trailing-space-javascript-link.mdx': 14,
  'glossary--body--indented-meta-refresh.md': 6,
  'lessons--body--indented-javascript-link.mdx': 16,
  'lessons--body--entity-javascript-link.mdx': 16,
  'lessons--body--reference-image-other-host.mdx': 18,
  'lessons--body--image-alt-two-lines.mdx': 18,
  'lessons--body--image-outside-content.mdx': 16,
  'lessons--body--link-to-missing-page.mdx': 16,
  'lessons--body--long-line-8kb.mdx': 16,
  'lessons--body--long-line-100kb.mdx': 16,
  'lessons--body--deep-tips.mdx': 36,
  'lessons--body--deep-quotes.mdx': 16,
  'lessons--__proto__--special-key.mdx': 15,
  'lessons--constructor--special-key.mdx': 14,
  'lessons--bodyImages--written-by-editor.mdx': 14,
  'lessons--yaml--js-function-tag.mdx': 14,
  'places--yaml--alias-bomb.yaml': 1,
  'places--yaml--deep-brackets.yaml': 2,
};

function placeFixture(name: string): string {
  if (SPECIAL_PLACES[name]) return SPECIAL_PLACES[name];
  if (IMAGE.test(name)) return `images/${name}`;
  const collection = name.split('--')[0]!;
  const source = COLLECTIONS.find((c) => c.name === collection);
  if (!source) throw new Error(`fixture ${name}: unknown collection ${collection}`);
  return source.layout === 'file' ? source.path : `${source.path}/${name}`;
}

/** For an image fixture: the base lesson with the image as its cover (reported file, its text). */
function imageUser(name: string): { target: string; text: string } {
  const base = readFileSync(path.join(FIXTURES, 'base', 'lessons', 'bai-mau.mdx'), 'utf8');
  const text = base.replace(/^places: \[\]$/m, `places: []\ncover:\n  src: ../images/${name}\n  alt: Ảnh minh hoạ điện thoại`);
  return { target: `lessons/${name.replace(IMAGE, '')}.mdx`, text };
}

/** The field a fixture's name says must be reported. */
function expectedField(name: string): string {
  const field = name.split('--')[1]!;
  if (field === 'file' || field === 'yaml') return '(tệp)';
  if (field === 'body') return 'nội dung';
  return field;
}

describe('the base fixture set', () => {
  it('is valid, so each invalid fixture fails for its own reason only', async () => {
    const root = contentWith({});
    const result = await validateContent(root, undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
  });
});

describe('invalid fixtures', () => {
  const names = readdirSync(path.join(FIXTURES, 'invalid')).sort();
  it('cover the problems editors make most', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it.each(names)('%s is rejected with its file and field named', async (name) => {
    const root = contentWith({});
    let target = placeFixture(name);
    mkdirSync(path.dirname(path.join(root, 'content', target)), { recursive: true });
    cpSync(path.join(FIXTURES, 'invalid', name), path.join(root, 'content', target));
    if (IMAGE.test(name)) {
      const user = imageUser(name);
      writeFileSync(path.join(root, 'content', user.target), user.text);
      target = user.target;
    }
    const result = await validateContent(root, undefined, NOW);
    const file = `content/${target}`;
    const lines = result.problems.map(formatProblem);
    expect(lines.length, 'at least one problem').toBeGreaterThan(0);
    const field = expectedField(name);
    const match = result.problems.find((problem) => problem.file === file && problem.field.startsWith(field));
    expect(match, `expected a problem for ${file} — ${field}, got:\n${lines.join('\n')}`).toBeDefined();
    // Every message says what to do next, in the one format.
    if (name in EXPECTED_LINES) {
      const exact = result.problems.find((problem) => problem.file === file && problem.field.startsWith(field) && (problem.line ?? null) === EXPECTED_LINES[name]);
      expect(exact, `expected ${file}:${EXPECTED_LINES[name]} — ${field}, got:\n${lines.join('\n')}`).toBeDefined();
    }
    expect(formatProblem(match!)).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}(:\\d+)? — ${field.replace(/[.()[\]]/g, '\\$&')}.* — .+ — .+`));
  });
});

describe('valid fixtures', () => {
  it.each(readdirSync(path.join(FIXTURES, 'valid')).sort())('%s passes', async (name) => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'valid', name), path.join(root, 'content', 'lessons', name));
    const result = await validateContent(root, undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const entry = result.entries.find((e) => e.file === `content/lessons/${name}`);
    expect(entry, 'the entry is read').toBeDefined();
    expect(String(entry!.parsed['title'])).toBe(String(entry!.parsed['title']).normalize('NFC'));
  });

  it('reports decomposed (NFD) files so the build can normalise them', async () => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'valid', 'nfd-decomposed-text.mdx'), path.join(root, 'content', 'lessons', 'nfd.mdx'));
    const result = await validateContent(root, undefined, NOW);
    expect(result.notNfc).toEqual(['content/lessons/nfd.mdx']);
  });
});

describe('messages an editor can act on', () => {
  it('suggests the closest topic and lists the allowed ones', async () => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'invalid', 'lessons--topic--unknown.mdx'), path.join(root, 'content/lessons/x.mdx'));
    const [problem] = (await validateContent(root, undefined, NOW)).problems;
    expect(formatProblem(problem!)).toMatchInlineSnapshot(
      `"content/lessons/x.mdx:4 — topic — không có "thanh toán" trong chủ đề (content/topics.yaml) — Có phải bạn muốn viết "thanh-toan"? Giá trị được phép: an-toan-mang, dich-vu-cong, dinh-danh-dien-tu, ky-nang-co-ban, thanh-toan, y-te."`,
    );
  });

  it('explains a misspelt field with "did you mean"', async () => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'invalid', 'lessons--sumary--misspelt-key.mdx'), path.join(root, 'content/lessons/x.mdx'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toContain('content/lessons/x.mdx:3 — sumary — trường "sumary" không được dùng ở đây — Có phải bạn muốn viết "summary"? Sửa tên trường hoặc xoá dòng này.');
    expect(lines).toContain('content/lessons/x.mdx:1 — summary — thiếu trường bắt buộc — Thêm "summary:" với một hai câu tóm tắt (tối đa 160 ký tự).');
  });

  it("refuses the body's pictures written by hand (the build fills that field), once, and checks the rest of the file", async () => {
    const root = contentWith({});
    const fixture = readFileSync(path.join(FIXTURES, 'invalid', 'lessons--bodyImages--written-by-editor.mdx'), 'utf8');
    writeFileSync(path.join(root, 'content/lessons/x.mdx'), fixture.replace('level: co-ban', 'level: rat-kho'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toContain(
      'content/lessons/x.mdx:14 — bodyImages — trường "bodyImages" do bản dựng tự điền từ các ảnh trong bài, không viết ở phần đầu bài — Xoá trường này; ảnh trong bài viết ở phần nội dung: ![Mô tả ảnh](../images/ten-anh.jpg).',
    );
    expect(lines.filter((line) => line.includes('bodyImages'))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('content/lessons/x.mdx:5 — level'))).toBe(true);
    // A misspelling of it is an unknown field, never a "did you mean" towards it.
    writeFileSync(path.join(root, 'content/lessons/x.mdx'), fixture.replace('bodyImages:', 'bodyImage:'));
    const misspelt = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(misspelt).toEqual(['content/lessons/x.mdx:14 — bodyImage — trường "bodyImage" không được dùng ở đây — Xoá dòng này hoặc sửa tên trường (xem CONTRIBUTING.md).']);
  });

  it('reports every problem at once, not only the first', async () => {
    const root = contentWith({});
    for (const name of ['lessons--title--missing.mdx', 'lessons--level--not-allowed.mdx', 'news--date--future.mdx']) {
      cpSync(path.join(FIXTURES, 'invalid', name), path.join(root, 'content', placeFixture(name)));
    }
    const files = new Set((await validateContent(root, undefined, NOW)).problems.map((p) => p.file));
    expect(files.size).toBe(3);
  });

  it('rejects two files that would have the same address', async () => {
    const root = contentWith({});
    const lesson = readFileSyncUtf8(path.join(FIXTURES, 'valid', 'bom-at-start.mdx'));
    writeFileSync(path.join(root, 'content/lessons/Trả tiền điện.mdx'), lesson);
    writeFileSync(path.join(root, 'content/lessons/tra-tien-dien.mdx'), lesson);
    const problems = (await validateContent(root, undefined, NOW)).problems;
    expect(problems.map(formatProblem).join('\n')).toMatch(/trùng địa chỉ "tra-tien-dien"/);
  });

  it('reports a file with an extension Astro would silently skip', async () => {
    const root = contentWith({ 'lessons/bai-moi.md': '---\ntitle: x\n---\n' });
    const problems = (await validateContent(root, undefined, NOW)).problems;
    expect(problems.map(formatProblem)).toEqual(['content/lessons/bai-moi.md — (tệp) — tệp ".md" không được đọc trong thư mục lessons/ — Đổi đuôi tệp thành .mdx, hoặc đặt "_" trước tên tệp nếu là bản nháp.']);
  });

  it('refuses a figure without the article that prints it, and says what to add (issue 24)', async () => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'invalid', 'indicators--sources--missing.yaml'), path.join(root, 'content/indicators.yaml'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^content\/indicators\.yaml:2 — sources — thiếu trường bắt buộc — Thêm "sources:" với ít nhất một nguồn/)]);
  });

  it('refuses a source with neither an address nor the reason it has none', async () => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'invalid', 'indicators--sources--neither-address-nor-reason.yaml'), path.join(root, 'content/indicators.yaml'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^content\/indicators\.yaml:8 — sources\[0\]\.url — nguồn chưa có địa chỉ — Thêm "url: https:\/\/…"/)]);
  });

  it('accepts an article read without its address when it says why, and warns once per article', async () => {
    const row = (value: number) =>
      `- place: xa-tien-yen\n  metric: to-cong-nghe-so\n  value: ${value}\n  date: 2025-06-30\n  source: { name: Báo Quảng Ninh }\n  sources:\n    - name: Bài về Tổ công nghệ số\n      publisher: Báo Quảng Ninh\n      noAddress: Chưa tìm được địa chỉ bài trên trang của báo.\n      read: 2026-11-20\n`;
    const story = readFileSync(path.join(FIXTURES, 'base', 'stories', 'chuyen-mau.mdx'), 'utf8').replace(
      'source: { name: Báo Quảng Ninh }',
      'source: { name: Báo Quảng Ninh }\nsources:\n  - { name: Bài về Tổ công nghệ số, publisher: Báo Quảng Ninh, noAddress: Chưa tìm được địa chỉ bài trên trang của báo., read: 2026-11-20 }',
    );
    const root = contentWith({ 'indicators.yaml': row(85) + row(86).replace('2025-06-30', '2025-05-31'), 'stories/chuyen-mau.mdx': story });
    const result = await validateContent(root, undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const warnings = result.warnings.filter((w) => w.field.endsWith('noAddress')).map(formatProblem);
    // One line for the one article to look for, naming both files that cite it.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ — sources\[0\]\.noAddress — nguồn "Bài về Tổ công nghệ số" chưa có địa chỉ trên mạng/);
    expect(warnings[0]).toContain('content/indicators.yaml');
    expect(warnings[0]).toContain('content/stories/chuyen-mau.mdx');
  });

  it('refuses a quotation without the article that prints it (issue 24)', async () => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'invalid', 'stories--quotes--without-source.mdx'), path.join(root, 'content/stories/x.mdx'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^content\/stories\/x\.mdx:\d+ — quotes\[0\]\.source — lời trích chưa có nguồn — Thêm "source:" là bài in đúng lời này/)]);
  });

  it('accepts a quotation that names who said it and where it was printed', async () => {
    const story = readFileSync(path.join(FIXTURES, 'invalid', 'stories--quotes--without-source.mdx'), 'utf8').replace(
      '    role: Trưởng thôn\n',
      '    role: Trưởng thôn\n    source: { name: Họp thôn bàn chuyển đổi số, publisher: Báo Quảng Ninh, url: https://baoquangninh.vn/hop-thon, read: 2026-11-20 }\n',
    );
    const root = contentWith({ 'stories/x.mdx': story });
    expect((await validateContent(root, undefined, NOW)).problems.map(formatProblem)).toEqual([]);
  });

  it('refuses "chưa đối chiếu" on a unit that is not a successor', async () => {
    const root = contentWith({});
    cpSync(path.join(FIXTURES, 'invalid', 'places--unverifiedSuccessors--not-a-successor.yaml'), path.join(root, 'content/places/thu.yaml'));
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toEqual([
      'content/places/thu.yaml:7 — unverifiedSuccessors[0] — đơn vị "chưa đối chiếu" không có trong successors — Mỗi mã trong "unverifiedSuccessors:" phải có trong "successors:". Thêm vào successors, hoặc xoá khỏi unverifiedSuccessors.',
    ]);
  });

  it('ignores drafts whose name starts with "_"', async () => {
    const root = contentWith({ 'lessons/_nhap.mdx': 'không có frontmatter' });
    expect((await validateContent(root, undefined, NOW)).problems).toEqual([]);
  });
});

describe('the real content/', () => {
  it('passes the check', async () => {
    const result = await validateContent(process.cwd());
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.entries.filter((e) => e.collection === 'lessons').length).toBeGreaterThanOrEqual(8);
  });

  it('names its sources in every news item, story, campaign, place file and figure (issue 24)', async () => {
    const result = await validateContent(process.cwd());
    const checked = result.entries.filter((e) => ['news', 'stories', 'campaigns', 'places', 'indicators'].includes(e.collection));
    expect(checked.length).toBeGreaterThan(30);
    const without = checked.filter((e) => !Array.isArray(e.parsed['sources']) || e.parsed['sources'].length === 0).map((e) => `${e.file} (${e.id})`);
    expect(without).toEqual([]);
  });
});

function readFileSyncUtf8(file: string): string {
  return readFileSyncRaw(file).toString('utf8');
}
import { readFileSync as readFileSyncRaw } from 'node:fs';
