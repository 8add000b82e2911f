import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { cacheLine, cacheStore, KIND_LABEL } from '../lib/build-cache/settings.ts';
import { cpuReport, memoryReport, setBuildStep, watchMemory } from '../lib/build-memory.ts';

/**
 * The build cache's bookkeeping for link previews and recordings, which are made by page routes
 * (src/pages/og/, src/pages/am-thanh/): it notes when the build started, then after the pages are written logs
 * how many were made and reused and deletes the ones this build did not use.
 * (PDFs and precompressed twins do the same in their own integrations.)
 * It also samples memory for the whole build; buildMemoryReport() logs the peak at the end.
 */
export function buildCache(): AstroIntegration {
  let started = Date.now();
  return {
    name: 'ban-so:build-cache',
    hooks: {
      'astro:config:setup': () => {
        watchMemory();
      },
      'astro:build:start': async () => {
        setBuildStep('Vite');
        started = Date.now();
        // The folders of earlier versions, replaced by node_modules/.cache/ban-so/.
        await Promise.all(['ban-so-og', 'ban-so-precompress'].map((old) => rm(path.resolve('node_modules/.cache', old), { recursive: true, force: true })));
      },
      'astro:build:ssr': () => {
        setBuildStep('vẽ trang');
      },
      'astro:build:generated': () => {
        setBuildStep('sau khi vẽ trang');
      },
      'astro:build:done': async ({ logger }) => {
        // Previews and recordings are made by page routes (src/pages/og/, src/pages/am-thanh/).
        for (const kind of ['og', 'audio'] as const) {
          const store = cacheStore(kind);
          if (!store) {
            logger.info(`${KIND_LABEL[kind]}: bộ nhớ đệm tắt, làm lại tất cả`);
            continue;
          }
          const { made, fromCache } = await store.summary(started);
          const pruned = await store.prune(started);
          logger.info(cacheLine(kind, { made, fromCache, pruned }, true));
        }
      },
    },
  };
}

/** Last integration: logs the build's peak memory and the step it happened in, and each step's CPU. */
export function buildMemoryReport(): AstroIntegration {
  return {
    name: 'ban-so:build-memory',
    hooks: {
      'astro:build:done': ({ logger }) => {
        logger.info(memoryReport());
        logger.info(cpuReport());
      },
    },
  };
}
