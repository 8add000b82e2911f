// Issue 23: the check and the build are one reading. The check's verdict (validateContent) and
// the build's (the loader of src/lib/article/loader.ts: list, split, parse, render) are compared
// file by file, over every fixture and over hostile variants generated from real entries.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { articles, contentFolder } from '../../src/lib/article/loader.ts';
import { renderArticle } from '../../src/lib/article/render.ts';
import { bodyFacts } from '../../src/lib/article/steps.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { splitFrontmatter } from '../../src/lib/reading/source-file.ts';
import { linkRefusal } from '../../src/lib/reading/urls.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import type { CollectionName } from '../../src/schemas/helpers.ts';

const FIXTURES = path.resolve('tests/fixtures');
const NOW = new Date('2026-11-25T12:00:00Z');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-gate-'));
  roots.push(root);
  return root;
}

/** An Astro-like store and context; parseData keeps the data as the loader made it. */
function fakeContext(root: string, collection: string) {
  const entries = new Map<string, Record<string, unknown>>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Record<string, unknown>) => entries.set(String(entry['id']), entry) && true,
    keys: () => [...entries.keys()],
    delete: (id: string) => entries.delete(id),
  };
  const context = {
    collection,
    store,
    config: { root: pathToFileURL(`${root}/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (value: string) => String(value.length) + value.slice(-40),
    logger: { info: () => undefined, error: () => undefined, warn: () => undefined },
  } as unknown as LoaderContext;
  return { context, entries };
}

const FOLDERS = COLLECTIONS.filter((source) => source.layout === 'folder');

/** What the build loads: file → entry, from every folder collection's loader. */
async function buildReads(root: string): Promise<Map<string, Record<string, unknown>>> {
  const read = new Map<string, Record<string, unknown>>();
  for (const source of FOLDERS) {
    const { context, entries } = fakeContext(root, source.name);
    await contentFolder(source.name as CollectionName).load(context);
    for (const entry of entries.values()) read.set(String(entry['filePath']), entry);
  }
  return read;
}

describe('one list of files', () => {
  it('the check reads exactly the files the build loads, in the real content/', async () => {
    const checked = (await loadContent(process.cwd())).entries.filter((entry) => FOLDERS.some((f) => f.name === entry.collection)).map((entry) => entry.file);
    const built = [...(await buildReads(process.cwd())).keys()];
    expect(built.sort()).toEqual([...new Set(checked)].sort());
  });

  it('and where a contributor hides files: README.md, dot-files, drafts, symlinks, subfolders', async () => {
    const root = tempRoot();
    const content = path.join(root, 'content');
    cpSync(path.join(FIXTURES, 'base'), content, { recursive: true });
    const lesson = readFileSync(path.join(FIXTURES, 'base/lessons/bai-mau.mdx'), 'utf8');
    const term = readFileSync(path.join(FIXTURES, 'base/glossary/otp.md'), 'utf8');
    mkdirSync(path.join(content, 'lessons/cu/.an'), { recursive: true });
    mkdirSync(path.join(content, 'lessons/_nhap'), { recursive: true });
    writeFileSync(path.join(content, 'glossary/README.md'), term);
    writeFileSync(path.join(content, 'glossary/readme.md'), term);
    writeFileSync(path.join(content, 'lessons/cu/.bai-mau.mdx'), lesson);
    writeFileSync(path.join(content, 'lessons/cu/.an/bai-an.mdx'), lesson);
    writeFileSync(path.join(content, 'lessons/_nhap/bai-nhap.mdx'), lesson);
    writeFileSync(path.join(content, 'lessons/cu/bai-cu.mdx'), lesson.replace('title: Cài đặt', 'title: Bài cũ về cài đặt'));
    symlinkSync(path.join(content, 'lessons/bai-mau.mdx'), path.join(content, 'lessons/bai-lien-ket.mdx'));
    symlinkSync(path.join(content, 'glossary'), path.join(content, 'lessons/thu-muc-lien-ket'));
    writeFileSync(path.join(content, 'places/.xa-an.yaml'), readFileSync(path.join(content, 'places/xa-dai-duc.yaml')));

    const result = await validateContent(root, undefined, NOW);
    const checkedEntries = result.entries.filter((entry) => FOLDERS.some((f) => f.name === entry.collection));
    const checked = checkedEntries.map((entry) => entry.file);
    const reads = await buildReads(root);
    const built = [...reads.keys()];
    expect(built.sort()).toEqual(checked.sort());
    // Same ids (so the same addresses), and the body the check read is the body the build
    // rendered: the stored HTML, reading minutes and steps are those of the check's body.
    for (const entry of checkedEntries) {
      expect(reads.get(entry.file)?.['id'], entry.file).toBe(entry.id);
      if (entry.body === undefined) continue;
      const options = entry.collection === 'glossary' ? ({ format: 'md', images: false } as const) : {};
      const rendered = reads.get(entry.file)?.['rendered'] as { html: string; metadata: Record<string, unknown> } | undefined;
      expect(rendered?.html, entry.file).toBe(renderArticle(entry.body, options).html);
      expect(rendered?.metadata, entry.file).toMatchObject(bodyFacts(entry.body));
    }
    expect(built).toContain('content/lessons/cu/bai-cu.mdx');
    // Everything hidden is refused by the check, with the file named; nothing of it is built.
    const refused = result.problems.map(formatProblem);
    for (const file of ['lessons/cu/.bai-mau.mdx', 'lessons/cu/.an', 'lessons/bai-lien-ket.mdx', 'lessons/thu-muc-lien-ket', 'places/.xa-an.yaml', 'glossary/README.md', 'glossary/readme.md']) {
      expect(
        refused.some((line) => line.startsWith(`content/${file}`)),
        `${file} refused, got:\n${refused.join('\n')}`,
      ).toBe(true);
      expect(built.some((read) => read.startsWith(`content/${file}`))).toBe(false);
    }
    expect(refused.some((line) => line.includes('_nhap'))).toBe(false);
  });
});

/** Every Markdown/MDX file of the fixtures and of content/. */
function documents(): Array<{ name: string; text: string }> {
  const found: Array<{ name: string; text: string }> = [];
  for (const dir of [path.join(FIXTURES, 'base'), path.join(FIXTURES, 'valid'), path.join(FIXTURES, 'invalid'), path.resolve('content')]) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.mdx?$/.test(entry.name) || entry.name === 'README.md') continue;
      const file = path.join(entry.parentPath, entry.name);
      found.push({
        name: path.relative(process.cwd(), file),
        text: readFileSync(file, 'utf8')
          .replace(/^\uFEFF/, '')
          .replace(/\r\n?/g, '\n'),
      });
    }
  }
  return found;
}

/** Fence and whitespace tricks around the frontmatter of a real entry. */
function fenceVariants(text: string): string[] {
  const close = text.indexOf('\n---\n', 4);
  const head = text.slice(0, close + 1);
  const rest = text.slice(close + 5);
  return [
    `${head}--- \n${rest}`,
    `${head}----\n${rest}`,
    `${head}---x\n${rest}`,
    `${head}---\n    ${rest.trimStart()}`,
    `${head}---\n\n\n\t${rest.trimStart()}`,
    `\n${text}`,
    `${head}---\n---\ntitle: hai lần\n---\n${rest}`,
    `+++\ntitle = "toml"\n+++\n${rest}`,
    `${head.replace(/\n$/, '')}\n---`,
  ];
}

describe('one frontmatter split', () => {
  it("gives the body Astro's parseFrontmatter gives, for every fixture, every entry and their fence variants", () => {
    let compared = 0;
    for (const { name, text } of documents()) {
      for (const variant of [text, ...fenceVariants(text)]) {
        const split = splitFrontmatter(variant);
        if (split.problem || split.frontmatter === undefined) continue;
        let astro;
        try {
          astro = parseFrontmatter(variant, { frontmatter: 'remove' });
        } catch {
          continue; // js-yaml refused the YAML; ours reports it as a problem of the file
        }
        expect(split.body, name).toBe(astro.content.trim());
        expect(`---\n${split.frontmatter}`, name).toBe(`---${astro.rawFrontmatter}`);
        // bodyLine is the body's line in the file, which the renderer's lines are added to.
        if (split.body) expect(variant.split('\n')[split.bodyLine - 1]!.trim(), name).toBe(split.body.split('\n')[0]!.trim());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('refuses a frontmatter line that starts with --- other than the fences', () => {
    for (const closing of ['--- ', '----', '---x', '--- x']) {
      const split = splitFrontmatter(`---\ntitle: a\n${closing}\n<meta http-equiv="refresh">\n---\n\nChữ.\n`);
      expect(split.problem?.line).toBe(3);
      expect(split.frontmatter).toBeUndefined();
    }
    expect(splitFrontmatter('\n---\ntitle: a\n---\nChữ.').problem?.line).toBe(1);
    expect(splitFrontmatter('+++\ntitle = "a"\n+++\nChữ.').problem?.line).toBe(1);
    expect(splitFrontmatter('---\ntitle: a\n---\n\n    Chữ thụt lề.\n').body).toBe('Chữ thụt lề.');
  });
});

/** Hostile or tricky lines to put into a real body (each alone). */
const BODY_TRICKS = [
  '[Bấm](javascript:alert(1))',
  '[Bấm](jav&#x61;script:alert(1))',
  '[Bấm](&#106;avascript:alert(1))',
  '[Bấm](<java\tscript:alert(1)>)',
  '[Bấm](JAVASCRIPT:alert(1))',
  '[Bấm](javascript&colon;alert(1))',
  '[Bấm](vbscript:msgbox(1))',
  '[Bấm](data:text/html,<script>alert(1)</script>)',
  '[Bấm][x]\n\n[x]: javascript:alert(1)',
  '[Bấm](//example.com/)',
  '[Bấm](/\\example.com/)',
  '[Bấm](ｊavascript:alert(1))',
  '![Ảnh chụp màn hình điện thoại](https://example.com/a.png)',
  '![Ảnh chụp màn hình điện thoại][a]\n\n[a]: //example.com/a.png',
  '![Ảnh chụp màn hình\nđiện thoại](//example.com/a.png)',
  '![Ảnh chụp màn hình điện thoại](data:image/png;base64,AAAA)',
  '![Ảnh chụp màn hình điện thoại](../../../../../etc/passwd)',
  '![Ảnh chụp màn hình điện thoại](/icons/icon-192.png)',
  '<meta http-equiv="refresh" content="0;url=https://example.com/">',
  '    <meta http-equiv="refresh" content="0;url=https://example.com/">',
  '<script>alert(1)</script>',
  '<img src="https://example.com/a.png" alt="x" />',
  '<a href="javascript:alert(1)">Bấm</a>',
  '<Tip onClick="alert(1)">Mẹo</Tip>',
  '{alert(1)}',
  `${'> '.repeat(25)}Chữ.`,
  `${'- '.repeat(25)}Chữ.`,
  `${'<Tip>\n'.repeat(25)}Chữ.\n${'</Tip>\n'.repeat(25)}`,
  '[Bấm](/bai-hoc/khong-co-bai-nay/)',
  '[Bấm](bai-hoc/tuong-doi/)',
  // Benign: the check must pass these (and the build render them).
  '[Trang Bộ Công an](https://bocongan.gov.vn/)',
  '[Gọi tổng đài](tel:19000368) hoặc [gửi thư](mailto:hotro@example.vn)',
  '[Mã OTP](/tu-dien/#otp) và <Term id="vneid">VNeID</Term>',
  '    Dòng thụt lề bốn dấu cách (một khối mã).',
  '> Trích dẫn.\n>\n> > Trích dẫn lồng.',
  // Harmless whatever the verdict: entities stay text, an autolink is a link in Markdown (and
  // an MDX parse error), a control character ends a link destination (it stays text).
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<https://example.com/>',
  '[Bấm](<java\nscript:alert(1)>)',
  '[Bấm](\u0001javascript:alert(1))',
];

const HARMFUL_HTML = [/<(script|meta|iframe|style|link|base|object|embed|form|svg|img)\b/i, /\son[a-z]+=/i];

/** The HTML of a passed entry may not hold anything the rules refuse. */
function harmful(html: string): string | undefined {
  for (const pattern of HARMFUL_HTML) if (pattern.test(html)) return `matches ${pattern}`;
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const url = (match[1] ?? '').replace(/&amp;/g, '&');
    if (linkRefusal(url)) return `writes ${url}`;
  }
  return undefined;
}

describe('one verdict', () => {
  it('the check renders as the build does, only without writing the HTML: same refusals, same links and pictures', () => {
    for (const { name, text } of documents()) {
      const split = splitFrontmatter(text);
      const walk = (html: boolean) => {
        const refusals: string[] = [];
        const result = renderArticle(split.body, { html, format: name.endsWith('.md') ? 'md' : 'mdx', onRefusal: (error) => refusals.push(`${error.line}: ${error.message}`) });
        return { refusals, uses: result.uses, images: result.images };
      };
      expect(walk(false), name).toEqual(walk(true));
    }
  });

  it('what the check passes, the build renders harmlessly; what the build refuses, the check refuses first', async () => {
    // Candidates: every fixture document, and every trick put into real entries (first body line,
    // end of the body, and the first body line indented).
    const lesson = readFileSync(path.resolve('content/lessons/cai-dat-va-kich-hoat-vneid.mdx'), 'utf8');
    const term = readFileSync(path.join(FIXTURES, 'base/glossary/otp.md'), 'utf8');
    const candidates: Array<{ folder: 'lessons' | 'glossary'; text: string; hostile: boolean }> = [];
    for (const { text, name } of documents()) {
      if (!name.startsWith('tests/')) continue;
      candidates.push({ folder: name.endsWith('.md') ? 'glossary' : 'lessons', text, hostile: false });
    }
    for (const [folder, base] of [
      ['lessons', lesson],
      ['glossary', term],
    ] as const) {
      for (const variant of fenceVariants(base)) candidates.push({ folder, text: variant, hostile: false });
      BODY_TRICKS.forEach((trick, index) => {
        // Braces are code in MDX only: in the glossary's Markdown they are text.
        const benign = index >= BODY_TRICKS.indexOf('[Trang Bộ Công an](https://bocongan.gov.vn/)') || (folder === 'glossary' && trick.startsWith('{'));
        const close = base.indexOf('\n---\n', 4) + 5;
        candidates.push({ folder, text: `${base.slice(0, close)}\n${trick}\n\n${base.slice(close).trimStart()}`, hostile: !benign });
        // At the end of the body an indented line is a code block: shown as text, harmless.
        candidates.push({ folder, text: `${base.trimEnd()}\n\n${trick}\n`, hostile: !benign && !trick.startsWith(' ') });
        for (const fence of ['--- ', '----']) candidates.push({ folder, text: `${base.slice(0, close - 4)}\n${fence}\n${trick}\n---\n\n${base.slice(close)}`, hostile: true });
      });
    }

    // The check: one content/ holding every candidate (its verdict is per file).
    const root = tempRoot();
    const content = path.join(root, 'content');
    cpSync(path.resolve('content'), content, { recursive: true });
    const names = candidates.map((candidate, index) => `content/${candidate.folder}/bien-the-${index}.${candidate.folder === 'glossary' ? 'md' : 'mdx'}`);
    for (const [index, candidate] of candidates.entries()) writeFileSync(path.join(root, names[index]!), candidate.text);
    const result = await validateContent(root, undefined, NOW);
    const refusedByCheck = new Set(result.problems.map((problem) => problem.file));

    let passed = 0;
    for (const [index, candidate] of candidates.entries()) {
      const file = names[index]!;
      // The build: the loader alone on a content/ folder holding only this file.
      const one = tempRoot();
      mkdirSync(path.join(one, 'content', candidate.folder), { recursive: true });
      writeFileSync(path.join(one, file), candidate.text);
      const { context, entries } = fakeContext(one, candidate.folder);
      let buildError: unknown;
      try {
        await (candidate.folder === 'glossary' ? contentFolder('glossary') : articles('content/lessons')).load(context);
      } catch (error) {
        buildError = error;
      }
      const checkSays = result.problems.filter((problem) => problem.file === file).map(formatProblem);
      if (buildError) {
        expect(refusedByCheck.has(file), `the build refuses ${file} but the check passes it:\n${candidate.text}\n${String(buildError)}`).toBe(true);
        // And never with a stack trace: the build's message names the file.
        expect(String((buildError as Error).message)).toContain(file);
        continue;
      }
      if (refusedByCheck.has(file)) continue;
      passed++;
      expect(candidate.hostile, `the check passes a hostile ${file}:\n${JSON.stringify(candidate.text)}`).toBe(false);
      const html = String((entries.values().next().value?.['rendered'] as { html?: string } | undefined)?.html ?? '');
      expect(harmful(html), `${file} passed the check, the build writes:\n${html}\n${checkSays.join('\n')}`).toBeUndefined();
    }
    expect(passed).toBeGreaterThan(10);
    // Every hostile candidate is refused by the check, with a line.
    for (const [index, candidate] of candidates.entries()) {
      if (!candidate.hostile) continue;
      const lines = result.problems.filter((problem) => problem.file === names[index]);
      expect(lines.length, `${names[index]} is hostile:\n${candidate.text.slice(-400)}`).toBeGreaterThan(0);
      expect(
        lines.some((problem) => problem.line !== undefined),
        names[index],
      ).toBe(true);
    }
  }, 120_000);
});

describe('random mutations of real entries', () => {
  it('never crash the check, and the build refuses none the check passes', async () => {
    // Seeded, so a failure can be replayed: tokens that matter to a parser, put at random places.
    const tokens = [
      '---',
      '\n---\n',
      '<',
      '>',
      '{',
      '}',
      '[',
      ']',
      '(',
      ')',
      '!',
      '*',
      '_',
      '`',
      '\n',
      '    ',
      '&#x61;',
      '&',
      ':',
      '"',
      '\\',
      '%',
      '%zz',
      'javascript:',
      '//',
      '../',
      '```',
      '\t',
      '\u0000',
      'ấ',
      '- ',
      '1. ',
      '> ',
      '<!--',
      '<Tip>',
      '</Tip>',
      '<Term id="otp">',
      '[x]: ',
      '__proto__: 1\n',
      '&a ',
      '*a ',
      '!!str ',
      '? ',
    ];
    let seed = 20261207;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const sources = [...readdirSync('content/lessons').map((f) => `lessons/${f}`), ...readdirSync('content/glossary').map((f) => `glossary/${f}`)].filter((f) => /\.mdx?$/.test(f) && !f.endsWith('README.md'));
    const root = tempRoot();
    cpSync(path.resolve('content'), path.join(root, 'content'), { recursive: true });
    const made: string[] = [];
    for (let index = 0; index < 150; index++) {
      const source = sources[random(sources.length)]!;
      let text = readFileSync(path.join('content', source), 'utf8');
      for (let edit = 0, edits = 1 + random(6); edit < edits; edit++) {
        const at = random(text.length);
        text = text.slice(0, at) + tokens[random(tokens.length)] + text.slice(at + (random(3) === 0 ? random(20) : 0));
      }
      const name = `content/${source.split('/')[0]}/dot-bien-${index}.${source.endsWith('.md') ? 'md' : 'mdx'}`;
      writeFileSync(path.join(root, name), text);
      made.push(name);
    }
    const result = await validateContent(root, undefined, NOW);
    expect(result.problems.filter((problem) => problem.message.startsWith('không kiểm tra được')).map(formatProblem)).toEqual([]);
    expect(result.problems.filter((problem) => problem.field === 'nội dung' && problem.line === undefined).map(formatProblem)).toEqual([]);
    const refused = new Set(result.problems.map((problem) => problem.file));
    for (const name of made) {
      const one = tempRoot();
      const folder = name.split('/')[1]!;
      mkdirSync(path.join(one, 'content', folder), { recursive: true });
      cpSync(path.join(root, name), path.join(one, name));
      const { context, entries } = fakeContext(one, folder);
      try {
        await (folder === 'glossary' ? contentFolder('glossary') : articles('content/lessons')).load(context);
      } catch (error) {
        expect(refused.has(name), `the build refuses ${name}, the check passes it: ${String(error)}`).toBe(true);
        expect(String((error as Error).message)).toContain(name);
        continue;
      }
      if (refused.has(name)) continue;
      const html = String((entries.values().next().value?.['rendered'] as { html?: string } | undefined)?.html ?? '');
      expect(harmful(html), `${name} passed the check, the build writes:\n${html}`).toBeUndefined();
    }
  }, 120_000);
});
