/**
 * The `_headers` file of static hosts (Netlify, Cloudflare Pages): a URL pattern on its own
 * line, then indented `Name: value` lines. `#` starts a comment line. In a pattern `*` matches
 * anything (also "/") and `:name` one path segment. Every rule that matches a path applies;
 * a header set by several rules is joined with ", " (what Cloudflare Pages does), and a
 * `! Name` line removes what earlier rules set for that name (Cloudflare Pages' "detach").
 * The browser tests serve dist/ with exactly these headers (tests/browser/quality.test.ts).
 */

export interface HeaderRule {
  pattern: string;
  /** 1-based line of the pattern, for messages. */
  line: number;
  /** A value of null is a `! Name` line: drop the header set by earlier matching rules. */
  headers: Array<[name: string, value: string | null]>;
}

export class HeadersSyntaxError extends Error {}

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const indented = /^\s/.test(raw);
      if (!indented) {
        if (!trimmed.startsWith('/') && !/^https?:\/\//.test(trimmed)) {
          throw new HeadersSyntaxError(`_headers:${line}: "${trimmed}" should be a URL pattern starting with "/" (header lines are indented)`);
        }
        current = { pattern: trimmed, line, headers: [] };
        rules.push(current);
        return;
      }
      if (!current) throw new HeadersSyntaxError(`_headers:${line}: header line before any URL pattern`);
      const detach = /^!\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)$/.exec(trimmed);
      if (detach) {
        current.headers.push([detach[1]!.toLowerCase(), null]);
        return;
      }
      const colon = trimmed.indexOf(':');
      if (colon <= 0) throw new HeadersSyntaxError(`_headers:${line}: "${trimmed}" should be "Name: value"`);
      const name = trimmed.slice(0, colon).trim();
      if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw new HeadersSyntaxError(`_headers:${line}: "${name}" is not a valid header name`);
      current.headers.push([name.toLowerCase(), trimmed.slice(colon + 1).trim()]);
    });
  return rules;
}

function patternToRegExp(pattern: string): RegExp {
  const path = pattern.replace(/^https?:\/\/[^/]+/, '');
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Whether a rule's pattern matches a URL path ("/bai-hoc/x/"). */
export function matches(pattern: string, pathname: string): boolean {
  return patternToRegExp(pattern).test(pathname);
}

/** The headers a host sends for a path: every matching rule, in file order. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      if (value === null) delete result[name];
      else result[name] = result[name] === undefined ? value : `${result[name]}, ${value}`;
    }
  }
  return result;
}

/** A Content-Security-Policy as directive → sources ("script-src" → ["'self'"]). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Directives a `<meta>` CSP cannot carry: the browser ignores them there (with a console warning),
 * so only the header can send them (CSP Level 3, §3.3).
 */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

/** A header policy as a `<meta>` may carry it: the same directives, less the header-only ones. */
export function metaPolicy(policy: string): string {
  return [...parseCsp(policy)]
    .filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The directives Astro's `security.csp.directives` accepts (every one a meta can carry but script-src/style-src). */
const ASTRO_DIRECTIVES = ['base-uri', 'child-src', 'connect-src', 'default-src', 'font-src', 'form-action', 'frame-src', 'img-src', 'manifest-src', 'media-src', 'object-src', 'upgrade-insecure-requests', 'worker-src'] as const;
export type AstroCspDirective = `${(typeof ASTRO_DIRECTIVES)[number]}${string}`;

/**
 * The header policy's directives for Astro's per-page meta (`security.csp.directives` in
 * astro.config.mjs; issue 23): everything a meta can carry, except script-src and style-src
 * (and their -elem/-attr forms), which Astro writes itself with each page's hashes. A page served
 * without our headers (GitHub Pages) is then as closed as with them. A directive this function
 * does not know fails the build, so a rule added to `_headers` never silently misses the meta.
 */
export function astroCspDirectives(policy: string): AstroCspDirective[] {
  const directives: AstroCspDirective[] = [];
  for (const [name, sources] of parseCsp(policy)) {
    if (HEADER_ONLY_DIRECTIVES.includes(name) || /^(script|style)-src(-elem|-attr)?$/.test(name)) continue;
    const known = ASTRO_DIRECTIVES.find((directive) => directive === name);
    if (!known) throw new Error(`_headers: the CSP directive "${name}" has no place in Astro's security.csp.directives; add it in astro.config.mjs by hand or to ASTRO_DIRECTIVES in src/lib/delivery/headers.ts.`);
    directives.push(`${known}${sources.length > 0 ? ` ${sources.join(' ')}` : ''}`);
  }
  return directives;
}

/** The Content-Security-Policy `_headers` sends for a path (throws when there is none). */
export function headerPolicyFor(headersText: string, pathname: string): string {
  const policy = headersFor(parseHeaders(headersText), pathname)['content-security-policy'];
  if (!policy) throw new Error(`_headers sends no Content-Security-Policy for ${pathname}`);
  return policy;
}
