/**
 * Where the build keeps what it derived, and the switches that turn caching off.
 *   node_modules/.cache/ban-so/{pdf,og,precompress,audio,cms}/   (BUILD_CACHE_DIR moves the root)
 *   BUILD_CACHE=0   no cache at all (every PDF, preview, twin and recording made again)
 *   PDF_CACHE=0, OG_CACHE=0, PRECOMPRESS_CACHE=0, AUDIO_CACHE=0, CMS_CACHE=0   one kind off
 * Articles' HTML is kept by Astro's own data store (its cacheDir), not here: ARTICLE_CACHE=0
 * (or BUILD_CACHE=0) renders every article again (src/lib/article/loader.ts).
 * node_modules/.cache is where tools keep caches; CI saves and restores it (ci.yml).
 */
import path from 'node:path';
import { CacheStore, type Meta } from './store.ts';

export type CacheKind = 'pdf' | 'og' | 'precompress' | 'audio' | 'cms';

const SWITCH: Record<CacheKind, string> = { pdf: 'PDF_CACHE', og: 'OG_CACHE', precompress: 'PRECOMPRESS_CACHE', audio: 'AUDIO_CACHE', cms: 'CMS_CACHE' };

/** What the build log calls each kind. */
export const KIND_LABEL: Record<CacheKind, string> = { pdf: 'PDF', og: 'ảnh xem trước', precompress: 'tệp nén sẵn', audio: 'ghi âm', cms: 'trang soạn bài /admin/' };

type Env = Record<string, string | undefined>;

const off = (value: string | undefined) => value !== undefined && /^(0|false|no|off)$/i.test(value.trim());

export function cacheRoot(env: Env = process.env): string {
  return path.resolve(env['BUILD_CACHE_DIR']?.trim() || 'node_modules/.cache/ban-so');
}

/** Whether articles may keep the HTML rendered by an earlier build. */
export function articleCacheOn(env: Env = process.env): boolean {
  return !off(env['BUILD_CACHE']) && !off(env['ARTICLE_CACHE']);
}

/** The cache folder of a kind, or undefined when caching is switched off for it. */
export function cacheDir(kind: CacheKind, env: Env = process.env): string | undefined {
  if (off(env['BUILD_CACHE']) || off(env[SWITCH[kind]])) return undefined;
  return path.join(cacheRoot(env), kind);
}

/** The store of a kind, or undefined when it is switched off. */
export function cacheStore<M extends Meta = Meta>(kind: CacheKind, env: Env = process.env): CacheStore<M> | undefined {
  const dir = cacheDir(kind, env);
  return dir ? new CacheStore<M>(dir) : undefined;
}

/** "PDF: 2 tệp làm mới, 15 lấy từ bộ nhớ đệm, xoá 1 mục cũ" (or "bộ nhớ đệm tắt"). */
export function cacheLine(kind: CacheKind, counts: { made: number; fromCache: number; damaged?: number | undefined; pruned?: number | undefined }, enabled: boolean): string {
  if (!enabled) return `${KIND_LABEL[kind]}: ${counts.made} tệp làm mới (bộ nhớ đệm tắt)`;
  const parts = [`${counts.made} tệp làm mới`, `${counts.fromCache} lấy từ bộ nhớ đệm`];
  if (counts.damaged) parts.push(`${counts.damaged} mục hỏng đã làm lại`);
  if (counts.pruned) parts.push(`xoá ${counts.pruned} mục không còn dùng`);
  return `${KIND_LABEL[kind]}: ${parts.join(', ')}`;
}
