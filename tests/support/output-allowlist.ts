/**
 * The allowlist over the real output (issue 23, item 4): every element and attribute a built page
 * may hold, because our templates, the article renderer or Astro write it. Anything else fails
 * the build tests, whatever check let it through: a `<meta>` other than ours, an `on*` handler, a
 * `style` attribute, `<base>`, `<iframe>`, `<object>`, `<embed>`, an inline script, a form that is
 * not our search, a `javascript:` URL or a URL on another host where the browser would fetch it.
 *
 * URLs (docs/security.md "The allowlist over the real output"):
 * - everywhere: `#fragment`, a path on this site (`/…`, or relative), or an absolute http(s) URL
 *   on SITE_URL's origin;
 * - another host only in `<a href>`, and only with https:, http:, mailto: or tel: (content links
 *   to official sources; a link is not a resource: nothing is fetched until the reader taps it);
 * - never a protocol-relative `//host`, `javascript:`, `vbscript:`, `data:`, `blob:`, `file:` or
 *   any other scheme. A value is judged after the parser decoded its character references, a
 *   second decoding (a double-encoded reference) and removing every control character and
 *   whitespace, so `jav&#x61;script:`, `java&Tab;script:` and ` javascript:` are all caught.
 * - `<link rel=canonical|alternate>` and the `og:url`/`og:image` metas hold absolute URLs:
 *   they must be on SITE_URL.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';

export interface OutputRules {
  /** SITE_URL: absolute URLs on its origin are this site's. */
  site: string;
  /** The only form action allowed: our own search page (routes.search()). */
  searchPath: string;
}

/** Attributes any element may carry (besides aria-*). */
const GLOBAL = new Set(['class', 'id', 'hidden', 'role', 'tabindex', 'lang', 'title']);

/** data-* attributes our templates and scripts use (grep data- in src/). */
const DATA = new Set([
  'data-cache-prefix',
  'data-count',
  // Issue 27: "Gửi qua Zalo" (src/components/share/ShareButton.astro), "Lưu để đọc khi mất sóng"
  // (SaveOffline.astro), the offline page's saved campaigns, and file sizes before they are filled.
  'data-failed',
  'data-remove',
  'data-removed',
  'data-save-cache',
  'data-save-pages',
  // The leaflet pictures a saved campaign or topic may also store, and which size is shown (with them or without).
  'data-save-pictures',
  'data-size',
  'data-saved',
  'data-saved-prefix',
  'data-saving',
  'data-share-name',
  'data-share-picture',
  'data-share-title',
  'data-share-url',
  'data-size-of',
  'data-engine-tag',
  'data-error',
  'data-fit-box',
  'data-footnotes',
  'data-language',
  'data-lessons',
  'data-loading',
  'data-none',
  'data-pagefind-body',
  'data-pagefind-filter',
  'data-pagefind-ignore',
  'data-pagefind-meta',
  'data-place',
  'data-print-button',
  'data-print-variant',
  'data-report-issue',
  'data-save-offline',
  'data-script-read',
  'data-search-record',
  'data-search-terms',
  'data-source',
  'data-summary',
  'data-title',
  'data-topic',
  'data-type',
  'data-value',
]);

/** SVG presentation attributes our charts, icons and QR codes write (src/lib/places/charts.ts, icons.ts, qr.ts). */
const SVG_PAINT = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'font-size', 'font-weight', 'text-anchor', 'shape-rendering'];

/**
 * Element → the attributes it may carry beyond GLOBAL, aria-* and DATA. Templates (src/layouts,
 * src/components, src/pages), the article renderer's Markdown (src/lib/article/render.ts: GFM
 * lists, tasks, tables, footnotes, code) and the CMS page (src/lib/cms/admin-bundle.ts).
 */
