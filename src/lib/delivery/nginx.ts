/**
 * docs/nginx.conf, read as a program reads it (issue 28). The file has two parts a commune
 * installs separately: the security block (saved as /etc/nginx/snippets/ban-so-security.conf)
 * and the `server { … }` block (saved in /etc/nginx/sites-available/). The tests run both in
 * Debian's nginx with only the root and the port changed (tests/support/nginx.ts), and compare
 * what it sends with what public/_headers gives the same path (`headerDifferences`).
 */

export const SECURITY_START = '# Security (issue 8)';
export const SECURITY_END = '# End of security (issue 8)';
/** Where the server block includes the security block from (relative to nginx's conf dir). */
export const SECURITY_SNIPPET = 'snippets/ban-so-security.conf';

export class NginxConfError extends Error {}

export interface NginxParts {
  /** The add_header lines of the security block, as the snippet file holds them. */
  security: string;
  /** The `server { … }` block, from its first line to its closing brace. */
  server: string;
}

/** The two files a commune saves, cut from docs/nginx.conf. */
export function splitNginxConf(text: string): NginxParts {
  const start = text.indexOf(SECURITY_START);
  const end = text.indexOf(SECURITY_END);
  if (start === -1 || end === -1 || end < start) {
    throw new NginxConfError(`nginx.conf: the security block must start with "${SECURITY_START}" and end with "${SECURITY_END}"`);
  }
  const security = text.slice(text.indexOf('\n', start) + 1, end);
  const open = /^server\s*\{/m.exec(text);
  if (!open) throw new NginxConfError('nginx.conf: no "server {" line');
  let depth = 0;
  for (let index = open.index; index < text.length; index++) {
    const char = text[index];
    if (char === '#') {
      index = text.indexOf('\n', index);
      if (index === -1) break;
      continue;
    }
    if (char === '{') depth++;
    if (char === '}' && --depth === 0) return { security, server: text.slice(open.index, index + 1) };
  }
  throw new NginxConfError('nginx.conf: the server block has no closing "}"');
}

/**
 * The server block with only its root and listen address changed (for a test on 127.0.0.1).
 * Each must appear exactly once at the server level, so a test never runs a config it edited
 * elsewhere.
 */
export function withRootAndPort(server: string, root: string, port: number): string {
  let result = server;
  for (const [directive, value] of [
    ['root', root],
    ['listen', `127.0.0.1:${port}`],
  ] as const) {
    const pattern = new RegExp(`^(\\s*)${directive}\\s+[^;]+;`, 'gm');
    const found = result.match(pattern) ?? [];
    if (found.length !== 1) throw new NginxConfError(`nginx.conf: expected one "${directive}" line in the server block, found ${found.length}`);
    result = result.replace(pattern, (_match, indent: string) => `${indent}${directive} ${value};`);
  }
  return result;
}

export interface MainConfigOptions {
  /** A scratch folder of the test's own: pid, logs and temp files go there. */
  prefix: string;
  /** The server block file (absolute). */
  serverFile: string;
  /** Dynamic modules to load (absolute .so paths), e.g. Debian's brotli_static. */
  modules: readonly string[];
  /** Debian's mime.types (absolute). */
  mimeTypes: string;
  /**
   * The user the worker runs as when nginx is started by root (otherwise `nobody`, who cannot
   * read a site in a private temp folder). Leave it out when not root: nginx would warn.
   */
  user?: string | undefined;
}

/**
 * A main nginx.conf that runs as any user, in the foreground, with everything under `prefix`.
 * Its http block is that of Debian's /etc/nginx/nginx.conf (mime types, default type, sendfile,
 * gzip on), so the server block runs as it would on a commune's Debian machine.
 */
export function mainConfig(options: MainConfigOptions): string {
  const { prefix } = options;
  return [
    ...options.modules.map((module) => `load_module ${module};`),
    ...(options.user ? [`user ${options.user};`] : []),
    'daemon off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    'events { worker_connections 512; }',
    'http {',
    `    include ${options.mimeTypes};`,
    '    default_type application/octet-stream;',
    '    sendfile on;',
    '    tcp_nopush on;',
    '    types_hash_max_size 2048;',
    '    server_tokens off;',
    '    gzip on;',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${prefix}/tmp/${kind};`),
    `    include ${options.serverFile};`,
    '}',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Comparing headers

/** Headers as a plain object with lower-case names (a fetch Response's, or _headers' for a path). */
export type HeaderMap = Record<string, string>;

/**
 * What a server sent that differs from what _headers gives the same path, for every header name
 * _headers sets anywhere (`names`): a value that differs, a header missing, or one sent where
 * _headers has none. Content-Type is compared by media type only (nginx adds "; charset=utf-8"
 * to text types, a static host may not). Empty = the same.
 */
export function headerDifferences(path: string, expected: HeaderMap, actual: HeaderMap, names: Iterable<string>): string[] {
  const problems: string[] = [];
  for (const name of new Set([...names].map((n) => n.toLowerCase()))) {
    let want = expected[name];
    let got = actual[name];
    if (name === 'content-type') {
      if (want === undefined) continue; // every response has one; only a rule that sets it is compared
      want = mediaType(want);
      got = got === undefined ? undefined : mediaType(got);
    }
    if (want === got) continue;
    if (got === undefined) problems.push(`${path}: ${name} missing (_headers: "${want}")`);
    else if (want === undefined) problems.push(`${path}: ${name} is "${got}", but _headers sends none`);
    else problems.push(`${path}: ${name} is "${got}", _headers: "${want}"`);
  }
  return problems;
}

function mediaType(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase();
}

/** Every header name a _headers file sets or removes, lower case. */
export function headerNames(rules: ReadonlyArray<{ headers: ReadonlyArray<readonly [string, string | null]> }>): Set<string> {
  return new Set(rules.flatMap((rule) => rule.headers.map(([name]) => name)));
}

// ---------------------------------------------------------------------------------------------
// Reading the add_header lines without running nginx (the unit test of the drift fixture)

interface Location {
  modifier: '' | '=' | '~' | '^~';
  match: string;
  headers: Array<[string, string]>;
  hasHeaders: boolean;
  children: Location[];
}

/**
 * The headers nginx adds (add_header … always) for a path, worked out from the config text:
 * exact `=` locations first, then the longest prefix, then a regex location nested in it; a
 * location with add_header lines of its own inherits none (nginx's rule, the reason every
 * location includes the snippet). Enough for docs/nginx.conf, not for every nginx config.
 */
export function nginxHeadersFor(text: string, pathname: string): HeaderMap {
  const { security, server } = splitNginxConf(text);
  const snippet = addHeaders(security);
  const root = parseLocations(server, snippet);
  const chain = [root];
  let current = root;
  for (;;) {
    const next = pick(current.children, pathname);
    if (!next) break;
    chain.push(next);
    current = next;
  }
  for (const location of chain.reverse()) {
    if (location.hasHeaders) return Object.fromEntries(location.headers.map(([name, value]) => [name.toLowerCase(), value]));
  }
  return {};
}

function addHeaders(text: string): Array<[string, string]> {
  return [...text.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"(?:\s+always)?\s*;/gm)].map((match) => [match[1]!, match[2]!]);
}

function pick(locations: readonly Location[], pathname: string): Location | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.match === pathname);
  if (exact) return exact;
  const prefix = locations.filter((l) => (l.modifier === '' || l.modifier === '^~') && pathname.startsWith(l.match)).sort((a, b) => b.match.length - a.match.length)[0];
  if (prefix && prefix.modifier !== '^~') {
    const nested = prefix.children.find((l) => l.modifier === '~' && new RegExp(l.match).test(pathname));
    if (nested) return { ...prefix, children: [nested] };
  }
  const regex = prefix?.modifier === '^~' ? undefined : locations.find((l) => l.modifier === '~' && new RegExp(l.match).test(pathname));
  return regex ?? (prefix ? { ...prefix, children: [] } : undefined);
}

function parseLocations(server: string, snippet: Array<[string, string]>): Location {
  const root: Location = { modifier: '', match: '', headers: [], hasHeaders: false, children: [] };
  const stack = [root];
  for (const raw of server.split('\n').slice(1)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const top = stack[stack.length - 1]!;
    const open = /^location\s+(=|~|\^~)?\s*(\S+)\s*\{$/.exec(line);
    if (open) {
      const location: Location = { modifier: (open[1] ?? '') as Location['modifier'], match: open[2]!, headers: [], hasHeaders: false, children: [] };
      top.children.push(location);
      stack.push(location);
    } else if (line.endsWith('{')) {
      // Another block (types { … }): not a location; its lines add no headers.
      stack.push({ modifier: '', match: '', headers: [], hasHeaders: false, children: [] });
    } else if (line === '}') {
      stack.pop();
    } else if (/^include\s+/.test(line)) {
      if (line.includes(SECURITY_SNIPPET)) {
        top.headers.push(...snippet);
        top.hasHeaders = true;
      }
    } else if (line.startsWith('add_header')) {
      top.headers.push(...addHeaders(line));
      top.hasHeaders = true;
    }
  }
  return root;
}
