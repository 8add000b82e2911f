import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { articles } from '../../src/lib/article/loader.ts';
import { ARTICLE_IMAGES_FIELD, articleFacts, articleParts } from '../../src/lib/article/parts.ts';
import { ArticleError, MAX_NESTING, renderArticle } from '../../src/lib/article/render.ts';
import { LessonSchema } from '../../src/schemas/content.ts';

describe('renderArticle: Markdown and the editor components as HTML', () => {
  it('gives headings the ids Astro gave them (Vietnamese kept, repeats numbered) and curls quotes', () => {
    const { html } = renderArticle('## Cần chuẩn bị\n\nBấm "Tiếp tục"...\n\n## Cần chuẩn bị\n');
    expect(html).toBe('<h2 id="cần-chuẩn-bị">Cần chuẩn bị</h2>\n<p>Bấm “Tiếp tục”…</p>\n<h2 id="cần-chuẩn-bị-1">Cần chuẩn bị</h2>');
  });

  it('draws <Steps>, <Tip> and <Warning> as the page styles them', () => {
    const { html } = renderArticle('<Steps>\n\n1. Mở VNeID.\n2. Bấm Đăng nhập.\n\n</Steps>\n\n<Tip>\nHỏi tổ công nghệ số.\n</Tip>\n\n<Warning>\nKhông đưa mã OTP.\n</Warning>\n');
    expect(html).toContain('<div class="steps"><ol>\n<li>Mở VNeID.</li>\n<li>Bấm Đăng nhập.</li>\n</ol></div>');
    expect(html).toContain('<div class="callout tip" role="note"><strong class="callout-title">Mẹo</strong><p>Hỏi tổ công nghệ số.</p></div>');
    expect(html).toContain('<div class="callout warning" role="note"><strong class="callout-title">Cẩn thận</strong><p>Không đưa mã OTP.</p></div>');
  });

  it('draws <WhenStuck> as a titled section of the lesson: its own h2 "Khi gặp lỗi" (the id the old heading had) and the list of problem → what to do', () => {
    const { html, components } = renderArticle(
      '## Các bước\n\n<Steps>\n\n1. Mở VNeID.\n\n</Steps>\n\n<WhenStuck>\n\n- **Không nhận được mã OTP:** xem lại số điện thoại.\n- **Quên mật khẩu:** bấm "Quên mật khẩu".\n\nNhờ <Term id="to-cong-nghe-so-cong-dong">Tổ công nghệ số</Term> giúp.\n\n</WhenStuck>\n',
    );
    expect(html).toContain(
      '<section class="when-stuck" aria-labelledby="khi-gặp-lỗi"><h2 id="khi-gặp-lỗi">Khi gặp lỗi</h2><ul>\n<li><strong>Không nhận được mã OTP:</strong> xem lại số điện thoại.</li>\n<li><strong>Quên mật khẩu:</strong> bấm “Quên mật khẩu”.</li>\n</ul><p>Nhờ <a class="term" href="/tu-dien/#to-cong-nghe-so-cong-dong">Tổ công nghệ số</a> giúp.</p></section>',
    );
    // The check reads which components a body uses, with their lines (a task lesson without the box warns).
    expect(components).toEqual([
      { name: 'Steps', line: 3 },
      { name: 'WhenStuck', line: 9 },
      { name: 'Term', line: 14 },
    ]);
  });

  it("lists the headings as Astro's Markdown does ({ depth, slug, text }, slug = the id in the HTML), the <WhenStuck> title in its place", () => {
    const { html, headings } = renderArticle('## Cần chuẩn bị\n\n### Với <Term id="otp">mã OTP</Term>\n\n<WhenStuck>\n\n- **Lỗi:** cách làm.\n\n</WhenStuck>\n\n## Cần chuẩn bị\n');
    expect(headings).toEqual([
      { depth: 2, slug: 'cần-chuẩn-bị', text: 'Cần chuẩn bị' },
      { depth: 3, slug: 'với-mã-otp', text: 'Với mã OTP' },
      { depth: 2, slug: 'khi-gặp-lỗi', text: 'Khi gặp lỗi' },
      { depth: 2, slug: 'cần-chuẩn-bị-1', text: 'Cần chuẩn bị' },
    ]);
    // Each slug is an id the page has, so a table of contents can link to it.
    for (const heading of headings) expect(html).toContain(`<h${heading.depth} id="${heading.slug}">`);
  });

  it('refuses a <WhenStuck> without a list, or inside another component, with its line', () => {
    const lines: string[] = [];
    renderArticle('Chữ.\n\n<WhenStuck>\nKhông nhận được mã thì hỏi công an xã.\n</WhenStuck>\n', { onRefusal: (error) => lines.push(`${error.line}: ${error.message}`) });
    expect(lines).toEqual(['3: <WhenStuck> cần một danh sách bên trong: mỗi lỗi một dòng "- **Lỗi gặp phải:** cách làm", cách <WhenStuck> một dòng trống.']);
    lines.length = 0;
    renderArticle('<Tip>\n\n<WhenStuck>\n\n- **Quên mật khẩu:** hỏi công an xã.\n\n</WhenStuck>\n\n</Tip>\n', { onRefusal: (error) => lines.push(`${error.line}: ${error.message}`) });
    expect(lines).toEqual(['3: <WhenStuck> là một mục riêng của bài, không đặt trong <Steps>, <Tip>, <Warning> hay thành phần khác; chuyển nó ra ngoài, sau </Steps>.']);
  });

  it('links a <Term> and a Markdown link into the glossary the same way', () => {
    const { html } = renderArticle('Đọc <Term id="otp">mã OTP</Term> và [mã QR](/tu-dien/#ma-qr), xem [bài khác](/bai-hoc/x/ "Bài x").\n');
    expect(html).toBe('<p>Đọc <a class="term" href="/tu-dien/#otp">mã OTP</a> và <a class="term" href="/tu-dien/#ma-qr">mã QR</a>, xem <a href="/bai-hoc/x/" title="Bài x">bài khác</a>.</p>');
  });

  it('marks list items that are only a link as touch targets, and no others', () => {
    const { html } = renderArticle('- [Bài một](/bai-hoc/a/)\n- [Bài hai](/bai-hoc/b/) rồi đọc tiếp\n');
    expect(html).toBe('<ul>\n<li class="link-item"><a href="/bai-hoc/a/">Bài một</a></li>\n<li><a href="/bai-hoc/b/">Bài hai</a> rồi đọc tiếp</li>\n</ul>');
  });

  it("leaves a marker for each local picture (for Astro's <picture>) and keeps its caption", () => {
    // On one line, as in the VNeID lesson (on three lines, as in CONTRIBUTING.md, Markdown puts the picture in a <p>, as MDX did).
    const { html, images } = renderArticle('<Figure caption="Màn hình VNeID.">![Điện thoại mở VNeID](../images/vneid%20moi.png)</Figure>\n');
    expect(images).toEqual([{ src: '../images/vneid moi.png', alt: 'Điện thoại mở VNeID' }]);
    expect(html).toContain('<figure class="figure"><!--ban-so-image:0--><figcaption>Màn hình VNeID.</figcaption></figure>');
  });

  it('writes no URL the rules refuse: pictures from elsewhere, links it cannot follow (issue 23)', () => {
    const refused = (body: string) => {
      const lines: string[] = [];
      renderArticle(body, { onRefusal: (error) => lines.push(`${error.line}: ${error.message}`) });
      return lines;
    };
    expect(refused('![Ảnh ngoài](https://example.org/a.png)')).toEqual(['1: ảnh "https://example.org/a.png" lấy từ nơi khác (trang không tải gì từ nơi khác).']);
    expect(refused('Chữ.\n\n![Ảnh\nhai dòng][x]\n\n[x]: //example.org/a.png')).toEqual(['3: ảnh "//example.org/a.png" lấy từ nơi khác (trang không tải gì từ nơi khác).']);
    expect(refused('[a](jav&#x61;script:alert(1))')).toEqual(['1: đường dẫn "javascript:alert(1)" chạy mã lệnh hoặc chứa dữ liệu nhúng.']);
    expect(refused('[a](//example.org/) [b](bai-khac/) [c](ftp://x/)')).toHaveLength(3);
    expect(refused('[a](https://example.org/) [b](/bai-hoc/x/) [c](mailto:a@b.vn) [d](tel:0123) [e](#muc)')).toEqual([]);
    expect(() => renderArticle('![Ảnh ngoài](https://example.org/a.png)')).toThrow(ArticleError);
  });

  it('refuses nesting deeper than MAX_NESTING with the line, never a RangeError (issue 23)', () => {
    for (const body of [`${'>'.repeat(4000)} x`, `${'<Tip>\n'.repeat(3000)}x\n${'</Tip>\n'.repeat(3000)}`, `${'- '.repeat(2000)}a`, `Chữ.\n\n${'> '.repeat(21)}x`]) {
      let error: unknown;
      try {
        renderArticle(body);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ArticleError);
      expect((error as ArticleError).message).toContain(`quá ${MAX_NESTING} tầng`);
      expect((error as ArticleError).line).toBeGreaterThanOrEqual(1);
    }
    // 50,000 ">" on one line: refused for its length, before any parsing.
    expect(() => renderArticle(`${'>'.repeat(50_000)} x`)).toThrow(/dòng dài 50002 ký tự/);
    const ok = `${'> '.repeat(MAX_NESTING)}x`;
    expect(renderArticle(ok).html).toContain('x');
  });

  it('escapes what an editor types, so text never becomes markup', () => {
    const { html } = renderArticle('Giá 5 \\< 10 & <Term id="otp">a &lt;b&gt;</Term>\n');
    expect(html).toBe('<p>Giá 5 &lt; 10 &amp; <a class="term" href="/tu-dien/#otp">a &lt;b></a></p>');
  });

  it('drops MDX comments', () => {
    expect(renderArticle('Một.\n\n{/* ghi chú cho người sửa bài */}\n\nHai.\n').html).toBe('<p>Một.</p>\n\n<p>Hai.</p>');
  });

  it.each([
    ['export const a = 1\n\nChữ.\n', 1, 'import/export'],
    ['Chữ.\n\n{process.exit(1)}\n', 3, 'biểu thức trong ngoặc nhọn'],
    ['Chữ.\n\n<Tips>\nMẹo.\n</Tips>\n', 3, 'thành phần <Tips> không có'],
    ['<div>Chữ</div>\n', 1, 'thành phần <div> không có'],
    ['<Steps>\n- không đánh số\n</Steps>\n', 1, 'danh sách đánh số'],
    ['<Figure>\n![a](../images/a.png)\n</Figure>\n', 1, '<Figure> cần chú thích'],
    ['Xem [mục](/tu-dien/#Sai_Id).\n', 1, '<Term> cần id'],
  ])('refuses what is not Markdown or an editor component, with its line: %j', (body, line, message) => {
    let error: unknown;
    try {
      renderArticle(body);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArticleError);
    expect((error as ArticleError).message).toContain(message);
    expect((error as ArticleError).line).toBe(line);
  });
});

