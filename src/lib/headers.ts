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
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
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
