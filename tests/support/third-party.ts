/**
 * Resources a page would load from another host: the privacy promise "no third-party request"
 * checked on the built files (the browser suite checks the requests themselves).
 * <a href> links are not loaded resources: links to official services are fine.
 */
import { parse } from 'node-html-parser';

/** Attributes that make the browser fetch something, per element (link: by rel). */
const LOADING: Array<[selector: string, attributes: string[]]> = [
  ['img', ['src', 'srcset']],
  ['script', ['src']],
  ['source', ['src', 'srcset']],
  ['iframe', ['src']],
  ['frame', ['src']],
  ['embed', ['src']],
  ['object', ['data']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['track', ['src']],
  ['input[type=image]', ['src']],
  ['image', ['href', 'xlink:href']],
  ['use', ['href', 'xlink:href']],
];

/** <link rel> values that load the target. */
const LOADING_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'manifest', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'mask-icon']);

/** True for a URL that leaves the site: http(s)://, protocol-relative //host. data:/blob:/relative are local. */
export function isForeign(url: string): boolean {
  return /^\s*(https?:)?\/\//i.test(url);
}

function urlsOf(attribute: string, value: string): string[] {
  if (attribute !== 'srcset') return [value];
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Foreign resource URLs in an HTML document, as "<tag attr>: url". Inline <style> is scanned too. */
export function foreignResourcesInHtml(html: string): string[] {
  const root = parse(html, { comment: false });
  const found: string[] = [];
  for (const [selector, attributes] of LOADING) {
    for (const element of root.querySelectorAll(selector)) {
      for (const attribute of attributes) {
        const value = element.getAttribute(attribute);
        if (value === undefined) continue;
        for (const url of urlsOf(attribute, value)) if (isForeign(url)) found.push(`<${element.rawTagName} ${attribute}>: ${url}`);
      }
    }
  }
  for (const link of root.querySelectorAll('link[href]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.getAttribute('href') ?? '';
    if (rels.some((rel) => LOADING_RELS.has(rel)) && isForeign(href)) found.push(`<link rel=${rels.join(' ')}>: ${href}`);
  }
  for (const style of root.querySelectorAll('style')) found.push(...foreignResourcesInCss(style.text));
  for (const element of root.querySelectorAll('[style]')) found.push(...foreignResourcesInCss(element.getAttribute('style') ?? ''));
  return found;
}

/** Foreign url(…) and @import in CSS. */
export function foreignResourcesInCss(css: string): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi)) {
    const url = match[2] ?? match[4] ?? '';
    if (isForeign(url)) found.push(`css: ${url}`);
  }
  return found;
}
