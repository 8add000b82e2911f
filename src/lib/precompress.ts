import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

/**
 * Precompression settings, shared by the build (src/integrations/precompress.ts), the byte
 * budgets (tests/build/budgets.test.ts) and the bench: the bytes we measure are the bytes a
 * host with `brotli_static` sends.
 */
export const BROTLI_QUALITY = 11;
export const GZIP_LEVEL = 9;

const brotliOptions = (size: number) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: size },
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

export function brotliSize(data: Buffer | string): number {
  const buffer = typeof data === 'string' ? Buffer.from(data) : data;
  return brotliCompressSync(buffer, brotliOptions(buffer.length)).length;
}

export function gzipBuffer(data: Buffer): Buffer {
  return gzipSync(data, { level: GZIP_LEVEL });
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

/** Where twins are kept between builds, by a hash of the file's content. */
export const DEFAULT_PRECOMPRESS_CACHE = path.resolve('node_modules/.cache/ban-so-precompress');

/**
 * Writes `<file>.br` and `<file>.gz` next to a file, each only if it is smaller than the file.
 * With a cache folder, a file whose content was compressed before gets its twins copied from
 * there (brotli 11 is slow: about 110 s for the 4,000 pages of 1,000 lessons on 2 busy cores).
 * `used` collects the cache keys of this build, so pruneCache() can drop the others.
 */
export async function precompressFile(file: string, cache?: { dir: string; used: Set<string> }): Promise<PrecompressResult> {
  const raw = await readFile(file);
  const key = cache ? createHash('sha256').update(raw).digest('hex') : '';
  if (cache) {
    cache.used.add(key);
    const twins = await Promise.all(['br', 'gz'].map((ext) => stat(path.join(cache.dir, `${key}.${ext}`)).then((s) => s.size, () => undefined)));
    const none = await stat(path.join(cache.dir, `${key}.none`)).then(() => true, () => false);
    if (twins.every((size) => size !== undefined) || none) {
      try {
        const result: PrecompressResult = { file, size: raw.length, cached: true };
        if (twins[0] !== undefined) {
          await copyFile(path.join(cache.dir, `${key}.br`), `${file}.br`);
          result.br = twins[0];
        }
        if (twins[1] !== undefined) {
          await copyFile(path.join(cache.dir, `${key}.gz`), `${file}.gz`);
          result.gz = twins[1];
        }
        return result;
      } catch {
        // Pruned by another build meanwhile: compress again below.
      }
    }
  }
  const [br, gz] = await Promise.all([brotliAsync(raw, brotliOptions(raw.length)), gzipAsync(raw, { level: GZIP_LEVEL })]);
  const result: PrecompressResult = { file, size: raw.length };
  if (br.length < raw.length) {
    await writeFile(`${file}.br`, br);
    result.br = br.length;
  }
  if (gz.length < raw.length) {
    await writeFile(`${file}.gz`, gz);
    result.gz = gz.length;
  }
  if (cache) {
    await mkdir(cache.dir, { recursive: true });
    // Both twins, or a marker for neither, so a hit restores exactly what was written (a file
    // with one twin only, a few bytes long, is simply compressed again next time).
    if (result.br !== undefined && result.gz !== undefined) {
      await writeFile(path.join(cache.dir, `${key}.br`), br);
      await writeFile(path.join(cache.dir, `${key}.gz`), gz);
    } else if (result.br === undefined && result.gz === undefined) await writeFile(path.join(cache.dir, `${key}.none`), '');
  }
  return result;
}

/** Deletes cached twins this build did not use: the cache never outgrows one build. */
export async function pruneCache(dir: string, used: ReadonlySet<string>): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => !used.has(name.replace(/\.(br|gz|none)$/, '')));
  await mapLimit(stale, 16, (name) => rm(path.join(dir, name), { force: true }));
  return stale.length;
}

/** Runs `work` over `items` with at most `limit` at a time, in order of completion. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(runners);
  return results;
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
