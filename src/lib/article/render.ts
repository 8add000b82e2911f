import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast, mdxToHast } from 'satteri';
import { EDITOR_COMPONENTS, editorComponentError } from '../reading/component-errors.ts';
import { COMMENT_ONLY, COMPONENT_LIST } from '../reading/mdx-safety.ts';
import { isLinkOnly } from './link-only.ts';
import { glossaryTermId, routes } from '../routes.ts';
import { imageRefusal, linkRefusal } from '../reading/urls.ts';
import { MAX_NESTING, MAX_TREE_DEPTH, NESTING_FIX, NESTING_MESSAGE, bodyLimitProblem } from '../reading/limits.ts';

/**
 * An article's MDX body as HTML, made once when the content is loaded (issue 12).
 *
 * Each article used to be an MDX module that the bundler compiled into the build: at 1,008
 * lessons that cost about 430 MB of peak memory and 8 s of bundling, growing with every
 * lesson. Here the body is parsed with Sätteri (the parser @astrojs/mdx used, so the same
 * Markdown gives the same tree) and the editor components become their HTML in TypeScript.
 * Nothing is compiled or evaluated: a node that is not Markdown or an editor component is
 * refused, so contributed MDX can never become code (the content check refuses it first).
 *
 * Every href and src written is checked by src/lib/reading/urls.ts (the rules the content check
 * applies), and the tree is walked only MAX_NESTING levels deep: the renderer refuses on its
 * own, with the line, whatever reaches it (defence in depth for a gate that did not run).
 * The content check renders every body with this function too (with `onRefusal`, to collect
 * every refusal), so what the check passes is exactly what the build renders (issue 23).
 *
 * Pictures need Astro's image pipeline, so each local picture becomes a marker
 * (`<!--ban-so-image:N-->`) that ArticleBody.astro replaces with a responsive <picture>.
 */

/**
 * Bump when the HTML made here, or the entry the loader stores from it, changes: cached articles
 * from older builds are made again (tests/unit/article.test.ts fails until you do for the HTML).
 * 5: the body's pictures in the schema's field, headings in `rendered.metadata`.
 * 6: no `body`; its reading minutes and <Steps> items in `rendered.metadata` (steps.ts).
 */
export const ARTICLE_RENDER_VERSION = 6;

export { MAX_NESTING } from '../reading/limits.ts';

/** A link or picture the body uses, with its line in the body: the check looks each one up. */
export interface ArticleUse {
  kind: 'link' | 'image' | 'term';
  /** href, src, or the glossary id of a term. */
  url: string;
  /** Alt text of a picture. */
  alt?: string;
  line: number | undefined;
}

export interface RenderOptions {
  /** "md": plain Markdown (the glossary), where raw HTML is refused like any other unknown node. */
  format?: 'mdx' | 'md';
  /** Pictures are refused where the page has no picture pipeline (the glossary). */
  images?: boolean;
  /** Collect every refusal instead of throwing at the first (the content check). */
  onRefusal?: (error: ArticleError) => void;
  /**
   * false: walk and refuse exactly as for a page, but write no HTML (the content check, which only
   * needs the refusals and the uses: serialising is most of the cost of a render).
   */
  html?: boolean;
}

export interface ArticleImage {
  /** As written in the article: relative to the article's file (../images/x.png). */
  src: string;
  alt: string;
}

/**
 * A heading of the body as Astro's Markdown reports it (MarkdownHeading): its level, the id it
 * has in the HTML, and its text. The loader stores them in `rendered.metadata.headings`.
 */
export interface ArticleHeading {
  depth: number;
  slug: string;
  text: string;
}

/** An editor component the body uses, with its line in the body (the check asks whether a lesson has one). */
export interface ArticleComponent {
  name: string;
  line: number | undefined;
}