const ELEMENTS: Record<string, readonly string[]> = {
  html: [],
  head: [],
  title: [],
  body: [],
  meta: ['charset', 'name', 'property', 'content', 'http-equiv'],
  link: ['rel', 'href', 'type', 'media', 'hreflang', 'as', 'crossorigin', 'sizes'],
  style: [],
  script: ['type', 'src'],
  noscript: [],
  header: [],
  footer: [],
  main: [],
  nav: [],
  article: [],
  section: [],
  div: [],
  span: [],
  p: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  a: ['href', 'rel', 'hreflang', 'download'],
  ul: [],
  ol: ['start'],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  em: [],
  strong: [],
  small: [],
  del: [],
  code: [],
  pre: [],
  blockquote: [],
  // Issue 24: a story's quotation names the article that printed it (src/pages/cau-chuyen/[slug].astro);
  // no attributes, the address is on the <a> inside.
  cite: [],
  hr: [],
  br: [],
  sup: [],
  time: ['datetime'],
  figure: [],
  figcaption: [],
  picture: [],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
  source: ['src', 'srcset', 'sizes', 'type', 'media'],
  audio: ['controls', 'preload'],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['scope'],
  td: [],
  details: [],
  summary: [],
  form: ['action', 'method'],
  fieldset: [],
  legend: [],
  label: ['for'],
  input: ['type', 'name', 'value', 'placeholder', 'autocomplete', 'checked', 'disabled'],
  button: ['type'],
  svg: ['xmlns', 'viewbox', 'width', 'height', ...SVG_PAINT],
  path: ['d', ...SVG_PAINT],
  rect: ['x', 'y', 'width', 'height', 'rx', ...SVG_PAINT],
  circle: ['cx', 'cy', 'r', ...SVG_PAINT],
  line: ['x1', 'x2', 'y1', 'y2', ...SVG_PAINT],
  text: ['x', 'y', ...SVG_PAINT],
  desc: [],
  // svg <title> is the same name as the document's <title>: covered above.
};

/** Why some elements are refused, for a clearer message than "not one of ours". */
const FORBIDDEN: Record<string, string> = {
  base: 'changes where every relative link of the page goes',
  iframe: 'embeds another page',
  frame: 'embeds another page',
  frameset: 'embeds other pages',
  object: 'embeds a plugin or another page',
  embed: 'embeds a plugin',
  applet: 'runs a plugin',
  portal: 'embeds another page',
  template: 'holds markup the site never writes',
  math: 'MathML can carry links and scripts',
  use: 'SVG <use> fetches and copies other markup',
  image: 'SVG <image> fetches a picture',
  foreignobject: 'SVG <foreignObject> embeds HTML',
  animate: 'SVG animation can rewrite a link into javascript:',
  set: 'SVG <set> can rewrite a link into javascript:',
  video: 'our templates play no video',
  track: 'our templates write no text tracks',
  textarea: 'our templates write no text area',
  select: 'our templates write no select',
};

/** Attributes that hold a URL the browser follows or fetches (any element). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'data', 'xlink:href', 'cite', 'background', 'ping', 'longdesc', 'manifest', 'codebase', 'archive', 'icon', 'lowsrc', 'dynsrc', 'imagesrcset']);

/** The metas our layouts write (Base.astro, PrintLayout.astro, SocialMeta.astro, the CMS page). */
const META_NAMES = new Set(['viewport', 'description', 'robots', 'theme-color', 'twitter:card']);
const META_PROPERTIES = new Set(['og:type', 'og:site_name', 'og:locale', 'og:title', 'og:description', 'og:url', 'og:image', 'og:image:width', 'og:image:height']);
/** Metas whose content is a URL (on SITE_URL). */
const META_URLS = new Set(['og:url', 'og:image']);
/** The one http-equiv: Astro's per-page CSP (security.csp). Never refresh, set-cookie, default-style… */
const META_HTTP_EQUIV = new Set(['content-security-policy']);

/** <link rel> values our layouts and the search page write. */
const LINK_RELS = new Set(['canonical', 'icon', 'stylesheet', 'manifest', 'alternate', 'modulepreload', 'preload']);
/** <a rel> values our templates write (pagination: prev, next). */
const ANCHOR_RELS = new Set(['prev', 'next', 'alternate', 'noopener', 'noreferrer']);
/** Schemes a content link may have to another host. */
const LINK_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);

const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', bsol: '\\', period: '.', lpar: '(', rpar: ')', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** One more decoding of character references (numeric, and the named ones that can build a scheme). */
function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** A URL as the browser reads it, for judging: references decoded again, control characters and whitespace removed. */
export function normaliseUrl(value: string): string {
  return decodeReferences(value).replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '');
}

export type UrlVerdict = { kind: 'fragment' | 'site' } | { kind: 'other-host'; scheme: string } | { kind: 'refused'; why: string };

