/**
 * Checks the browser suite runs on every template (tests/browser/quality.test.ts), written as
 * functions that return problems (empty = fine), so the same checks can be shown to fail on
 * broken pages (tests/browser/quality-fixtures.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Moved to src/lib so the bench serves dist/ as the browser tests do.
export { serveWithHeaders } from '../../src/lib/delivery/static-server.ts';

/** Smallest touch target, CSS px (WCAG 2.5.5 AAA / our design rule). */
export const TOUCH = 44;

/** Records every request of a context; `foreign()` lists those that left 127.0.0.1. */
export function recordRequests(context: BrowserContext): { all: string[]; foreign: () => string[] } {
  const all: string[] = [];
  context.on('request', (request) => all.push(request.url()));
  return {
    all,
    foreign: () =>
      all.filter((url) => {
        const parsed = new URL(url);
        if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
        return parsed.hostname !== '127.0.0.1';
      }),
  };
}

/**
 * Collects CSP violations the browser reports: `securitypolicyviolation` events (an init
 * script, which CSP does not govern) and "Content Security Policy" console errors.
 */
export async function watchCsp(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile || 'page'}:${event.lineNumber}`);
    });
  });
  const console = new WeakMap<Page, string[]>();
  context.on('page', (page) => {
    const messages: string[] = [];
    console.set(page, messages);
    page.on('console', (message) => {
      if (/Content[ -]Security[ -]Policy/i.test(message.text())) messages.push(`console: ${message.text()}`);
    });
  });
  return async (page) => {
    const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    return [...events, ...(console.get(page) ?? [])];
  };
}

/** axe-core, every rule, every impact. Needs a context with bypassCSP (the script is injected). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return runAxe(page);
}

/**
 * axe-core in a page as it was served, its CSP in force: the script goes in through the DevTools
 * protocol, which a page's CSP does not govern, so the page needs no second load with the CSP
 * bypassed (a load and its settling cost about 1.5 s of CPU: docs/performance.md §9). Read the
 * page's own CSP violations first: any that come after could be axe's.
 */
export async function axeViolationsUnderCsp(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return runAxe(page);
}

async function runAxe(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`,
    );
  });
  return violations;
}

/** Sideways scrolling of the page itself (a wide table inside its own .table-scroll is fine). */
export async function sidewaysScroll(page: Page): Promise<string | undefined> {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    let widest = '';
    let right = root.clientWidth;
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 0.5 && !element.closest('.table-scroll')) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''} (right edge ${Math.round(box.right)}px)`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
  return scrollWidth > clientWidth ? `scrollWidth ${scrollWidth} > ${clientWidth}; widest: ${widest || '?'}` : undefined;
}

/** Page zoomed to 200% text: the root font size doubled (set through CSSOM, allowed by the CSP). */
export async function zoomText(page: Page, percent: number): Promise<void> {
  await page.evaluate((value) => {
    document.documentElement.style.fontSize = `${value}%`;
  }, percent);
}

/**
 * Interactive elements smaller than 44×44 CSS px. Exempt, as in WCAG 2.5.8's inline exception:
 * a link laid out inline inside running text (its block also holds text outside the link), whose
 * height is set by the line of text. Hidden elements are not targets.
 */
export async function smallTargets(page: Page, size = TOUCH): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    for (const element of targets) {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || element.closest('[hidden]') || element.getClientRects().length === 0) continue;
      if (element.classList.contains('skip-link')) continue; // off screen until focused; checked by the keyboard test
      // A checkbox inside its <label> is hit through the label: measure the label.
      const target = element.matches('input[type=checkbox], input[type=radio]') && element.closest('label') ? element.closest('label')! : element;
      const box = target.getBoundingClientRect();
      if (box.width >= min - 0.01 && box.height >= min - 0.01) continue;
      if (style.display === 'inline' && element.tagName === 'A') {
        let block: HTMLElement | null = element.parentElement;
        while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
        const own = (element.textContent ?? '').trim().length;
        const around = (block?.textContent ?? '').trim().length;
        if (around > own + 1) continue; // a link in a sentence
      }
      const label = (element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 40);
      const parent = element.parentElement;
      const where = parent ? `${parent.tagName.toLowerCase()}${parent.className ? `.${String(parent.className).split(' ').join('.')}` : ''} > ` : '';
      small.push(`${where}<${element.tagName.toLowerCase()}> "${label}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  }, size);
}