describe('articleParts', () => {
  it('splits the HTML at its picture markers, in order', () => {
    expect(articleParts('<p>a</p><!--ban-so-image:0--><p>b</p><!--ban-so-image:1-->', 2)).toEqual([{ html: '<p>a</p>' }, { image: 0 }, { html: '<p>b</p>' }, { image: 1 }]);
    expect(articleParts('<p>chỉ chữ</p>', 0)).toEqual([{ html: '<p>chỉ chữ</p>' }]);
  });
  it('refuses a marker without its picture instead of writing a page without it', () => {
    expect(() => articleParts('<!--ban-so-image:1-->', 1)).toThrow(/ảnh số 2/);
  });
});

describe('the articles loader', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A content store and loader context like Astro's, recording what was rendered. */
  function fakeContext() {
    const entries = new Map<string, Record<string, unknown>>();
    const sets: string[] = [];
    const store = {
      get: (id: string) => entries.get(id),
      set: (entry: Record<string, unknown>) => {
        sets.push(String(entry['id']));
        entries.set(String(entry['id']), entry);
        return true;
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    };
    const context = {
      collection: 'lessons',
      store,
      config: { root: pathToFileURL(`${root}/`) },
      parseData: async ({ data }: { data: Record<string, unknown> }) => data,
      generateDigest: (value: string) => String(value.length) + value.slice(-40),
      logger: { info: () => undefined, error: () => undefined, warn: () => undefined },
    } as unknown as LoaderContext;
    return { context, entries, sets };
  }

  const write = (name: string, text: string) => writeFileSync(path.join(root, 'content/lessons', name), text);

  it('renders each article once, again only when its file changed, and forgets deleted ones', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-articles-'));
    mkdirSync(path.join(root, 'content/lessons'), { recursive: true });
    write('bai-mot.mdx', '---\ntitle: Một\n---\n\n## Mở đầu\n\n![Ảnh](../images/a.png)\n');
    write('bai-hai.mdx', '---\ntitle: Hai\n---\n\nChữ.\n');
    write('_nhap.mdx', '---\ntitle: Nháp\n---\n\nChưa xong.\n');
    const { context, entries, sets } = fakeContext();
    const loader = articles('content/lessons');

    await loader.load(context);
    expect(sets.sort()).toEqual(['bai-hai', 'bai-mot']);
    const first = entries.get('bai-mot')!;
    expect(first['filePath']).toBe('content/lessons/bai-mot.mdx');
    expect(first['rendered']).toEqual({ html: '<h2 id="mở-đầu">Mở đầu</h2>\n<p><!--ban-so-image:0--></p>', metadata: { headings: [{ depth: 2, slug: 'mở-đầu', text: 'Mở đầu' }], minutes: 1, steps: [] } });
    // The body is not stored: Astro bundles the whole store into the build (issue 29, memory).
    expect(first).not.toHaveProperty('body');
    expect((first['data'] as Record<string, unknown>)[ARTICLE_IMAGES_FIELD]).toEqual([{ src: '../images/a.png', alt: 'Ảnh' }]);
    // A body without pictures has no such field.
    expect(Object.keys(entries.get('bai-hai')!['data'] as object)).toEqual(['title']);

    sets.length = 0;
    write('bai-hai.mdx', '---\ntitle: Hai\n---\n\nChữ đã sửa.\n');
    rmSync(path.join(root, 'content/lessons/bai-mot.mdx'));
    await loader.load(context);
    expect(sets).toEqual(['bai-hai']);
    expect(entries.get('bai-hai')!['rendered']).toEqual({ html: '<p>Chữ đã sửa.</p>', metadata: { headings: [], minutes: 1, steps: [] } });
    expect([...entries.keys()]).toEqual(['bai-hai']);

    // ARTICLE_CACHE=0 (or BUILD_CACHE=0): nothing is kept from the earlier load.
    sets.length = 0;
    process.env['ARTICLE_CACHE'] = '0';
    try {
      await loader.load(context);
    } finally {
      delete process.env['ARTICLE_CACHE'];
    }
    expect(sets).toEqual(['bai-hai']);
  });

  it("keeps a lesson's <Steps> items and reading minutes, measured from its body, for the HowTo and the lesson cards", async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-articles-'));
    mkdirSync(path.join(root, 'content/lessons'), { recursive: true });
    const words = Array.from({ length: 400 }, (_, i) => `chữ${i}`).join(' ');
    write('bai-buoc.mdx', `---\ntitle: Bước\n---\n\n${words}\n\n<Steps>\n1. Mở **CH Play**.\n2. Tìm [VNeID](https://vneid.gov.vn/)\n   rồi cài đặt.\n</Steps>\n`);
    const { context, entries } = fakeContext();
    await articles('content/lessons').load(context);
    const entry = entries.get('bai-buoc')! as { id: string; rendered: { metadata: Record<string, unknown> } };
    expect(articleFacts(entry)).toEqual({ minutes: 3, steps: ['Mở CH Play.', 'Tìm VNeID rồi cài đặt.'] });
    expect(() => articleFacts({ id: 'bai-cu', rendered: { metadata: { headings: [] } } })).toThrow(/bai-cu: .*rendered\.metadata/);
  });

  it('parses every entry again when a schema changes, and only then (a field added after a pull reaches old entries)', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-articles-'));
    mkdirSync(path.join(root, 'content/lessons'), { recursive: true });
    mkdirSync(path.join(root, 'src/schemas'), { recursive: true });
    writeFileSync(path.join(root, 'src/schemas/content.ts'), 'export const version = 1;\n');
    write('bai-mot.mdx', '---\ntitle: Một\n---\n\nChữ.\n');
    write('bai-hai.mdx', '---\ntitle: Hai\n---\n\nChữ.\n');
    const { context, sets } = fakeContext();
    const loader = articles('content/lessons');
    await loader.load(context);
    sets.length = 0;
    await loader.load(context);
    expect(sets).toEqual([]);

    writeFileSync(path.join(root, 'src/schemas/content.ts'), 'export const version = 2;\n');
    await loader.load(context);
    expect(sets.sort()).toEqual(['bai-hai', 'bai-mot']);
  });

  it("hands the body's pictures to the schema's image() with the entry's file, which Astro resolves them from", async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-articles-'));
    mkdirSync(path.join(root, 'content/lessons'), { recursive: true });
    const lesson = readFileSync('tests/fixtures/base/lessons/bai-mau.mdx', 'utf8');
    write('bai-anh.mdx', `${lesson.trimEnd()}\n\n![Màn hình VNeID](../images/vneid%20moi.png)\n\n<Figure caption="Mã QR.">![Mã QR trong VNeID](./anh/qr.png)</Figure>\n`);
    const { context, entries } = fakeContext();
    // Astro's parseData: the collection's schema, with an image() that says which file it resolved from.
    const seen: string[] = [];
    const schema = LessonSchema({ image: () => z.string().transform((src) => ({ src, from: seen.at(-1) })), ref: () => z.string() });
    (context as { parseData: unknown }).parseData = async ({ data, filePath }: { data: unknown; filePath: string }) => {
      seen.push(filePath);
      return schema.parseAsync(data);
    };
    await articles('content/lessons').load(context);
    const file = path.join(root, 'content/lessons/bai-anh.mdx');
    expect((entries.get('bai-anh')!['data'] as Record<string, unknown>)[ARTICLE_IMAGES_FIELD]).toEqual([
      { src: { src: '../images/vneid moi.png', from: file }, alt: 'Màn hình VNeID' },
      { src: { src: './anh/qr.png', from: file }, alt: 'Mã QR trong VNeID' },
    ]);
  });

  it("refuses the body's pictures written in a frontmatter, as the check does (the build fills that field)", async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-articles-'));
    mkdirSync(path.join(root, 'content/lessons'), { recursive: true });
    write('bai-tu-dien.mdx', `---\ntitle: Tự điền\n${ARTICLE_IMAGES_FIELD}:\n  - src: ../../../etc/passwd\n    alt: x\n---\n\nChữ.\n`);
    await expect(articles('content/lessons').load(fakeContext().context)).rejects.toThrow(`content/lessons/bai-tu-dien.mdx:4 — ${ARTICLE_IMAGES_FIELD} — trường "${ARTICLE_IMAGES_FIELD}" do bản dựng tự điền`);
  });

  it("stops the build at a bad article with the line in the editor's file", async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-articles-'));
    mkdirSync(path.join(root, 'content/lessons'), { recursive: true });
    write('bai-loi.mdx', '---\ntitle: Lỗi\nsummary: Có mã.\n---\n\nChữ.\n\n{globalThis.x = 1}\n');
    await expect(articles('content/lessons').load(fakeContext().context)).rejects.toThrow('content/lessons/bai-loi.mdx:8 — nội dung — có biểu thức trong ngoặc nhọn');
  });

  it('refuses what the content check refuses, such as a javascript: link, even when the gate did not run', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ban-so-articles-'));
    mkdirSync(path.join(root, 'content/lessons'), { recursive: true });
    write('bai-link.mdx', '---\ntitle: Link\n---\n\nBấm [vào đây](javascript:alert(1)).\n');
    await expect(articles('content/lessons').load(fakeContext().context)).rejects.toThrow(/content\/lessons\/bai-link\.mdx:5 — nội dung — đường dẫn "javascript:alert\(1\)" chạy mã lệnh/);
  });
});

