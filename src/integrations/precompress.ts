import type { AstroIntegration } from 'astro';
import { setBuildStep } from '../lib/build-memory.ts';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheLine, cacheStore } from '../lib/build-cache/settings.ts';
import { mapLimit } from '../lib/map-limit.ts';
import { brotliQuality, isTextAsset, precompressFile } from '../lib/delivery/precompress.ts';

/**
 * Writes .br (quality 11) and .gz (level 9) twins of every text asset in dist/. Must run LAST
 * (after the search index, the PDFs and the service worker) so every file it sees is final.
 */
export function precompress(): AstroIntegration {
  return {
    name: 'ban-so:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        setBuildStep('nén sẵn');
        const dist = fileURLToPath(dir);
        const files = (await readdir(dist, { recursive: true })).map(String).filter(isTextAsset);
        const started = Date.now();
        // Twins of unchanged files come from the build cache (by content hash); BUILD_CACHE=0 or
        // PRECOMPRESS_CACHE=0 turns it off (src/lib/build-cache/settings.ts).
        const store = cacheStore('precompress');
        // 32 at a time: most files are cache hits (file reads and writes, no CPU); compression itself
        // runs on zlib's thread pool, which bounds it to its 4 threads whatever the limit.
        const results = await mapLimit(files, 32, (file) => precompressFile(path.join(dist, file), store, brotliQuality(file)));
        const pruned = store ? await store.prune(started) : 0;
        const sum = (pick: (r: (typeof results)[number]) => number) => results.reduce((total, r) => total + pick(r), 0);
        const raw = sum((r) => r.size);
        const br = sum((r) => r.br ?? r.size);
        const skipped = results.filter((r) => r.br === undefined || r.gz === undefined).length;
        const fromCache = results.filter((r) => r.cached).length;
        logger.info(`Nén sẵn: ${results.length} tệp, ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli` + ` (${skipped} tệp không nhỏ hơn khi nén, giữ nguyên) trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        logger.info(cacheLine('precompress', { made: results.length - fromCache, fromCache, damaged: store?.counts.damaged, pruned }, !!store));
      },
    },
  };
}