/** Inline code the CSP forbids, found in the DOM: on* handlers, javascript: URLs, inline scripts, style="". */
export async function inlineCode(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (/^on/i.test(attribute)) found.push(`<${element.tagName.toLowerCase()} ${attribute}>`);
        if (attribute === 'style') found.push(`<${element.tagName.toLowerCase()} style="${element.getAttribute('style')}">`);
        if (/^\s*javascript:/i.test(element.getAttribute(attribute) ?? '')) found.push(`<${element.tagName.toLowerCase()} ${attribute}="javascript:…">`);
      }
    }
    for (const script of document.querySelectorAll('script:not([src])')) {
      if (script.getAttribute('type') !== 'application/ld+json') found.push(`inline <script>${(script.textContent ?? '').slice(0, 40)}`);
    }
    return found;
  });
}

/**
 * Keyboard: the first Tab reaches the skip link, which shows on screen; Enter moves focus to
 * <main>. Then Tab through every focusable element: each must show a focus indicator (an
 * outline of at least 2px or a box-shadow) and be inside the viewport.
 */
export async function keyboardProblems(page: Page, maxTabs = 150): Promise<string[]> {
  const problems: string[] = [];
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const box = element?.getBoundingClientRect();
    return { isSkip: !!element?.classList.contains('skip-link'), href: element?.getAttribute('href'), visible: !!box && box.top >= 0 && box.bottom <= innerHeight && box.width > 0 };
  });
  if (!skip.isSkip) problems.push('the first Tab does not reach the skip link');
  else {
    if (!skip.visible) problems.push('the focused skip link is not visible on screen');
    await page.keyboard.press('Enter');
    const landed = await page.evaluate(() => ({ hash: location.hash, active: document.activeElement?.id ?? document.activeElement?.tagName }));
    if (landed.active !== 'main') problems.push(`after the skip link, focus is on ${landed.active}, not <main id="main">`);
  }
  const seen = new Set<string>();
  for (let index = 0; index < maxTabs; index++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const path = (() => {
        const parts: string[] = [];
        for (let node: Element | null = element; node && parts.length < 4; node = node.parentElement) {
          parts.unshift(`${node.tagName.toLowerCase()}:nth-child(${node.parentElement ? [...node.parentElement.children].indexOf(node) + 1 : 1})`);
        }
        return parts.join('>');
      })();
      return {
        path,
        label: `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 30)}"`,
        indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
      };
    });
    if (!state || seen.has(state.path)) break; // wrapped around to the start
    seen.add(state.path);
    if (!state.indicator) problems.push(`${state.label}: no visible focus indicator`);
    if (!state.inView) problems.push(`${state.label}: focused but outside the viewport`);
  }
  if (seen.size === 0) problems.push('Tab reaches nothing after the skip link');
  return problems;
}

/** The font phones render Vietnamese with; the layout checks measure pages set in it. */
export const PHONE_FONT = 'Noto Sans';
export const PHONE_FONT_PACKAGE = 'fonts-noto-core';

/**
 * The font families Chromium really used for the text of the first element matching `selector`
 * (DevTools' "Rendered fonts"), most glyphs first.
 */
export async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) return [];
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount).map((font) => font.familyName);
  } finally {
    await cdp.detach();
  }
}

/**
 * Undefined when the body text is set in Noto Sans; otherwise what was used and how to install
 * the phone font, so a layout test never silently measures another font.
 */
export async function phoneFontProblem(page: Page, selector = 'main p, main li, main h1'): Promise<string | undefined> {
  const fonts = await renderedFonts(page, selector);
  if (fonts[0] === PHONE_FONT) return undefined;
  return `text of "${selector}" was rendered in ${fonts.join(', ') || 'no font'}, not ${PHONE_FONT}: layout tests measure pages in the phone font. Install it: apt-get install -y ${PHONE_FONT_PACKAGE}`;
}
