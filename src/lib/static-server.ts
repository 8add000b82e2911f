import { existsSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Serve a built site on 127.0.0.1 (a free port), as a static host would: /404.html for misses,
 * text compressed with brotli or gzip when the browser asks (Pagefind's index files and
 * images are already compressed and go as they are). `compress: false` sends every file as it is:
 * for the build's own Chromium (PDFs), where the twins do not exist yet and compressing each page
 * at brotli 11 on the main thread cost 29 s of a 1,008-lesson build (CPU profile, 2026-12-03).
 */
export async function serveDist(
  dist: string,
  headers: Record<string, string> | ((pathname: string) => Record<string, string>) = {},
  options: { compress?: boolean } = {},
): Promise<{ url: string; server: Server }> {
  const compressText = options.compress ?? true;
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.join(dist, pathname);
    if (!file.startsWith(dist)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = path.join(dist, '404.html');
    }
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
