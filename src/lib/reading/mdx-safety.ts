import { markdownToMdast, mdxToMdast } from 'satteri';
import { EDITOR_COMPONENTS } from './component-errors.ts';
import { closest } from './suggest.ts';
import { imageRefusal, linkRefusal, schemeOf } from './urls.ts';
import { bodyLimitProblem } from './limits.ts';

/**
 * MDX that cannot run code. Contributed MDX may use only the editor components, with
 * literal attribute values, and Markdown. Everything that would become JavaScript in the
 * compiled page module — import/export, {expressions}, spread or expression attributes,
 * unknown elements — is reported, as are HTML elements that would load or run something
 * in the reader's browser (<script>, <iframe>, <style>, event handlers, javascript: URLs).
 *
 * The text is PARSED with Sätteri's MDX parser (the same parser the article loader,
 * src/lib/article/, turns into HTML, so the check and the build cannot disagree), never
 * compiled or evaluated. Used by `npm run check` and the content gate; the loader refuses
 * the same constructs again when it renders an article.
 */

/** One unsafe construct, with its 1-based line in the text given. */
export interface SafetyIssue {
  line: number | undefined;
  message: string;
  fix: string;
}

/** Attributes each editor component accepts, and which of them are required. */
export const COMPONENT_ATTRIBUTES: Record<(typeof EDITOR_COMPONENTS)[number], { allowed: readonly string[]; required: readonly string[] }> = {
  Steps: { allowed: [], required: [] },
  Tip: { allowed: [], required: [] },
  Warning: { allowed: [], required: [] },
  WhenStuck: { allowed: [], required: [] },
  Figure: { allowed: ['caption'], required: ['caption'] },
  Term: { allowed: ['id'], required: ['id'] },
};

export const COMPONENT_LIST = EDITOR_COMPONENTS.map((name) => `<${name}>`).join(', ');

/** Elements that load or run something; named in the message so the danger is clear. */
const DANGEROUS_ELEMENTS: Record<string, string> = {
  script: 'thẻ <script> (mã lệnh chạy trên máy người đọc)',
  iframe: 'thẻ <iframe> (nhúng trang của nơi khác)',
  style: 'thẻ <style> (thay đổi giao diện cả trang)',
  object: 'thẻ <object> (nhúng nội dung của nơi khác)',
  embed: 'thẻ <embed> (nhúng nội dung của nơi khác)',
  link: 'thẻ <link> (tải tệp từ nơi khác)',
  meta: 'thẻ <meta>',
  base: 'thẻ <base>',
  form: 'thẻ <form> (gửi dữ liệu của người đọc đi nơi khác)',
  svg: 'thẻ <svg> (có thể chứa mã lệnh)',
};

/** What to write instead of common HTML tags, in Markdown. */
const MARKDOWN_INSTEAD: Record<string, string> = {
  b: 'Viết chữ đậm bằng **hai dấu sao**.',
  strong: 'Viết chữ đậm bằng **hai dấu sao**.',
  i: 'Viết chữ nghiêng bằng *một dấu sao*.',
  em: 'Viết chữ nghiêng bằng *một dấu sao*.',
  a: 'Viết đường dẫn theo kiểu Markdown: [chữ hiện ra](https://địa-chỉ).',
  img: 'Chèn ảnh theo kiểu Markdown: ![Mô tả ảnh](../images/ten-anh.jpg).',
  br: 'Để xuống dòng, để một dòng trống giữa hai đoạn.',
  p: 'Mỗi đoạn văn cách nhau một dòng trống, không cần thẻ <p>.',
  ul: 'Viết danh sách bằng các dòng bắt đầu bằng "- ".',
  ol: 'Viết danh sách đánh số bằng các dòng "1. ", "2. "…',
  li: 'Viết danh sách bằng các dòng bắt đầu bằng "- ".',
  h1: 'Tiêu đề bài đã có ở trường title; tiêu đề mục viết "## Tên mục".',
  h2: 'Viết tiêu đề mục bằng "## Tên mục".',
  h3: 'Viết tiêu đề nhỏ bằng "### Tên mục".',
  table: 'Viết bảng theo kiểu Markdown (các cột cách nhau bằng dấu |).',
  div: 'Xoá thẻ <div>: viết chữ bình thường.',
  span: 'Xoá thẻ <span>: viết chữ bình thường.',
  figure: 'Dùng <Figure caption="Chú thích">![Mô tả ảnh](../images/ten-anh.jpg)</Figure>.',
  video: 'Trang không nhúng video (người đọc dùng mạng 2G/3G); ghi đường dẫn bằng [chữ](https://…).',
  audio: 'Ghi âm đặt ở trường audio của bài học, không chèn vào nội dung.',
};

/** An attribute value that a browser would read as a URL running code or showing something else (src/lib/reading/urls.ts). */
function isDangerousUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme !== undefined && !['https', 'http', 'mailto', 'tel'].includes(scheme);
}