export interface RenderedArticle {
  html: string;
  images: ArticleImage[];
  /** Every heading, in order, with the id written on it (the <WhenStuck> box's title included). */
  headings: ArticleHeading[];
  /** Every link, term and picture, in order, with its line. */
  uses: ArticleUse[];
  /** Every editor component, in order, with its line. */
  components: ArticleComponent[];
}

export const IMAGE_MARKER = /<!--ban-so-image:(\d+)-->/g;

/** A body that cannot become a page; `line` is 1-based in the body given. */
export class ArticleError extends Error {
  readonly line: number | undefined;
  /** What to do, when the rule that refused says it (URL rules, limits). */
  readonly fix: string | undefined;
  constructor(message: string, line: number | undefined, fix?: string) {
    super(message);
    this.line = line;
    this.fix = fix;
  }
}

interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** A node of the HTML tree we hand to hast-util-to-html. */
type Html = { type: 'element'; tagName: string; properties: Record<string, unknown>; children: Html[] } | { type: 'text'; value: string } | { type: 'comment'; value: string };

const element = (tagName: string, properties: Record<string, unknown>, children: Html[]): Html => ({ type: 'element', tagName, properties, children });
const text = (value: string): Html => ({ type: 'text', value });

/** The strings Astro's components rendered; kept identical so pages did not change. */
const CALLOUT_TITLES = { Tip: 'Mẹo', Warning: 'Cẩn thận' } as const;

/** The heading of a <WhenStuck> box (issue 25): the section every task lesson ends its steps with. */
export const WHEN_STUCK_TITLE = 'Khi gặp lỗi';

