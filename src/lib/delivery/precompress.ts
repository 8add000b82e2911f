import { readFile, writeFile } from 'node:fs/promises';
import { hashParts, type CacheStore } from '../build-cache/store.ts';
import { isPrintVariant, routes } from '../routes.ts';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip } from 'node:zlib';

/**
 * Precompression settings, shared by the build (src/integrations/precompress.ts), the byte
 * budgets (tests/build/budgets.test.ts) and the bench: the bytes we measure are the bytes a
 * host with `brotli_static` sends.
 */
export const BROTLI_QUALITY = 11;
/**
 * Print variants (leaflets, A5 sheets, loudspeaker scripts, meeting packs) are three of every
 * four pages but are opened to print, not to read. Measured on our 26 print pages
 * (2026-12-03): quality 11 40 ms and 5,649 B a page, 10 14 ms and 5,746 B, 9 15 ms and
 * 6,095 B, 7 0.7 ms and 6,099 B. So 7: twenty times faster than 10 for 350 more bytes
 * (+6 %), about 11 ms on 2G, paid by whoever opens a leaflet to print it. Reading pages
 * stay at 11: residents on 2G get every byte saved.
 */
export const PRINT_VARIANT_BROTLI_QUALITY = 7;
/** The CMS's files (/admin/): 5.9 MB of script an editor loads once and keeps. */
export const CMS_BROTLI_QUALITY = 10;
export const GZIP_LEVEL = 9;

/**
 * The brotli quality of a site path ("/bai-hoc/x/to-roi/" or a dist-relative file name). The
 * CMS's files (/admin/, issue 15) are at 10: 3.1 s instead of 7.6 s of a cold build, 1,399
 * instead of 1,376 KB, made once and then kept in the build cache.
 */
export function brotliQuality(sitePathOrFile: string): number {
  const sitePath = `/${sitePathOrFile.replace(/\\/g, '/').replace(/^\/+/, '')}`.replace(/index\.html$/, '');
  if (sitePath.startsWith(routes.admin())) return CMS_BROTLI_QUALITY;
  return isPrintVariant(sitePath) ? PRINT_VARIANT_BROTLI_QUALITY : BROTLI_QUALITY;
}

const brotliOptions = (size: number, quality: number) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: size },
});

/** Text assets that get .br and .gz twins. */
const TEXT_ASSET = /\.(html|css|js|mjs|json|svg|xml|webmanifest|txt)$/i;

/**
 * Whether a dist/ file gets precompressed twins. Pagefind's index files (`.pf_*`) and its wasm
 * are already gzip streams (docs/search.md): compressing them again gains nothing.
 */
export function isTextAsset(file: string): boolean {
  if (/\.pf_[a-z]+$/i.test(file) || /\.wasm(\.|$)/i.test(file)) return false;
  if (/\.(br|gz)$/i.test(file)) return false;
  return TEXT_ASSET.test(file);
}

export function brotliSize(data: Buffer | string, quality = BROTLI_QUALITY): number {
  const buffer = typeof data === 'string' ? Buffer.from(data) : data;
  return brotliCompressSync(buffer, brotliOptions(buffer.length, quality)).length;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface PrecompressResult {
  file: string;
  size: number;
  /** Bytes of the written twin, or undefined when the twin would not be smaller (not written). */
  br?: number | undefined;
  gz?: number | undefined;
  /** Twins copied from the cache (same content compressed by an earlier build). */
  cached?: boolean;
}

/** The cache key of a file's twins: its bytes and the compression settings. */
export function twinKey(raw: Uint8Array, quality = BROTLI_QUALITY): string {
  return hashParts([`br ${quality} gz ${GZIP_LEVEL}`, raw]);
}

/**
 * Writes `<file>.br` and `<file>.gz` next to a file, each only if it is smaller than the file.
 * With a store (the build cache, kind "precompress"), a file whose content was compressed
 * before gets its twins from there (brotli 11 is slow: about 110 s for the 4,000 pages of
 * 1,000 lessons on 2 busy cores).
 */
export async function precompressFile(file: string, store?: CacheStore, quality = BROTLI_QUALITY): Promise<PrecompressResult> {
  const raw = await readFile(file);
  const key = store ? twinKey(raw, quality) : '';
  const entry = store ? await store.get(key) : undefined;
  if (entry) {
    const result: PrecompressResult = { file, size: raw.length, cached: true };
    const br = entry.files.get('br');
    const gz = entry.files.get('gz');
    if (br) {
      await writeFile(`${file}.br`, br);
      result.br = br.length;
    }
    if (gz) {
      await writeFile(`${file}.gz`, gz);
      result.gz = gz.length;
    }
    return result;
  }
  const [br, gz] = await Promise.all([brotliAsync(raw, brotliOptions(raw.length, quality)), gzipAsync(raw, { level: GZIP_LEVEL })]);
  const result: PrecompressResult = { file, size: raw.length };
  const twins: Record<string, Buffer> = {};
  if (br.length < raw.length) {
    await writeFile(`${file}.br`, br);
    result.br = br.length;
    twins['br'] = br;
  }
  if (gz.length < raw.length) {
    await writeFile(`${file}.gz`, gz);
    result.gz = gz.length;
    twins['gz'] = gz;
  }
  // An entry with no files records "neither twin is smaller", so a hit restores exactly this.
  await store?.put(key, twins, {});
  return result;
}