/** What a URL attribute value points at. `site` is SITE_URL. */
export function judgeUrl(value: string, site: string): UrlVerdict {
  const url = normaliseUrl(value);
  if (url === '' || url.startsWith('#')) return { kind: 'fragment' };
  if (/^[/\\][/\\]/.test(url)) return { kind: 'refused', why: 'protocol-relative URL (//host) leaves the site' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // A path on this site ("/x", "x/", "../x"): it can only reach this origin.
    return { kind: 'site' };
  }
  if (['javascript', 'vbscript', 'livescript'].includes(scheme)) return { kind: 'refused', why: `${scheme}: URL runs code` };
  if (scheme === 'http' || scheme === 'https') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { kind: 'refused', why: 'malformed URL' };
    }
    return parsed.origin === new URL(site).origin ? { kind: 'site' } : { kind: 'other-host', scheme: `${scheme}:` };
  }
  if (scheme === 'mailto' || scheme === 'tel') return { kind: 'other-host', scheme: `${scheme}:` };
  return { kind: 'refused', why: `${scheme}: URL (only https:, http:, mailto:, tel: links and this site's own paths)` };
}

function show(element: HTMLElement, attribute?: string): string {
  const tag = element.rawTagName.toLowerCase();
  if (attribute === undefined) return `<${tag}>`;
  const value = element.getAttribute(attribute) ?? '';
  const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return `<${tag} ${attribute}="${shown}">`;
}

const isElement = (node: Node): node is HTMLElement => node.nodeType === 1;

/**
 * Every element and attribute of a built page that our templates do not produce, as
 * "<tag attr="value">: what is wrong". An empty list is a page we could have written.
 */
