import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { cacheLine, cacheStore } from '../lib/build-cache/settings.ts';

/**
 * The build cache's bookkeeping for link previews, which are drawn by a page route
 * (src/pages/og/): it notes when the build started, then after the pages are written logs
 * how many previews were drawn and reused and deletes the ones this build did not use.
 * (PDFs and precompressed twins do the same in their own integrations.)
 */
export function buildCache(): AstroIntegration {
  let started = Date.now();
  return {
    name: 'ban-so:build-cache',
    hooks: {
      'astro:build:start': async () => {
        started = Date.now();
        // The folders of earlier versions, replaced by node_modules/.cache/ban-so/.
        await Promise.all(['ban-so-og', 'ban-so-precompress'].map((old) => rm(path.resolve('node_modules/.cache', old), { recursive: true, force: true })));
      },
      'astro:build:done': async ({ logger }) => {
        const store = cacheStore('og');
        if (!store) return logger.info('ảnh xem trước: bộ nhớ đệm tắt, vẽ lại tất cả');
        const { made, fromCache } = await store.summary(started);
        const pruned = await store.prune(started);
        logger.info(cacheLine('og', { made, fromCache, pruned }, true));
      },
    },
  };
}
