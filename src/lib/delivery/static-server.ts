import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { headersFor, parseHeaders } from './headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type of a file by its extension, as a static host sends it. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file)] ?? 'application/octet-stream';
}

const TEXT = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest)$/;
const compressed = new Map<string, { br: Buffer; gzip: Buffer }>();

/**
 * A precompressed twin written after its file, so a test that edits a page gets the edit. Strictly
 * after: file times tick in steps of a few ms, and a copy and an edit can share one step.
 */
function fresh(twin: string): boolean {
  return existsSync(twin) && statSync(twin).mtimeMs > statSync(twin.replace(/\.(br|gz)$/, '')).mtimeMs;
}

/** Brotli-11 and gzip-9 of a text file, as a well-configured host sends it (cached per file version). */
function compress(file: string): { br: Buffer; gzip: Buffer } {
  // Keyed by modification time too: a test that edits a file (a new deployment) gets the edit.
  const key = `${file}\0${statSync(file).mtimeMs}`;
  let entry = compressed.get(key);
  if (!entry) {
    const raw = readFileSync(file);
    entry = {
      br: fresh(`${file}.br`) ? readFileSync(`${file}.br`) : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: fresh(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(raw, { level: 9 }),
    };
    compressed.set(key, entry);
  }
  return entry;
}

/** What a request path is: a file to send (200, or 404 with the site's 404 page), or an error status. */
export type Resolved = { status: 200 | 404; file: string; pathname: string } | { status: 400 | 403 | 404; file?: undefined; pathname?: string };

/** The real path of a file, or undefined when it does not exist (or a link in it is broken). */
function realFile(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Whether `file` (a real path) is `root` (a real path) or inside it: a separator after the root, so /tmp/dist-x is not in /tmp/dist. */
export function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/**
 * The file a request URL asks for under `root` (issue 23): the decoded path is joined to the root,
 * then the REAL path (symlinks followed) must be inside the real root, checked with a trailing
 * separator. A malformed escape ("%E0%A4%A", "%zz") or a NUL is 400; a path that leaves the root
 * ("/..%2f…", "%2e%2e", a symlink pointing outside) is 403; a missing file is the site's 404 page.
 */
export function resolveRequest(root: string, requestUrl: string): Resolved {
  const realRoot = realFile(root);
  if (!realRoot) return { status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://x').pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0')) return { status: 400 };
  // Lexically first: "/../x" and "/..%2fx" (decoded to "/../x") never reach the file system.
  const joined = path.join(realRoot, pathname);
  if (!isInside(realRoot, joined)) return { status: 403, pathname };
  let real = realFile(joined);
  if (real && !isInside(realRoot, real)) return { status: 403, pathname };
  if (real && statSync(real).isDirectory()) {
    real = realFile(path.join(real, 'index.html'));
    if (real && !isInside(realRoot, real)) return { status: 403, pathname };
  }
  if (real && statSync(real).isFile()) return { status: 200, file: real, pathname };
  const notFound = realFile(path.join(realRoot, '404.html'));
  return notFound && isInside(realRoot, notFound) ? { status: 404, file: notFound, pathname } : { status: 404, pathname };
}

/**
 * Serve a built site on 127.0.0.1 (a free port), as a static host would: /404.html for misses,
 * text compressed with brotli or gzip when the browser asks (Pagefind's index files and
 * images are already compressed and go as they are). `compress: false` sends every file as it is:
 * for the build's own Chromium (PDFs), where the twins do not exist yet and compressing each page
 * at brotli 11 on the main thread cost 29 s of a 1,008-lesson build (CPU profile, 2026-12-03).
 */
export async function serveDist(dist: string, headers: Record<string, string> | ((pathname: string) => Record<string, string>) = {}, options: { compress?: boolean } = {}): Promise<{ url: string; server: Server }> {
  const compressText = options.compress ?? true;
  const server = createServer((request, response) => {
    const resolved = resolveRequest(dist, request.url ?? '/');
    if (resolved.file === undefined) {
      response.writeHead(resolved.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${resolved.status}\n`);
      return;
    }
    const { status, file, pathname } = resolved;
    // Extra headers (e.g. those of public/_headers, per path) go with every response.
    const extra = typeof headers === 'function' ? headers(pathname) : headers;
    const type = { 'content-type': contentTypeOf(file), ...extra };
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (compressText && TEXT.test(file) && /\b(br|gzip)\b/.test(accepts)) {
      const encoding = /\bbr\b/.test(accepts) ? 'br' : 'gzip';
      response.writeHead(status, { ...type, 'content-encoding': encoding, vary: 'accept-encoding' });
      response.end(compress(file)[encoding]);
      return;
    }
    response.writeHead(status, type);
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Serve a folder on 127.0.0.1 with the headers a _headers file gives each path, as the host would. */
export async function serveWithHeaders(root: string, headersFile: string): Promise<{ url: string; server: Server }> {
  const rules = parseHeaders(readFileSync(headersFile, 'utf8'));
  return serveDist(root, (pathname) => headersFor(rules, pathname));
}