export function outputProblems(html: string, rules: OutputRules): string[] {
  // pre and noscript are parsed as markup (a browser without JavaScript renders noscript's).
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
  const problems: string[] = [];
  const siteOrigin = new URL(rules.site).origin;
  let cspMetas = 0;

  const stack: Array<{ node: HTMLElement; inHead: boolean }> = root.childNodes
    .filter(isElement)
    .map((node) => ({ node, inHead: false }))
    .reverse();
  while (stack.length > 0) {
    const { node: element, inHead } = stack.pop()!;
    const tag = element.rawTagName.toLowerCase();
    for (const child of [...element.childNodes].reverse()) if (isElement(child)) stack.push({ node: child, inHead: inHead || tag === 'head' });

    const allowed = ELEMENTS[tag];
    // An unknown element is named once; its handlers, styles and URLs are still reported.
    if (allowed === undefined) problems.push(`<${tag}>: not an element our templates write${FORBIDDEN[tag] ? ` (${FORBIDDEN[tag]})` : ''}`);
    for (const [rawName] of Object.entries(element.attributes)) {
      const name = rawName.toLowerCase();
      if (name.startsWith('on')) problems.push(`${show(element, rawName)}: event handler attribute (runs code)`);
      else if (name === 'style') problems.push(`${show(element, rawName)}: style attribute (the CSP refuses it; use a class)`);
      else if (allowed && !GLOBAL.has(name) && !name.startsWith('aria-') && !DATA.has(name) && !allowed.includes(name)) {
        problems.push(`${show(element, rawName)}: attribute ${name} is not one our templates write on <${tag}>`);
      }
      if (URL_ATTRIBUTES.has(name)) problems.push(...urlProblems(element, rawName, tag, rules.site));
    }

    switch (tag) {
      case 'meta': {
        const httpEquiv = element.getAttribute('http-equiv')?.trim().toLowerCase();
        const name = element.getAttribute('name')?.trim().toLowerCase();
        const property = element.getAttribute('property')?.trim().toLowerCase();
        if (!inHead) problems.push(`${show(element)}: a meta outside <head>`);
        if (httpEquiv !== undefined) {
          if (!META_HTTP_EQUIV.has(httpEquiv)) problems.push(`${show(element, 'http-equiv')}: http-equiv other than the page's CSP${httpEquiv === 'refresh' ? ' (a refresh sends the reader elsewhere; no CSP stops it)' : ''}`);
          else cspMetas += 1;
        } else if (name !== undefined) {
          if (!META_NAMES.has(name)) problems.push(`${show(element, 'name')}: not a meta our layouts write`);
        } else if (property !== undefined) {
          if (!META_PROPERTIES.has(property)) problems.push(`${show(element, 'property')}: not a meta our layouts write`);
          else if (META_URLS.has(property)) {
            const verdict = judgeUrl(element.getAttribute('content') ?? '', rules.site);
            const absolute = /^https?:\/\//i.test(normaliseUrl(element.getAttribute('content') ?? ''));
            if (verdict.kind !== 'site' || !absolute) problems.push(`${show(element, 'content')}: ${property} must be an absolute URL on ${siteOrigin}`);
          }
        } else if (element.getAttribute('charset')?.toLowerCase() !== 'utf-8') problems.push(`${show(element)}: not a meta our layouts write`);
        break;
      }
      case 'link': {
        const rels = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        if (rels.length === 0 || rels.some((rel) => !LINK_RELS.has(rel))) problems.push(`${show(element, 'rel')}: not a link our layouts write`);
        if (!inHead) problems.push(`${show(element)}: a link outside <head>`);
        break;
      }
      case 'script': {
        const type = element.getAttribute('type')?.trim().toLowerCase();
        const src = element.getAttribute('src');
        if (type === 'application/ld+json') {
          // Structured data: a data block the browser never runs; it must be data indeed.
          if (src !== undefined) problems.push(`${show(element, 'src')}: JSON-LD is written inline, never fetched`);
          try {
            JSON.parse(element.text);
          } catch {
            problems.push(`<script type="application/ld+json">: not JSON`);
          }
        } else if (type !== 'module' || src === undefined) {
          problems.push(src === undefined ? `${show(element)}: inline script (scripts are files of this site only)` : `${show(element, 'src')}: a classic script (ours are type="module")`);
        } else {
          if (element.text.trim() !== '') problems.push(`${show(element, 'src')}: a script with both src and inline code`);
          if (!normaliseUrl(src).startsWith('/')) problems.push(`${show(element, 'src')}: a script not at a path of this site`);
        }
        break;
      }
      case 'style':
        if (!inHead) problems.push(`${show(element)}: a <style> outside <head> (the inlined CSS lives in <head>)`);
        break;
      case 'form': {
        const action = element.getAttribute('action');
        const method = (element.getAttribute('method') ?? 'get').toLowerCase();
        if (action === undefined || normaliseUrl(action) !== rules.searchPath || method !== 'get') problems.push(`${show(element, 'action')}: the only form is our search (GET ${rules.searchPath})`);
        break;
      }
      case 'input': {
        const type = (element.getAttribute('type') ?? 'text').toLowerCase();
        if (type !== 'search' && type !== 'checkbox') problems.push(`${show(element, 'type')}: our forms have only search boxes and checkboxes`);
        break;
      }
      case 'a': {
        const rels = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        for (const rel of rels) if (!ANCHOR_RELS.has(rel)) problems.push(`${show(element, 'rel')}: rel="${rel}" is not one our templates write`);
        break;
      }
      case 'svg': {
        const xmlns = element.getAttribute('xmlns');
        if (xmlns !== undefined && xmlns !== 'http://www.w3.org/2000/svg') problems.push(`${show(element, 'xmlns')}: not the SVG namespace`);
        break;
      }
      default:
        break;
    }
  }
  if (root.querySelector('html') && cspMetas === 0) problems.push('<head>: no <meta http-equiv="content-security-policy"> (a page served without headers would be open)');
  return problems;
}

/** The problems of one URL attribute. */
function urlProblems(element: HTMLElement, attribute: string, tag: string, site: string): string[] {
  const name = attribute.toLowerCase();
  const value = element.getAttribute(attribute) ?? '';
  const urls =
    name === 'srcset' || name === 'imagesrcset'
      ? value
          .split(',')
          .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
          .filter(Boolean)
      : [value];
  const problems: string[] = [];
  for (const url of urls) {
    const verdict = judgeUrl(url, site);
    if (verdict.kind === 'refused') problems.push(`${show(element, attribute)}: ${verdict.why}`);
    else if (verdict.kind === 'other-host') {
      const link = tag === 'a' && name === 'href' && LINK_SCHEMES.has(verdict.scheme);
      if (!link) problems.push(`${show(element, attribute)}: another host (only an <a href> may point off the site)`);
    }
  }
  return problems;
}
