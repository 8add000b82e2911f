import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast } from 'satteri';
import { editorComponentError } from '../content/component-errors.ts';
import { COMMENT_ONLY, COMPONENT_LIST } from '../content/mdx-safety.ts';
import { isLinkOnly } from '../link-only.ts';
import { glossaryTermId, routes } from '../routes.ts';

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
 * Pictures need Astro's image pipeline, so each local picture becomes a marker
 * (`<!--ban-so-image:N-->`) that ArticleBody.astro replaces with a responsive <picture>.
 */

/** Bump when the HTML made here changes: cached articles from older builds are made again (tests/unit/article.test.ts fails until you do). */
export const ARTICLE_RENDER_VERSION = 1;

export interface ArticleImage {
  /** As written in the article: relative to the article's file (../images/x.png). */
  src: string;
  alt: string;
}

export interface RenderedArticle {
  html: string;
  images: ArticleImage[];
}

export const IMAGE_MARKER = /<!--ban-so-image:(\d+)-->/g;

/** A body that cannot become a page; `line` is 1-based in the body given. */
export class ArticleError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
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

const isLocalImage = (src: string) => !src.startsWith('/') && !URL.canParse(src);

function textOf(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function attribute(node: Node, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** The body of an .mdx article (frontmatter already removed) as HTML with picture markers. */
export function renderArticle(body: string): RenderedArticle {
  const tree = mdxToHast(body, { features: { gfm: true, smartPunctuation: true }, position: true }) as unknown as Node;
  const slugger = new GithubSlugger();
  const images: ArticleImage[] = [];
  const html = (nodes: Html[]) => toHtml(nodes as never, { characterReferences: { useNamedReferences: true } });

  const children = (node: Node): Html[] => (node.children ?? []).flatMap(convert);

  function component(node: Node): Html[] {
    const line = node.position?.start.line;
    const fail = (message: string): never => {
      throw new ArticleError(message, line);
    };
    const name = node.name ?? '';
    const inner = children(node);
    switch (name) {
      case 'Steps': {
        const problem = editorComponentError('Steps', { html: html(inner) });
        if (problem) fail(problem);
        return [element('div', { className: ['steps'] }, inner)];
      }
      case 'Tip':
      case 'Warning':
        return [element('div', { className: ['callout', name.toLowerCase()], role: 'note' }, [element('strong', { className: ['callout-title'] }, [text(CALLOUT_TITLES[name])]), ...inner])];
      case 'Figure': {
        const caption = attribute(node, 'caption');
        const problem = editorComponentError('Figure', { caption });
        if (problem) fail(problem);
        return [element('figure', { className: ['figure'] }, [...inner, element('figcaption', {}, [text(caption!)])])];
      }
      case 'Term': {
        const id = attribute(node, 'id');
        const problem = editorComponentError('Term', { id });
        if (problem) fail(problem);
        return [element('a', { className: ['term'], href: routes.glossaryTerm(id!) }, inner)];
      }
      default:
        return fail(`thành phần <${name}> không có; chỉ dùng ${COMPONENT_LIST}.`);
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
        throw new ArticleError(`có biểu thức trong ngoặc nhọn {${node.value ?? ''}}; xoá nó (bài viết không chạy mã lệnh).`, node.position?.start.line);
      case 'element':
        return [convertElement(node)];
      case 'mdxjsEsm':
        throw new ArticleError('có dòng import/export (mã lệnh JavaScript); xoá dòng đó, các thành phần của trang có sẵn.', node.position?.start.line);
      default:
        throw new ArticleError(`có phần không được dùng trong bài (${node.type}); chỉ dùng Markdown và các thành phần của trang.`, node.position?.start.line);
    }
  }

  function convertElement(node: Node): Html {
    const tagName = node.tagName ?? 'div';
    const properties = { ...node.properties };
    if (/^h[1-6]$/.test(tagName) && typeof properties['id'] !== 'string') properties['id'] = slugger.slug(textOf(node));
    if (tagName === 'img') {
      const src = String(properties['src'] ?? '');
      const alt = String(properties['alt'] ?? '');
      if (!isLocalImage(src)) return element('img', { src, alt, loading: 'lazy', decoding: 'async' }, []);
      images.push({ src: decodeURI(src), alt });
      return { type: 'comment', value: `ban-so-image:${images.length - 1}` };
    }
    const inner = children(node);
    if (tagName === 'a') {
      const href = String(properties['href'] ?? '');
      const term = glossaryTermId(href);
      if (term) {
        const problem = editorComponentError('Term', { id: term });
        if (problem) throw new ArticleError(problem, node.position?.start.line);
        return element('a', { className: ['term'], href: routes.glossaryTerm(term) }, inner);
      }
      return element('a', { href, title: properties['title'] }, inner);
    }
    if (tagName === 'li') return element('li', isLinkOnly(html(inner)) ? { ...properties, className: ['link-item'] } : properties, inner);
    return element(tagName, properties, inner);
  }

  const out = html(children(tree));
  return { html: out, images };
}
