/**
 * /admin/ itself: Sveltia CMS bundled from its npm package with Vite (src/admin/main.ts), never
 * its ready-made dist/ file, which loads fonts and code from CDNs. Bundling takes a while (the
 * package is 2 MB of code), so the result is kept in the build cache, keyed by our admin code,
 * the CMS's and Vite's versions: a build that changed none of them copies it.
 * The page is plain HTML written here, not an Astro page: Astro's per-page CSP would forbid the
 * styles the CMS injects, and /admin/ has its own CSP header instead (public/_headers). The page
 * carries that same policy as a <meta> too (less what only a header can send), so a host without
 * our headers still serves it closed (issue 23).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheStore } from '../build-cache/store.ts';
import { hashParts } from '../build-cache/store.ts';
import { headerPolicyFor, metaPolicy } from '../delivery/headers.ts';
import { routes } from '../routes.ts';
import { escapeHtml } from '../text.ts';

/** Change when the way the bundle is made changes (Vite options, the page below). */
export const ADMIN_BUNDLE_VERSION = 1;

const ADMIN_PATH = routes.admin();

/** What the bundle is made from, relative to the project root. */
const SOURCE_DIRS = ['src/admin', 'src/lib/cms'];

export interface AdminBundle {
  /** File name (in /admin/) → bytes. */
  files: Map<string, Uint8Array>;
  /** The entry script's file name. */
  entry: string;
}

function packageVersion(root: string, name: string): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

export function adminBundleKey(root: string): string {
  const sources = SOURCE_DIRS.flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .flatMap((name) => [`${dir}/${name}`, readFileSync(path.join(root, dir, name))]),
  );
  return hashParts([`admin v${ADMIN_BUNDLE_VERSION}`, packageVersion(root, '@sveltia/cms'), packageVersion(root, 'vite'), ...sources]);
}

/**
 * The CMS can colour code in 242 programming languages (11 MB of grammars, one file each). Our
 * editors write lessons, not code: every grammar becomes an empty one, and a code block shows
 * as plain text. It keeps /admin/ to a few dozen files.
 */
function withoutCodeGrammars() {
  const EMPTY = '\0ban-so:no-code-grammar';
  return {
    name: 'ban-so:no-code-grammars',
    enforce: 'pre' as const,
    resolveId: (id: string) => (id.startsWith('@shikijs/langs/') ? EMPTY : undefined),
    load: (id: string) => (id === EMPTY ? 'export default [];' : undefined),
  };
}

/**
 * The CMS declares its fonts twice: as FontFace objects from its own files (bundled here) and in
 * a stylesheet that points at cdn.jsdelivr.net. The site makes no third-party request, so the
 * stylesheet's @font-face rules go; a test fails if the bundle still names a CDN.
 */
function withoutCdnFonts() {
  return {
    name: 'ban-so:no-cdn-fonts',
    transform: (code: string, id: string) => (id.includes('@sveltia/cms') && code.includes('cdn.jsdelivr.net') ? code.replace(/@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net[^}]*\}/g, '') : undefined),
  };
}