describe('tables', () => {
  it("writes a column's alignment as a class, never a style attribute (the CSP refuses it, the allowlist forbids it)", () => {
    const { html } = renderArticle('| Việc | Số tiền |\n|:--|--:|\n| Tiền điện | 120.000 đồng |');
    expect(html).toContain('<th class="align-right">Số tiền</th>');
    expect(html).toContain('<td class="align-left">Tiền điện</td>');
    expect(html).not.toMatch(/style=/);
  });
});

describe('ARTICLE_RENDER_VERSION', () => {
  it('changes whenever the HTML changes, so no build keeps an article rendered the old way', async () => {
    const { createHash } = await import('node:crypto');
    const { ARTICLE_RENDER_VERSION } = await import('../../src/lib/article/render.ts');
    const sample = [
      '## Cần chuẩn bị',
      'Bấm "Tiếp tục"... xem <Term id="otp">mã OTP</Term> và [mã QR](/tu-dien/#ma-qr), [bài](/bai-hoc/x/ "x").',
      '- [Bài một](/bai-hoc/a/)\n- Chữ',
      '<Steps>\n\n1. Mở.\n2. Bấm.\n\n</Steps>',
      '<Tip>\nMẹo.\n</Tip>',
      '<Warning>\nCẩn thận.\n</Warning>',
      '<WhenStuck>\n\n- **Lỗi:** cách làm.\n\n</WhenStuck>',
      '<Figure caption="Chú thích ảnh.">![Ảnh](../images/a.png)</Figure>',
      '| a | b |\n| - | -: |\n| 1 | 2 |',
    ].join('\n\n');
    const hash = createHash('sha256').update(renderArticle(sample).html).digest('hex').slice(0, 16);
    // If this fails because you changed src/lib/article/render.ts on purpose: add 1 to
    // ARTICLE_RENDER_VERSION and write both new values here.
    expect({ version: ARTICLE_RENDER_VERSION, hash }).toEqual({ version: 6, hash: '3754a3429b1bb19f' });
  });
});
