/**
 * What a real server (nginx, a static host's runtime) sends for every file of dist/, compared with
 * what public/_headers gives the same path (issue 28). Shared by tests/browser/nginx.test.ts and
 * tests/browser/static-host.test.ts; the comparison itself is src/lib/delivery/nginx.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { headersFor, parseHeaders } from '../../src/lib/delivery/headers.ts';
import { headerDifferences, headerNames, type HeaderMap } from '../../src/lib/delivery/nginx.ts';
import { contentTypeOf } from '../../src/lib/delivery/static-server.ts';

/** One path for every rule of public/_headers and every location of docs/nginx.conf: what a host's headers are checked on. */
export const HEADER_RULE_PATHS: readonly string[] = [
  '/',
  '/bai-hoc/x/',
  '/bai-hoc/x/to-roi.pdf',
  '/_astro/a.B1c.js',
  '/am-thanh/x-1a2b.opus',
  '/pagefind/pagefind.js',
  '/pagefind/fragment/x.pf_fragment',
  '/sw.js',
  '/manifest.webmanifest',
  '/admin/',
  '/admin/config.yml',
  '/admin/cms-AbC_1.js',
  '/robots.txt',
];

/** Every file of dist/ as the path a browser asks for ("/bai-hoc/x/" for its index.html), twins and _headers left out. */
export function servedPaths(dist: string): Array<{ url: string; file: string }> {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => !/\.(br|gz)$/.test(file) && !['_headers', '_redirects'].includes(file))
    .map((file) => path.join(dist, file))
    .filter((file) => statSync(file).isFile())
    .map((file) => {
      const web = `/${path.relative(dist, file).split(path.sep).join('/')}`;
      return { url: web.endsWith('/index.html') ? web.slice(0, -'index.html'.length) : web, file };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

export interface RawResponse {
  status: number;
  headers: HeaderMap;
  body: Buffer;
}

/** One GET as the bytes came (no decompression, no URL normalising: a traversal attempt goes as written). */
export function rawGet(base: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: pathAndQuery, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const flat: HeaderMap = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: response.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Media types that mean the same to a browser. */
const SAME_TYPE: Record<string, string> = { 'application/javascript': 'text/javascript', 'text/xml': 'application/xml' };
const media = (value: string | undefined) => {
  const type = (value ?? '').split(';')[0]!.trim().toLowerCase();
  return SAME_TYPE[type] ?? type;
};

/**
 * Every file of dist/ fetched from `base` (brotli and gzip accepted, as a phone does): status 200,
 * the Content-Type its extension calls for, and every header _headers names equal to what
 * _headers gives that path. Also the 404 page. Returns the problems (empty = the same).
 */
export interface HostDifferences {
  /** Paths the host answers with a redirect, not the file (Cloudflare Pages: /404.html → /404). */
  redirected?: (url: string) => boolean;
  /** Content types the host sends for an extension where ours has none of its own (".yml"). */
  types?: Record<string, string>;
}

export async function servedHeaderProblems(base: string, dist: string, host: HostDifferences = {}): Promise<string[]> {
  const rules = parseHeaders(readFileSync(path.join(dist, '_headers'), 'utf8'));
  const names = headerNames(rules);
  const problems: string[] = [];
  const targets = [...servedPaths(dist).filter(({ url }) => !host.redirected?.(url)), { url: '/khong-co-trang-nay/', file: path.join(dist, '404.html') }];
  for (let index = 0; index < targets.length; index += 8) {
    await Promise.all(
      targets.slice(index, index + 8).map(async ({ url, file }) => {
        const response = await rawGet(base, encodeURI(url), { 'accept-encoding': 'br, gzip' });
        const wantStatus = url === '/khong-co-trang-nay/' ? 404 : 200;
        if (response.status !== wantStatus) problems.push(`${url}: status ${response.status}, not ${wantStatus}`);
        const type = host.types?.[path.extname(file)] ?? contentTypeOf(file);
        if (media(response.headers['content-type']) !== media(type)) problems.push(`${url}: content-type "${response.headers['content-type']}", not ${type}`);
        problems.push(...headerDifferences(url, headersFor(rules, url), response.headers, names));
      }),
    );
  }
  return problems;
}