/** `{/* a note *\/}`: an MDX comment compiles to nothing, so it may stay. */
export const COMMENT_ONLY = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Attribute[];
  children?: MdNode[];
  position?: { start: { line: number } };
}

/** The parser's error ("12:3: Unexpected …") in editor words. */
function parseErrorIssue(error: unknown, lineOffset: number): SafetyIssue {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+): ([\s\S]*?)(?: \(([\w:-]+)\))?$/.exec(text.split('\n')[0] ?? text);
  const line = match ? Number(match[1]) + lineOffset : undefined;
  const detail = match?.[3] ?? text;
  let fix = `Kiểm tra dấu < > { } ở dòng này: trong bài chỉ dùng các thẻ ${COMPONENT_LIST}; muốn viết dấu "<" hay "{" như chữ thường thì viết "\\<" hay "\\{".`;
  if (/comment in MDX/.test(detail)) fix = 'Xoá chú thích <!-- … --> (MDX không dùng kiểu chú thích này).';
  else if (/closing tag|end tag|Expected a closing/i.test(detail)) fix = 'Mỗi thẻ mở phải có thẻ đóng, ví dụ <Tip> … </Tip>, và thẻ đóng phải đúng tên.';
  return { line, message: `MDX không đọc được (${detail})`, fix };
}

/**
 * Every unsafe construct in an MDX text; `lineOffset` is added to the lines reported.
 * With `format: 'md'` (plain Markdown, e.g. the glossary) there is no code to run, but raw
 * HTML would reach readers' browsers unchanged, so it is reported too.
 */