/** Bundle src/admin/main.ts with Vite into memory. */
export async function bundleAdmin(root: string): Promise<AdminBundle> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    base: ADMIN_PATH,
    plugins: [withoutCodeGrammars(), withoutCdnFonts()],
    build: {
      write: false,
      outDir: 'dist/admin',
      emptyOutDir: false,
      sourcemap: false,
      reportCompressedSize: false,
      assetsInlineLimit: 0,
      // The CMS is 2 MB of code in one module; it is not a reading page, and the warning would
      // only hide an editor's problems in the build log.
      chunkSizeWarningLimit: 4096,
      modulePreload: false,
      rollupOptions: {
        input: path.join(root, 'src/admin/main.ts'),
        output: { entryFileNames: 'cms-[hash].js', chunkFileNames: 'cms-[hash].js', assetFileNames: 'cms-[hash][extname]' },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const files = new Map<string, Uint8Array>();
  let entry: string | undefined;
  for (const result of results) {
    if (!('output' in result)) throw new Error('admin bundle: Vite returned a watcher, not a build');
    for (const item of result.output) {
      files.set(item.fileName, item.type === 'chunk' ? Buffer.from(item.code) : typeof item.source === 'string' ? Buffer.from(item.source) : item.source);
      if (item.type === 'chunk' && item.isEntry) entry = item.fileName;
    }
  }
  if (!entry) throw new Error('admin bundle: Vite produced no entry script');
  return { files, entry };
}

/** The page at /admin/: the CMS draws everything; without JavaScript it says what to do. */
/** /admin/'s CSP as a <meta> may carry it: public/_headers' policy for /admin/, less frame-ancestors. */
export function adminMetaPolicy(root: string): string {
  return metaPolicy(headerPolicyFor(readFileSync(path.join(root, 'public', '_headers'), 'utf8'), ADMIN_PATH));
}

export function adminIndexHtml(entry: string, policy: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Soạn bài — Bản Số</title>
<script type="module" src="${ADMIN_PATH}${entry}"></script>
</head>
<body>
<noscript><p>Trang soạn bài cần bật JavaScript. Không bật được thì xem CONTRIBUTING.md để sửa bài trên GitHub.</p></noscript>
</body>
</html>
`;
}

export interface AdminMeta extends Record<string, unknown> {
  entry: string;
  /** Cache file name (file-0, file-1…) → file name in /admin/ (Vite's names hold capitals). */
  names: Record<string, string>;
}

export interface AdminBuildResult {
  files: number;
  bytes: number;
  fromCache: boolean;
}

/**
 * Bundle in a child process: Vite holds ~400 MB while it bundles the CMS, and a build's peak
 * memory is what limits large sites (issue 12). The child writes the files into `outDir` and
 * prints the entry's name.
 */
export async function bundleAdminInChild(root: string, outDir: string): Promise<AdminBundle> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), root, outDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  if (code !== 0) throw new Error(`admin bundle: Vite stopped with code ${code} (its message is above)`);
  const entry = stdout.trim().split('\n').at(-1) ?? '';
  const files = new Map<string, Uint8Array>();
  for (const name of await readdir(outDir)) files.set(name, await readFile(path.join(outDir, name)));
  if (!files.has(entry)) throw new Error(`admin bundle: the entry "${entry}" is missing from ${outDir}`);
  return { files, entry };
}

/** The bundle from the cache, or made now (and stored); no store: always made. */
export async function adminBundle(root: string, store?: CacheStore<AdminMeta>): Promise<AdminBundle & { fromCache: boolean }> {
  const key = adminBundleKey(root);
  const cached = await store?.get(key);
  if (cached) {
    const files = new Map<string, Uint8Array>();
    for (const [cacheName, fileName] of Object.entries(cached.meta.names)) {
      const bytes = cached.files.get(cacheName);
      if (!bytes) break;
      files.set(fileName, bytes);
    }
    if (files.size === Object.keys(cached.meta.names).length) return { files, entry: cached.meta.entry, fromCache: true };
  }
  const outDir = await mkdtemp(path.join(tmpdir(), 'ban-so-admin-'));
  try {
    const bundle = await bundleAdminInChild(root, outDir);
    if (store) {
      const names: Record<string, string> = {};
      const files: Record<string, Uint8Array> = {};
      [...bundle.files].forEach(([fileName, bytes], index) => {
        names[`file-${index}`] = fileName;
        files[`file-${index}`] = bytes;
      });
      await store.put(key, files, { entry: bundle.entry, names });
    }
    return { ...bundle, fromCache: false };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Write /admin/ (page and bundle) into dist/. */
export async function writeAdmin(root: string, dist: string, store?: CacheStore<AdminMeta>): Promise<AdminBuildResult> {
  const bundle = await adminBundle(root, store);
  const dir = path.join(dist, ADMIN_PATH);
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (const [name, content] of bundle.files) {
    await writeFile(path.join(dir, name), content);
    bytes += content.length;
  }
  await writeFile(path.join(dir, 'index.html'), adminIndexHtml(bundle.entry, adminMetaPolicy(root)));
  return { files: bundle.files.size + 1, bytes, fromCache: bundle.fromCache };
}

// Run as a script (by bundleAdminInChild): node admin-bundle.ts <root> <outDir>
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = '.', outDir = 'admin-bundle'] = process.argv.slice(2);
  const bundle = await bundleAdmin(root);
  await mkdir(outDir, { recursive: true });
  for (const [name, bytes] of bundle.files) await writeFile(path.join(outDir, name), bytes);
  process.stdout.write(`${bundle.entry}\n`);
}