function textOf(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function attribute(node: Node, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** Line of a parser error ("12:3: Unexpected …"), if it names one. */
function parserErrorLine(message: string): number | undefined {
  const match = /^(\d+):\d+: /.exec(message);
  return match ? Number(match[1]) : undefined;
}

/**
 * The first node nested deeper than MAX_NESTING blocks (or MAX_TREE_DEPTH nodes), walked
 * without recursion so any depth is safe to measure.
 */
function tooDeep(tree: Node): Node | undefined {
  const stack: Array<{ node: Node; blocks: number; depth: number }> = [{ node: tree, blocks: 0, depth: 0 }];
  while (stack.length) {
    const { node, blocks, depth } = stack.pop()!;
    const block = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' || (node.type === 'element' && /^(blockquote|ul|ol)$/.test(node.tagName ?? ''));
    const level = blocks + (block ? 1 : 0);
    if (level > MAX_NESTING || depth > MAX_TREE_DEPTH) return node;
    for (const child of node.children ?? []) stack.push({ node: child, blocks: level, depth: depth + 1 });
  }
  return undefined;
}

/** The body of an .mdx article (frontmatter already removed) as HTML with picture markers. */
export function renderArticle(body: string, options: RenderOptions = {}): RenderedArticle {
  const refuse = (message: string, line: number | undefined, fix?: string): void => {
    const error = new ArticleError(message, line, fix);
    if (!options.onRefusal) throw error;
    options.onRefusal(error);
  };
  // Lines too long or nested too deep: refused before parsing (src/lib/reading/limits.ts).
  const limit = bodyLimitProblem(body);
  if (limit) {
    refuse(limit.message, limit.line, limit.fix);
    return { html: '', images: [], headings: [], uses: [], components: [] };
  }
  let tree: Node;
  try {
    const parse = options.format === 'md' ? markdownToHast : mdxToHast;
    tree = parse(body, { features: { gfm: true, smartPunctuation: true }, position: true }) as unknown as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    refuse(`không đọc được (${message.split('\n')[0]?.replace(/^\d+:\d+: /, '')}); kiểm tra dấu < > { } ở dòng này`, parserErrorLine(message));
    return { html: '', images: [], headings: [], uses: [], components: [] };
  }
  const deep = tooDeep(tree);
  if (deep) {
    refuse(NESTING_MESSAGE, deep.position?.start.line, NESTING_FIX);
    return { html: '', images: [], headings: [], uses: [], components: [] };
  }
  const uses: ArticleUse[] = [];
  const components: ArticleComponent[] = [];
  /** How many editor components enclose the node being converted (a <WhenStuck> is a section of its own). */
  let componentDepth = 0;
  const slugger = new GithubSlugger();
  const images: ArticleImage[] = [];
  const headings: ArticleHeading[] = [];
  const html = (nodes: Html[]) => toHtml(nodes as never, { characterReferences: { useNamedReferences: true } });
  const serialise = options.html !== false;
  const holdsList = (nodes: Html[], tag: 'ol' | 'ul'): boolean => nodes.some((node) => node.type === 'element' && (node.tagName === tag || holdsList(node.children, tag)));

  const children = (node: Node): Html[] => (node.children ?? []).flatMap(convert);

  function component(node: Node): Html[] {
    const line = node.position?.start.line;
    let failed = false;
    const fail = (message: string): void => {
      failed = true;
      refuse(message, line);
    };
    const name = node.name ?? '';
    if ((EDITOR_COMPONENTS as readonly string[]).includes(name)) components.push({ name, line });
    const nested = componentDepth > 0;
    // A <WhenStuck> title comes before its content in the page: its heading goes here in the list.
    const headingAt = headings.length;
    componentDepth++;
    const inner = children(node);
    componentDepth--;
    switch (name) {
      case 'Steps': {
        const problem = editorComponentError('Steps', { html: serialise ? html(inner) : holdsList(inner, 'ol') ? '<ol>' : '' });
        if (problem) fail(problem);
        return failed ? [] : [element('div', { className: ['steps'] }, inner)];
      }
      case 'Tip':
      case 'Warning':
        return [element('div', { className: ['callout', name.toLowerCase()], role: 'note' }, [element('strong', { className: ['callout-title'] }, [text(CALLOUT_TITLES[name])]), ...inner])];
      case 'WhenStuck': {
        // A titled section of the lesson (an h2, so it is in the page's outline like the
        // "## Khi gặp lỗi" it replaces, with the same id), its list styled problem → what to do.
        const problem = editorComponentError('WhenStuck', { html: serialise ? html(inner) : holdsList(inner, 'ul') ? '<ul>' : '', nested });
        if (problem) fail(problem);
        if (failed) return [];
        const id = slugger.slug(WHEN_STUCK_TITLE);
        headings.splice(headingAt, 0, { depth: 2, slug: id, text: WHEN_STUCK_TITLE });
        return [element('section', { className: ['when-stuck'], ariaLabelledBy: id }, [element('h2', { id }, [text(WHEN_STUCK_TITLE)]), ...inner])];
      }
      case 'Figure': {
        const caption = attribute(node, 'caption');
        const problem = editorComponentError('Figure', { caption });
        if (problem) fail(problem);
        if (failed) return [];
        return [element('figure', { className: ['figure'] }, [...inner, element('figcaption', {}, [text(caption!)])])];
      }
      case 'Term': {
        const id = attribute(node, 'id');
        const problem = editorComponentError('Term', { id });
        if (problem) fail(problem);
        if (failed) return [];
        uses.push({ kind: 'term', url: id!, line });
        return [element('a', { className: ['term'], href: routes.glossaryTerm(id!) }, inner)];
      }
      default:
        fail(`thành phần <${name}> không có; chỉ dùng ${COMPONENT_LIST}.`);
        return [];
    }
  }

  function convert(node: Node): Html[] {
    switch (node.type) {
      case 'text':
        return [text(node.value ?? '')];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return component(node);
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // Only an MDX comment {/* … */} reaches here (the check refuses the rest): it is nothing.
        if (COMMENT_ONLY.test(node.value ?? '')) return [];
        refuse(`có biểu thức trong ngoặc nhọn {${node.value ?? ''}}; xoá nó (bài viết không chạy mã lệnh).`, node.position?.start.line);
        return [];
      case 'element':
        return convertElement(node);
      case 'mdxjsEsm':
        refuse('có dòng import/export (mã lệnh JavaScript); xoá dòng đó, các thành phần của trang có sẵn.', node.position?.start.line);
        return [];
      case 'raw':
        refuse(`có mã HTML ${JSON.stringify((node.value ?? '').slice(0, 40))}; chỉ dùng Markdown.`, node.position?.start.line);
        return [];
      default:
        refuse(`có phần không được dùng trong bài (${node.type}); chỉ dùng Markdown và các thành phần của trang.`, node.position?.start.line);
        return [];
    }
  }

  function convertElement(node: Node): Html[] {
    const tagName = node.tagName ?? 'div';
    const line = node.position?.start.line;
    const properties = { ...node.properties };
    if (/^h[1-6]$/.test(tagName)) {
      // As Astro's Markdown does: the id a heading has, else the slug of its text.
      const headingText = textOf(node);
      if (typeof properties['id'] !== 'string') properties['id'] = slugger.slug(headingText);
      headings.push({ depth: Number(tagName[1]), slug: String(properties['id']), text: headingText });
    }
    if (tagName === 'img') {
      const src = String(properties['src'] ?? '');
      const alt = String(properties['alt'] ?? '');
      uses.push({ kind: 'image', url: src, alt, line });
      const refusal = options.images === false ? { message: 'ảnh không dùng được ở đây (trang từ điển không có ảnh)', fix: 'Xoá ảnh; từ điển chỉ có chữ.' } : imageRefusal(src);
      if (refusal) {
        refuse(`${refusal.message}.`, line, refusal.fix);
        return [];
      }
      let decoded: string;
      try {
        decoded = decodeURI(src);
      } catch {
        refuse(`đường dẫn ảnh "${src.slice(0, 40)}" có dấu % viết sai.`, line);
        return [];
      }
      images.push({ src: decoded, alt });
      return [{ type: 'comment', value: `ban-so-image:${images.length - 1}` }];
    }
    // Only <a> and <img> carry a URL in Markdown's HTML; anything else that does is refused.
    for (const key of ['src', 'srcSet', 'poster', 'action', 'formAction', 'cite', 'data']) {
      if (key in properties) {
        refuse(`thẻ <${tagName}> có đường dẫn ${key}, không được phép.`, line);
        return [];
      }
    }
    // GFM writes a column's alignment as style="text-align: …", which the CSP refuses and the
    // allowlist forbids: the same alignment as a class the prose styles know.
    if (typeof properties['style'] === 'string') {
      const align = /^text-align:\s*(left|center|right)$/.exec(properties['style'].trim())?.[1];
      delete properties['style'];
      if (align) properties['className'] = [`align-${align}`];
    }
    const inner = children(node);
    if (tagName === 'a') {
      const href = String(properties['href'] ?? '');
      const refusal = linkRefusal(href);
      if (refusal) {
        refuse(`${refusal.message}.`, line, refusal.fix);
        return [];
      }
      const term = glossaryTermId(href);
      if (term) {
        const problem = editorComponentError('Term', { id: term });
        if (problem) {
          refuse(problem, line);
          return [];
        }
        uses.push({ kind: 'term', url: term, line });
        return [element('a', { className: ['term'], href: routes.glossaryTerm(term) }, inner)];
      }
      uses.push({ kind: 'link', url: href, line });
      return [element('a', { href, title: properties['title'] }, inner)];
    }
    if ('href' in properties) {
      refuse(`thẻ <${tagName}> có đường dẫn, không được phép.`, line);
      return [];
    }
    if (tagName === 'li' && !serialise) return [element('li', properties, inner)];
    if (tagName === 'li') return [element('li', isLinkOnly(html(inner)) ? { ...properties, className: ['link-item'] } : properties, inner)];
    return [element(tagName, properties, inner)];
  }

  const converted = children(tree);
  const out = serialise ? html(converted) : '';
  return { html: out, images, headings, uses, components };
}
