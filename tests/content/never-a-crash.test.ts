// Issue 23, item 6: no input crashes or stalls the check; YAML means the same to check and build.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it, vi } from 'vitest';
import { contentFolder } from '../../src/lib/article/loader.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { parseYamlWithLines } from '../../src/lib/reading/yaml.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { parseIndicatorsYaml, parseVocabularyYaml } from '../../src/schemas/collections.ts';

// A bug in the renderer for one body ("BOOM"): the check must report it for that file only.
vi.mock('../../src/lib/article/render.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/article/render.ts')>();
  return {
    ...original,
    renderArticle: (body: string, options?: Parameters<typeof original.renderArticle>[1]) => {
      if (body.includes('BOOM')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return original.renderArticle(body, options);
    },
  };
});

const FIXTURES = path.resolve('tests/fixtures');
const NOW = new Date('2026-11-25T12:00:00Z');

function contentWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-crash-'));
  cpSync(path.join(FIXTURES, 'base'), path.join(root, 'content'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'content', name), text);
  return root;
}

const lesson = readFileSync(path.join(FIXTURES, 'base/lessons/bai-mau.mdx'), 'utf8');
const ALIAS_BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';

describe('never a crash', () => {
  it('turns an exception inside the check into a problem line of that file, and goes on with the others', async () => {
    const root = contentWith({
      'lessons/bai-loi.mdx': lesson.replace('## Cần chuẩn bị', '## Cần chuẩn bị BOOM'),
      'lessons/bai-khac.mdx': lesson.replace('[]', '[khong-co-xa-nay]'),
    });
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^content\/lessons\/bai-loi\.mdx — \(tệp\) — không kiểm tra được tệp này \(TypeError: Cannot read properties.*\) — .+/));
    // The other file is still checked.
    expect(lines).toContainEqual(expect.stringMatching(/^content\/lessons\/bai-khac\.mdx:\d+ — places\[0\] — không có "khong-co-xa-nay"/));
  });

  it('reads __proto__ and constructor as plain keys: refused by the schema, nothing polluted', async () => {
    const root = contentWith({
      'lessons/bai-proto.mdx': lesson.replace('places: []', 'places: []\n__proto__:\n  polluted: true\nconstructor: 1\ntoString: x'),
    });
    const lines = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    for (const key of ['__proto__', 'constructor', 'toString'])
      expect(
        lines.some((line) => line.includes(`— ${key} — trường "${key}" không được dùng`)),
        lines.join('\n'),
      ).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('one YAML reading for check and build', () => {
  it('refuses custom tags and alias bombs in the check, with the line', () => {
    expect(parseYamlWithLines('a: 1\nb: !!js/function "function () {}"').errors).toEqual([{ line: 2, message: expect.stringContaining('"!!js/function" không được dùng'), fix: 'Xoá "!!js/function" và viết giá trị bình thường.' }]);
    expect(parseYamlWithLines('a: !!binary aGVsbG8=').errors[0]?.message).toContain('"!!binary"');
    expect(parseYamlWithLines(ALIAS_BOMB).errors[0]?.message).toContain('bí danh YAML');
    expect(parseYamlWithLines('a: !!str 1\nb: &x 2\nc: *x').data).toEqual({ a: '1', b: 2, c: 2 });
    // Nesting the parser would recurse into (100,000 "[" took it 4 s to overflow its stack): refused before parsing.
    expect(parseYamlWithLines(`a: 1\nb: ${'['.repeat(100_000)}`).errors).toEqual([{ line: 2, message: 'ngoặc [ ] hoặc { } lồng nhau quá 20 tầng', fix: expect.any(String) }]);
  });

  it('and the build refuses the same, naming the file and line, in every loader', async () => {
    expect(() => parseVocabularyYaml('thanh-toan:\n  label: !!js/function "x"')).toThrow(/:2 — \(tệp\) — lỗi cú pháp YAML: thẻ YAML "!!js\/function"/);
    expect(() => parseIndicatorsYaml(ALIAS_BOMB)).toThrow(/content\/indicators\.yaml:1 — \(tệp\) — lỗi cú pháp YAML: bí danh YAML/);
    // Dates stay as written, as the check reads them (YAML 1.1 would make a Date of 2025-02-30).
    expect(parseIndicatorsYaml('- place: a\n  metric: b\n  date: 2025-02-30\n  value: 1')).toEqual({ 'a--b--2025-02-30': { place: 'a', metric: 'b', date: '2025-02-30', value: 1 } });

    const root = contentWith({ 'places/xa-bom.yaml': ALIAS_BOMB, 'glossary/the.md': '---\nterm: !!js/function "x"\nsummary: Mục có thẻ YAML lạ.\n---\n\nChữ.\n' });
    const context = (collection: string) =>
      ({
        collection,
        store: { get: () => undefined, set: () => true, keys: () => [], delete: () => true },
        config: { root: pathToFileURL(`${root}/`) },
        parseData: async ({ data }: { data: unknown }) => data,
        generateDigest: (value: string) => String(value.length),
        logger: { info: () => undefined, error: () => undefined, warn: () => undefined },
      }) as unknown as LoaderContext;
    await expect(contentFolder('places').load(context('places'))).rejects.toThrow(/content\/places\/xa-bom\.yaml:1 — \(tệp\) — lỗi cú pháp YAML: bí danh YAML/);
    await expect(contentFolder('glossary').load(context('glossary'))).rejects.toThrow(/content\/glossary\/the\.md:2 — \(tệp\) — lỗi cú pháp YAML: thẻ YAML "!!js\/function"/);
    const checked = (await validateContent(root, undefined, NOW)).problems.map(formatProblem);
    expect(checked).toContainEqual(expect.stringMatching(/^content\/places\/xa-bom\.yaml:1 — \(tệp\) — lỗi cú pháp YAML: bí danh YAML/));
    expect(checked).toContainEqual(expect.stringMatching(/^content\/glossary\/the\.md:2 — \(tệp\) — lỗi cú pháp YAML: thẻ YAML "!!js\/function"/));
  });
});
