import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatReport } from '../lib/content/problems.ts';
import { normaliseFiles, validateContent } from '../lib/content/validate.ts';

/**
 * Runs the same checks as `npm run check` before Astro reads any content, so a broken
 * article stops the build with editor-friendly messages instead of a stack trace,
 * and no partial dist/ is written.
 *
 * A build starts by deleting dist/: a build that fails (here, or later while compiling
 * or writing pages) never leaves an older, complete-looking site behind. Astro would empty
 * dist/ itself, but only after content sync, too late for problems found before it.
 */
export function contentGate(): AstroIntegration {
  return {
    name: 'ban-so:content-gate',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        if (command === 'build') await rm(config.outDir, { recursive: true, force: true });
        const result = await validateContent(root);
        if (result.notNfc.length && command === 'build') {
          // Canonically equivalent text: rewriting to NFC loses nothing and keeps search exact.
          await normaliseFiles(root, result.notNfc);
          logger.info(`Đã chuẩn hoá NFC: ${result.notNfc.join(', ')}`);
        }
        if (result.problems.length === 0) {
          logger.info(`Nội dung hợp lệ: ${result.entries.length} mục.`);
          return;
        }
        const report = formatReport(result.problems);
        if (command !== 'build') {
          logger.warn(`\n${report}`);
          return;
        }
        logger.error(`\n${report}`);
        const error = new Error(`Nội dung có ${result.problems.length} lỗi: xem danh sách ở trên (hoặc chạy "npm run check").`);
        error.stack = error.message;
        throw error;
      },
    },
  };
}