export function checkMdxSafety(text: string, lineOffset = 0, format: 'mdx' | 'md' = 'mdx'): SafetyIssue[] {
  // Lines too long, quotes and lists nested too deep: refused before parsing (src/lib/reading/limits.ts).
  const limit = bodyLimitProblem(text);
  if (limit) return [{ line: limit.line + lineOffset, message: limit.message, fix: limit.fix }];
  let tree: MdNode;
  try {
    const source = text.replace(/^\uFEFF/, '');
    tree = (format === 'md' ? markdownToMdast(source) : mdxToMdast(source)) as unknown as MdNode;
  } catch (error) {
    // The parser stops at its first error; a dangerous tag is often the cause (the CSS in
    // <style>{…}</style> or the script in <script> reads as an expression): name it instead.
    const lines = text.split('\n');
    const dangerous = lines.flatMap((content, index) => {
      const tag = /<(script|style|iframe|object|embed|svg)\b/i.exec(content)?.[1]?.toLowerCase();
      return tag ? [{ line: index + 1 + lineOffset, message: `có ${DANGEROUS_ELEMENTS[tag]}, không được phép`, fix: `Xoá cả thẻ <${tag}> và phần bên trong. Bài viết chỉ dùng Markdown và các thành phần ${COMPONENT_LIST}.` }] : [];
    });
    return dangerous.length ? dangerous : [parseErrorIssue(error, lineOffset)];
  }
  const issues: SafetyIssue[] = [];
  const visit = (node: MdNode): void => {
    const line = node.position ? node.position.start.line + lineOffset : undefined;
    const report = (message: string, fix: string) => issues.push({ line, message, fix });
    switch (node.type) {
      case 'mdxjsEsm': {
        const keyword = /^\s*export\b/.test(node.value ?? '') ? 'export' : 'import';
        report(`có dòng "${keyword}" (mã lệnh JavaScript, thường chép từ bài hướng dẫn trên mạng)`, `Xoá dòng bắt đầu bằng "${keyword}". Bài viết không cần import: các thành phần ${COMPONENT_LIST} có sẵn.`);
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (COMMENT_ONLY.test(node.value ?? '')) break;
        report(`có biểu thức trong ngoặc nhọn {${shorten(node.value ?? '')}} (mã lệnh)`, 'Xoá phần trong ngoặc nhọn. Muốn viết dấu ngoặc nhọn như chữ thường thì viết \\{ và \\}.');
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        issues.push(...checkElement(node, line));
        break;
      case 'link':
      case 'definition': {
        // One set of URL rules for the check and the renderer (src/lib/reading/urls.ts).
        const refusal = node.url === undefined ? undefined : linkRefusal(node.url);
        if (refusal && (node.type === 'link' || isDangerousUrl(node.url ?? ''))) report(refusal.message, refusal.fix);
        break;
      }
      case 'image': {
        const refusal = node.url === undefined ? undefined : imageRefusal(node.url);
        if (refusal) report(refusal.message, refusal.fix);
        break;
      }
      case 'html': {
        const tag = /^<\/?([a-zA-Z][\w-]*)/.exec(node.value ?? '')?.[1]?.toLowerCase();
        if (tag && DANGEROUS_ELEMENTS[tag]) report(`có ${DANGEROUS_ELEMENTS[tag]}, không được phép`, `Xoá cả thẻ <${tag}> và phần bên trong.`);
        else if (tag && /^\//.test((node.value ?? '').slice(1)))
          break; // closing tag: reported with its opening tag
        else report(`có mã HTML ${shorten(node.value ?? '')}`, tag && MARKDOWN_INSTEAD[tag] ? MARKDOWN_INSTEAD[tag] : 'Xoá mã HTML; chỉ dùng Markdown.');
        break;
      }
      default:
        break;
    }
  };
  // Without recursion: a body nested 50,000 levels deep is walked like any other (the renderer
  // refuses it with its line, src/lib/article/render.ts MAX_NESTING).
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    const children = node.children ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return issues;
}

function checkElement(node: MdNode, line: number | undefined): SafetyIssue[] {
  const issues: SafetyIssue[] = [];
  const report = (message: string, fix: string) => issues.push({ line, message, fix });
  const name = node.name ?? '';
  const attributes = node.attributes ?? [];
  const component = (EDITOR_COMPONENTS as readonly string[]).includes(name) ? COMPONENT_ATTRIBUTES[name as keyof typeof COMPONENT_ATTRIBUTES] : undefined;

  if (!component) {
    const lower = name.toLowerCase();
    if (!name) {
      report('có thẻ rỗng <> … </>', `Xoá <> và </>; chỉ dùng các thẻ ${COMPONENT_LIST}.`);
    } else if (DANGEROUS_ELEMENTS[lower]) {
      report(`có ${DANGEROUS_ELEMENTS[lower]}, không được phép`, `Xoá cả thẻ <${name}> và phần bên trong. Bài viết chỉ dùng Markdown và các thành phần ${COMPONENT_LIST}.`);
    } else if (/^[a-z]/.test(name) && !name.includes('.')) {
      report(`thẻ HTML <${name}> không được dùng`, MARKDOWN_INSTEAD[lower] ?? `Xoá thẻ <${name}>; chỉ dùng Markdown và các thành phần ${COMPONENT_LIST}.`);
    } else {
      const guess = closest(name, EDITOR_COMPONENTS);
      report(`thành phần <${name}> không có`, `${guess ? `Có phải bạn muốn viết <${guess}>? ` : ''}Chỉ dùng các thành phần ${COMPONENT_LIST}.`);
    }
  }

  const present = new Set<string>();
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      report(`thẻ <${name}> có thuộc tính dạng mã lệnh {${shorten(String(attribute.value ?? ''))}}`, 'Xoá phần trong ngoặc nhọn; thuộc tính chỉ viết dạng ten="chữ".');
      continue;
    }
    const attr = attribute.name;
    present.add(attr);
    const value = attribute.value;
    if (/^on/i.test(attr)) {
      report(`thẻ <${name}> có thuộc tính "${attr}" (chạy mã lệnh khi người đọc bấm hay di chuột)`, `Xoá thuộc tính ${attr}.`);
      continue;
    }
    if (value !== null && typeof value === 'object') {
      report(`thuộc tính ${attr} của <${name}> là mã lệnh {${shorten(value.value)}}`, `Viết giá trị trong ngoặc kép: ${attr}="…".`);
      continue;
    }
    if (typeof value === 'string' && isDangerousUrl(value)) {
      report(`thuộc tính ${attr} của <${name}> là đường dẫn chạy mã lệnh "${shorten(value)}"`, `Xoá thuộc tính ${attr}.`);
      continue;
    }
    if (!component) continue;
    if (!component.allowed.includes(attr)) {
      const guess = closest(attr, component.allowed);
      const allowed = component.allowed.length ? `<${name}> chỉ nhận ${component.allowed.map((a) => `${a}="…"`).join(', ')}.` : `<${name}> không nhận thuộc tính nào.`;
      report(`thuộc tính "${attr}" không dùng được với <${name}>`, `${guess ? `Có phải bạn muốn viết ${guess}="…"? ` : ''}${allowed}`);
    } else if (value === null || value === undefined) {
      report(`thuộc tính ${attr} của <${name}> thiếu giá trị`, `Viết ${attr}="…" với giá trị trong ngoặc kép.`);
    }
  }
  if (name === 'Steps' && !(node.children ?? []).some((child) => child.type === 'list' && (child as { ordered?: boolean }).ordered)) {
    report('<Steps> không có danh sách đánh số bên trong', 'Viết các bước thành danh sách "1. …", "2. …", cách <Steps> và </Steps> một dòng trống.');
  }
  if (name === 'WhenStuck' && !(node.children ?? []).some((child) => child.type === 'list' && !(child as { ordered?: boolean }).ordered)) {
    report('<WhenStuck> không có danh sách bên trong', 'Viết mỗi lỗi một dòng "- **Lỗi gặp phải:** cách làm", cách <WhenStuck> và </WhenStuck> một dòng trống.');
  }
  for (const required of component?.required ?? []) {
    if (!present.has(required)) {
      report(`<${name}> thiếu thuộc tính ${required}`, name === 'Figure' ? 'Viết <Figure caption="Chú thích ảnh">.' : `Viết <${name} ${required}="…">.`);
    }
  }
  return issues;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}
